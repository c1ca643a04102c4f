package org.citygrants.cohort.web;

import static org.citygrants.process.CityGrantProcess.Elements.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.access.GrantPolicy;
import org.citygrants.api.ApiException;
import org.citygrants.cohort.CohortFeed;
import org.citygrants.cohort.PeerExchanges;
import org.citygrants.cohort.SharedLearnings;
import org.citygrants.cohort.web.CohortView.Decisions;
import org.citygrants.cohort.web.CohortView.Experiment;
import org.citygrants.cohort.web.CohortView.Grant;
import org.citygrants.cohort.web.CohortView.Learning;
import org.citygrants.cohort.web.CohortView.Money;
import org.citygrants.cohort.web.CohortView.OverdueReport;
import org.citygrants.cohort.web.CohortView.PeerExchange;
import org.citygrants.cohort.web.CohortView.Person;
import org.citygrants.cohort.web.CohortView.Phase;
import org.citygrants.cohort.web.CohortView.Preparation;
import org.citygrants.cohort.web.CohortView.Step;
import org.citygrants.cohort.web.CohortView.Summary;
import org.citygrants.cohort.web.CohortView.Win;
import org.citygrants.experiment.ExperimentLog;
import org.citygrants.language.Languages;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.pause.GrantPauses;
import org.citygrants.grant.pause.Pause;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.ledger.BudgetVsActualRow;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.ProgrammeProcess;
import org.citygrants.process.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * Builds the cohort view: every grant of the register with its phase and preparation progress
 * (from the engine's runtime and history), its experiments and decisions (experiment log), its
 * money (ledger), the cohort's wins (feed), the learnings cities chose to share, the peer
 * exchanges' notes and the overdue reports (open report tasks past their due date), then keeps what
 * the viewer may see.
 *
 * <p>The engine is read as the application, without the viewer's authorisations (a city may not
 * read another city's process instances, yet sees its phase here): this is a server-side
 * aggregate, and what leaves it is decided by the viewer's role below.
 *
 * <ul>
 *   <li>programme managers, programme officers, finance officers: everything, money included;</li>
 *   <li>a coach: everything of the grants they coach; of the others, what a city sees;</li>
 *   <li>a city team ({@code city-<code>}): every grant's phase, preparation progress, experiment
 *       types and decisions, the wins and the shared learnings (peer emulation), the notes of the
 *       peer exchanges of its grants' programmes; money, experiment budgets, the late flag,
 *       overdue reports and the link to the grant's page of its own grants only.</li>
 * </ul>
 * Anyone else (no programme role) is refused. Report texts are never part of the view, except the
 * learnings a city chose to share.
 */
@Service
public class CohortViewService {

  /** The wins shown, newest first. */
  static final int WINS_SHOWN = 50;
  /** The shared learnings and peer exchanges shown, newest first. */
  static final int LEARNINGS_SHOWN = 50;
  static final int EXCHANGES_SHOWN = 20;

  /** A preparation step: its key in the view, its label, the activity whose completion marks it done. */
  private record PreparationStep(String key, String label, String activityId) {}

  /**
   * The four preparation steps of the preparation sub-process; the procurement plan counts as
   * approved once the advance rate was determined (only an approved plan leads there).
   */
  private static final List<PreparationStep> PREPARATION_STEPS = List.of(
      new PreparationStep("onboarding", "Method onboarding", COMPLETE_METHOD_ONBOARDING),
      new PreparationStep("planning", "Planning canvas", PLAN_EXPERIMENTATION),
      new PreparationStep("authorisations", "Internal authorisations", OBTAIN_INTERNAL_AUTHORISATIONS),
      new PreparationStep("procurement", "Procurement approved", DETERMINE_ADVANCE_RATE));

  /** The grant's own page, for those who may read the grant in full. */
  static final String GRANT_PAGE = "/grants/";

  private static final Map<String, String> REPORTS = Map.of(
      SUBMIT_PROGRESS_REPORT, "cohort.report.progress",
      SUBMIT_FINAL_REPORT, "cohort.report.final");

  private final GrantRegister register;
  private final ExperimentLog experimentLog;
  private final CohortFeed feed;
  private final LedgerService ledger;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;
  private final GrantPolicy policy;
  private final SharedLearnings sharedLearnings;
  private final PeerExchanges peerExchanges;

  private final GrantPauses pauses;

  public CohortViewService(GrantRegister register, ExperimentLog experimentLog, CohortFeed feed, LedgerService ledger,
      HistoryService historyService, TaskService taskService, IdentityService identityService,
      ProcessEngineConfiguration configuration, GrantPolicy policy, SharedLearnings sharedLearnings,
      PeerExchanges peerExchanges, GrantPauses pauses) {
    this.pauses = pauses;
    this.policy = policy;
    this.sharedLearnings = sharedLearnings;
    this.peerExchanges = peerExchanges;
    this.register = register;
    this.experimentLog = experimentLog;
    this.feed = feed;
    this.ledger = ledger;
    this.historyService = historyService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.configuration = (ProcessEngineConfigurationImpl) configuration;
  }

  /**
   * The view for this user.
   *
   * @throws ApiException 403 when the user has no programme role (staff, coach, city team)
   */
  public CohortView viewFor(String userId) {
    Locale language = ReaderLanguage.current(); // the reader's, worked out before the engine is read as the application
    return asApplication(() -> build(userId, language));
  }

  private CohortView build(String userId, Locale language) {
    List<GrantRecord> grants = register.all();
    CohortViewer viewer = viewer(userId, grants, language);
    Instant now = ClockUtil.getCurrentTime().toInstant();

    Map<String, BudgetVsActualRow> money = ledger.budgetVsActual().stream()
        .collect(Collectors.toMap(BudgetVsActualRow::grantReference, Function.identity(), (a, b) -> a));
    Map<String, List<ExperimentLog.Experiment>> experiments = experimentLog.all().stream()
        .collect(Collectors.groupingBy(ExperimentLog.Experiment::grantReference, LinkedHashMap::new, Collectors.toList()));
    Map<String, String> programmeNames = programmeNames(grants);
    Map<String, String> names = displayNames(grants.stream().map(GrantRecord::coach).filter(Objects::nonNull).toList());

    Map<String, Pause> openPauses = pauses.open();
    List<Grant> rows = new ArrayList<>();
    for (GrantRecord grant : grants) {
      boolean full = viewer.fullAccess(grant);
      List<ExperimentLog.Experiment> ran = experiments.getOrDefault(grant.grantReference(), List.of());
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(grant.processInstanceId()).singleResult();
      List<HistoricActivityInstance> activities = instance == null ? List.of()
          : historyService.createHistoricActivityInstanceQuery().processInstanceId(grant.processInstanceId()).list();
      GrantPhase phase = GrantPhase.of(instance, activities);
      rows.add(new Grant(grant.grantReference(), grant.cityCode(), grant.cityName(),
          programmeNames.get(grant.programmeInstanceId()),
          grant.coach() == null ? null : new Person(grant.coach(), names.getOrDefault(grant.coach(), grant.coach())),
          grant.objectiveType(),
          new Phase(phase.key(), phase.label(language), phase.step(), GrantPhase.STEPS, phase.ended()),
          preparation(activities, language),
          full ? grant.preparationLate() : null,
          experiments(ran, full),
          decisions(ran),
          full ? money(money.get(grant.grantReference())) : null,
          full ? "full" : "peer",
          full ? GRANT_PAGE + grant.grantReference() : null,
          paused(openPauses.get(grant.grantReference()), full, language)));
    }
    List<OverdueReport> overdue = overdueReports(grants, viewer, now, language);

    List<CohortFeed.Win> feedWins = feed.recent(WINS_SHOWN);
    Map<String, String> flaggers = displayNames(feedWins.stream().map(CohortFeed.Win::flaggedBy)
        .filter(Objects::nonNull).toList());
    List<Win> wins = feedWins.stream()
        .map(w -> new Win(w.grantReference(), w.cityName(), w.story(),
            w.flaggedBy() == null ? null : flaggers.getOrDefault(w.flaggedBy(), w.flaggedBy()), w.flaggedAt()))
        .toList();

    List<Learning> learnings = sharedLearnings.recent(LEARNINGS_SHOWN).stream()
        .map(l -> new Learning(l.cityName(), l.experimentTitle(), l.experimentType(), l.decision(), l.learnings(),
            l.decidedAt()))
        .toList();
    List<PeerExchange> exchanges = peerExchanges(grants, viewer);

    Money totals = viewer.programmeStaff() ? total(money.values()) : null;
    String currency = money.values().stream().map(BudgetVsActualRow::currency).filter(Objects::nonNull).findFirst()
        .orElse("EUR");
    int experimentCount = rows.stream().mapToInt(g -> g.experiments().size()).sum();
    Set<String> distinctProgrammes = new LinkedHashSet<>();
    rows.stream().map(Grant::programmeName).filter(Objects::nonNull).forEach(distinctProgrammes::add);
    String programmeName = distinctProgrammes.isEmpty() ? null : String.join(" · ", distinctProgrammes);

    return new CohortView(now, programmeName, viewer.toJson(language), currency,
        new Summary(rows.size(), experimentCount, wins.size(), overdue.size(), totals), rows, wins, learnings, exchanges,
        overdue);
  }

  /**
   * The notes of the peer exchanges the viewer's cohort held: a city team reads those of the
   * programmes its grants belong to; programme staff and coaches read every programme's.
   */
  private List<PeerExchange> peerExchanges(List<GrantRecord> grants, CohortViewer viewer) {
    Set<String> programmes = grants.stream().filter(g -> viewer.cityCodes().contains(g.cityCode()))
        .map(GrantRecord::programmeInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
    boolean everyProgramme = viewer.programmeStaff() || viewer.coach();
    List<PeerExchanges.Exchange> held = peerExchanges.recent(EXCHANGES_SHOWN * 10).stream()
        .filter(e -> everyProgramme || programmes.contains(e.programmeInstanceId())).limit(EXCHANGES_SHOWN).toList();
    Map<String, String> hosts = displayNames(held.stream().map(PeerExchanges.Exchange::heldBy).filter(Objects::nonNull)
        .toList());
    return held.stream().map(e -> new PeerExchange(e.programmeName(), e.heldOn().toString(), e.theme(), e.notes(),
        e.heldBy() == null ? null : hosts.getOrDefault(e.heldBy(), e.heldBy()))).toList();
  }

  private static CohortView.Paused paused(Pause pause, boolean full, Locale language) {
    return pause == null ? null : new CohortView.Paused(pause.pausedAt(), pause.reason(),
        Words.say(language, "pause.reason." + pause.reason()), full ? pause.note() : null, pause.expectedResume());
  }

  // --- who is looking

  /** The viewer's role; 403 without one. */
  CohortViewer viewer(String userId, List<GrantRecord> grants) {
    return viewer(userId, grants, ReaderLanguage.current());
  }

  CohortViewer viewer(String userId, List<GrantRecord> grants, Locale language) {
    GrantPolicy.Person person = policy.person(userId);
    boolean coachesAGrant = grants.stream().anyMatch(g -> userId.equals(g.coach()));
    if (!policy.seesTheCohort(person, coachesAGrant)) {
      throw ApiException.forbidden(Words.say(language, "cohort.forbidden"));
    }
    String name = displayNames(List.of(userId)).getOrDefault(userId, userId);
    return new CohortViewer(person, name, person.isInCoachesGroup() || coachesAGrant, policy);
  }

  // --- the engine: phase, preparation, overdue reports

  /** Done: the three city tasks completed (not cancelled), and the procurement approved (the advance sized). */
  static Preparation preparation(List<HistoricActivityInstance> activities) {
    return preparation(activities, Languages.FALLBACK);
  }

  static Preparation preparation(List<HistoricActivityInstance> activities, Locale language) {
    Set<String> done = new LinkedHashSet<>();
    for (HistoricActivityInstance activity : activities) {
      boolean completed = activity.getEndTime() != null && !activity.isCanceled();
      if (completed || DETERMINE_ADVANCE_RATE.equals(activity.getActivityId())) {
        done.add(activity.getActivityId());
      }
    }
    List<Step> steps = PREPARATION_STEPS.stream()
        .map(s -> new Step(s.key(), Words.say(language, "cohort.step." + s.key()), done.contains(s.activityId())))
        .toList();
    return new Preparation((int) steps.stream().filter(Step::done).count(), steps.size(), steps);
  }

  /** Open report tasks past their due date, of the grants the viewer sees in full, the longest overdue first. */
  private List<OverdueReport> overdueReports(List<GrantRecord> grants, CohortViewer viewer, Instant now,
      Locale language) {
    Map<String, GrantRecord> byInstance = grants.stream().filter(viewer::fullAccess)
        .collect(Collectors.toMap(GrantRecord::processInstanceId, Function.identity(), (a, b) -> a));
    List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(CityGrantProcess.PROCESS_ID)
        .taskDefinitionKeyIn(REPORTS.keySet().toArray(String[]::new)).active() // a paused grant's report waits
        .dueBefore(java.util.Date.from(now)).orderByDueDate().asc().list();
    List<OverdueReport> reports = new ArrayList<>();
    for (Task task : tasks) {
      GrantRecord grant = byInstance.get(task.getProcessInstanceId());
      if (grant == null || task.getDueDate() == null) {
        continue;
      }
      Instant due = task.getDueDate().toInstant();
      reports.add(new OverdueReport(grant.grantReference(), grant.cityName(),
          Words.say(language, REPORTS.get(task.getTaskDefinitionKey())),
          due, Duration.between(due, now).toDays()));
    }
    return reports;
  }

  private Map<String, String> programmeNames(List<GrantRecord> grants) {
    Map<String, String> names = new HashMap<>();
    grants.stream().map(GrantRecord::programmeInstanceId).filter(Objects::nonNull).distinct().forEach(id -> {
      List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(id).variableName(ProgrammeProcess.PROGRAMME_NAME.name()).list();
      variables.stream().map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
          .findFirst().ifPresent(name -> names.put(id, name));
    });
    return names;
  }

  private Map<String, String> displayNames(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return identityService.createUserQuery().userIdIn(userIds.stream().distinct().toArray(String[]::new)).list()
        .stream().collect(Collectors.toMap(User::getId, CohortViewService::displayName, (a, b) -> a));
  }

  private static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  // --- experiments and money

  private static List<Experiment> experiments(List<ExperimentLog.Experiment> experiments, boolean full) {
    // peers see what the README promises (types and decisions), never the title a city typed
    return experiments.stream().map(e -> new Experiment(e.number(), full ? e.title() : null, e.type(), e.outcome(),
        e.winFlagged(),
        full ? amount(e.budget()) : null, full ? amount(e.spent()) : null)).toList();
  }

  private static Decisions decisions(List<ExperimentLog.Experiment> experiments) {
    Map<String, Long> counts = experiments.stream()
        .collect(Collectors.groupingBy(e -> e.outcome() == null ? "running" : e.outcome(), Collectors.counting()));
    return new Decisions(counts.getOrDefault("persevere", 0L).intValue(), counts.getOrDefault("pivot", 0L).intValue(),
        counts.getOrDefault("stop", 0L).intValue(), counts.getOrDefault("running", 0L).intValue());
  }

  private static Money money(BudgetVsActualRow row) {
    return row == null ? null : new Money(amount(row.awarded()), amount(row.paid()), amount(row.reportedSpent()));
  }

  private static Money total(Collection<BudgetVsActualRow> rows) {
    return new Money(
        amount(rows.stream().map(BudgetVsActualRow::awarded).reduce(BigDecimal.ZERO, BigDecimal::add)),
        amount(rows.stream().map(BudgetVsActualRow::paid).reduce(BigDecimal.ZERO, BigDecimal::add)),
        amount(rows.stream().map(BudgetVsActualRow::reportedSpent).reduce(BigDecimal.ZERO, BigDecimal::add)));
  }

  static String amount(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * Runs the reads as the application: in one engine command without authorisation checks, so
   * the engine authentication a request filter set for the viewer does not limit the aggregate.
   */
  private <T> T asApplication(Callable<T> work) {
    return SystemAccess.run(configuration, () -> {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
