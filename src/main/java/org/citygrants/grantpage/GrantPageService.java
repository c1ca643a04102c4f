package org.citygrants.grantpage;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.access.GrantPolicy;
import org.citygrants.api.ApiException;
import org.citygrants.cohort.SharedLearnings;
import org.citygrants.cohort.web.GrantPhase;
import org.citygrants.config.GrantDurations;
import org.citygrants.evidence.EvidenceFile;
import org.citygrants.evidence.EvidenceFiles;
import org.citygrants.evidence.MovementEvidence;
import org.citygrants.experiment.ExperimentLog;
import org.citygrants.grant.AwardAcceptance;
import org.citygrants.grant.AwardTexts;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.SizingRules;
import org.citygrants.grant.change.GrantChange;
import org.citygrants.grant.change.GrantChanges;
import org.citygrants.grant.pause.GrantPauses;
import org.citygrants.grant.pause.Pause;
import org.citygrants.identity.CityDirectory;
import org.citygrants.language.FormTexts;
import org.citygrants.language.Languages;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.ExchangeRate;
import org.citygrants.ledger.ExchangeRates;
import org.citygrants.ledger.LocalSpending;
import org.citygrants.ledger.SpendingItem;
import org.citygrants.ledger.GrantAccount;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerProperties;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Movement;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.notification.NotificationProperties;
import org.citygrants.payment.PaymentCalendar;
import org.citygrants.process.SystemAccess;
import org.citygrants.validation.FormInputValidator;
import org.springframework.stereotype.Service;

/**
 * Builds a grant's page for one viewer: the register says whose grant it is, {@link GrantPolicy}
 * whether the viewer reads it (its city team, its coach, programme staff and finance; anyone else
 * 403), then the engine's runtime and history, the experiment log and the ledger give the rest.
 * The engine is read as the application: the viewer may read the grant, though not every task of
 * it (a city does not see the finance officer's approval, yet sees that a payment waits for it).
 */
@Service
public class GrantPageService {

  /** The review tasks of the reports a city submits (the report's name as a text key), their decision and feedback. */
  private record Review(String taskKey, String report, String acceptedVariable, String feedbackVariable) {}

  private static final List<Review> REVIEWS = List.of(
      new Review(Elements.DECIDE_EXPERIMENT_OUTCOME, "grant.report.experiment", EXPERIMENT_REPORT_ACCEPTED.name(),
          EXPERIMENT_REPORT_FEEDBACK.name()),
      new Review(Elements.REVIEW_PROGRESS_REPORT, "grant.report.progress", PROGRESS_REPORT_ACCEPTED.name(),
          PROGRESS_REPORT_FEEDBACK.name()),
      new Review(Elements.REVIEW_TRANSITION_PLAN, "grant.report.transition", TRANSITION_PLAN_ACCEPTED.name(),
          "transitionPlanFeedback"),
      new Review(Elements.REVIEW_FINAL_REPORT, "grant.report.final", FINAL_REPORT_ACCEPTED.name(),
          FINAL_REPORT_FEEDBACK.name()));

  /** Phases in which an award stands (offered, accepted, running); before them nothing is expected. */
  private static final java.util.Set<GrantPhase> AWARD_OFFERED_OR_LATER = java.util.EnumSet.complementOf(
      java.util.EnumSet.of(GrantPhase.APPLICATION, GrantPhase.DECLINED, GrantPhase.CLOSED));

  /** The other cities' learnings shown on a grant's page, at most (the cohort view has them all). */
  static final int PEER_LEARNINGS_SHOWN = 10;

  private static final java.util.Set<String> DECISIONS = java.util.Set.of("persevere", "pivot", "stop");

  /** The coach's decision in the reader's words ("Persevere", "Persévérer"). */
  private static String decision(String outcome, Locale language) {
    return outcome == null ? null : DECISIONS.contains(outcome) ? Words.say(language, "grant.decision." + outcome) : outcome;
  }

  private final GrantRegister register;
  private final GrantPolicy policy;
  private final ExperimentLog experimentLog;
  private final LedgerService ledger;
  private final LedgerProperties money;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ProcessEngineConfiguration configuration;
  private final FormInputValidator forms;
  private final GrantDurations durations;
  private final NotificationProperties links;
  private final AwardAcceptance acceptances;
  private final SharedLearnings sharedLearnings;
  private final FormTexts formTexts;
  private final GrantPauses pauses;
  private final EvidenceFiles evidence;
  private final GrantChanges changes;
  private final LocalSpending localSpending;
  private final ExchangeRates rates;
  private final MovementEvidence movementEvidence;

  public GrantPageService(GrantRegister register, GrantPolicy policy, ExperimentLog experimentLog, LedgerService ledger,
      LedgerProperties money, HistoryService historyService, TaskService taskService, IdentityService identityService,
      ProcessEngineConfiguration configuration, FormInputValidator forms, GrantDurations durations,
      NotificationProperties links, AwardAcceptance acceptances, SharedLearnings sharedLearnings, FormTexts formTexts,
      GrantPauses pauses, EvidenceFiles evidence, GrantChanges changes, LocalSpending localSpending,
      ExchangeRates rates, MovementEvidence movementEvidence) {
    this.movementEvidence = movementEvidence;
    this.changes = changes;
    this.localSpending = localSpending;
    this.rates = rates;
    this.formTexts = formTexts;
    this.pauses = pauses;
    this.evidence = evidence;
    this.register = register;
    this.policy = policy;
    this.experimentLog = experimentLog;
    this.ledger = ledger;
    this.money = money;
    this.historyService = historyService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.configuration = configuration;
    this.forms = forms;
    this.durations = durations;
    this.links = links;
    this.acceptances = acceptances;
    this.sharedLearnings = sharedLearnings;
  }

  /** The grants the user reads in full, for the list page and Tasklist's "My grant" link. */
  public List<GrantSummary> grantsOf(String userId) {
    Locale language = ReaderLanguage.current();
    return SystemAccess.run(configuration, () -> {
      GrantPolicy.Person person = policy.person(userId);
      List<GrantSummary> grants = new ArrayList<>();
      for (GrantRecord grant : register.all()) {
        if (policy.readsInFull(person, grant.cityCode(), grant.coach())) {
          GrantPhase phase = phase(grant, activities(grant));
          grants.add(new GrantSummary(grant.grantReference(), grant.cityName(), phase.label(language), phase.ended(),
              "/grants/" + grant.grantReference()));
        }
      }
      return grants;
    });
  }

  /** A grant in a list: where it stands and where its page is. */
  public record GrantSummary(String reference, String cityName, String phase, boolean ended, String page) {}

  /**
   * The page of one grant for this user.
   *
   * @throws ApiException 404 for an unknown grant, 403 when the user may not read it
   */
  public GrantPage pageFor(String userId, String reference) {
    Locale language = ReaderLanguage.current(); // the reader's, worked out before the engine is read as the application
    return SystemAccess.run(configuration, () -> build(userId, reference, language));
  }

  /**
   * The payment calendars of every grant the user reads in full (finance's view of the weeks to
   * come is built from these).
   */
  public Map<GrantRecord, List<PaymentCalendar.Entry>> calendarsOf(String userId) {
    Locale language = ReaderLanguage.current();
    return SystemAccess.run(configuration, () -> {
      GrantPolicy.Person person = policy.person(userId);
      Map<GrantRecord, List<PaymentCalendar.Entry>> calendars = new LinkedHashMap<>();
      for (GrantRecord grant : register.all()) {
        if (policy.readsInFull(person, grant.cityCode(), grant.coach())) {
          Variables variables = variables(grant);
          List<HistoricActivityInstance> activities = activities(grant);
          calendars.put(grant, calendar(grant, variables, statement(grant).orElse(null), phase(grant, activities),
              advanceRateDecided(activities), language));
        }
      }
      return calendars;
    });
  }

  private GrantPage build(String userId, String reference, Locale language) {
    GrantRecord grant = register.find(reference)
        .orElseThrow(() -> ApiException.notFound(Words.say(language, "grant.unknown", reference)));
    GrantPolicy.Person person = policy.person(userId);
    if (!policy.readsInFull(person, grant.cityCode(), grant.coach())) {
      throw ApiException.forbidden(Words.say(language, "grant.forbidden", reference, grant.cityName()));
    }
    Variables variables = variables(grant);
    List<HistoricActivityInstance> activities = activities(grant);
    GrantPhase phase = phase(grant, activities);
    Optional<GrantStatement> statement = statement(grant);
    String currency = statement.map(GrantStatement::currency).orElse(money.currency());
    List<Pause> pauseHistory = pauses.history(grant.grantReference());
    Pause open = pauseHistory.stream().filter(Pause::open).findFirst().orElse(null);

    return new GrantPage(grant.grantReference(), grant.cityCode(), grant.cityName(),
        variables.string(PROGRAMME_NAME.name()), objective(grant, variables, language), coach(grant, language),
        new GrantPage.Status(phase.key(), phase.label(language), phase.step(), GrantPhase.STEPS, phase.ended()), currency,
        terms(grant, variables, statement.orElse(null), advanceRateDecided(activities), language),
        nextSteps(grant, person, open != null, language),
        stepsDone(grant, pauseHistory, language),
        experiments(grant, language),
        reports(grant, language),
        payments(grant, calendar(grant, variables, statement.orElse(null), phase, advanceRateDecided(activities),
            language), statement.orElse(null), language),
        statement.map(GrantPageService::money).orElse(null),
        cohortLearnings(grant, language),
        ClockUtil.getCurrentTime().toInstant(),
        open == null ? null : paused(open, language),
        pauseHistory.stream().map(p -> pauseRecord(p, language)).toList(),
        documents(userId, grant, language),
        actions(person, grant, phase, statement.orElse(null), open != null, language),
        changes.history(grant.grantReference()).stream().map(c -> changeRecord(c, language)).toList(),
        spending(grant, currency, language));
  }

  private static String rateInWords(java.math.BigDecimal rate, Locale language) {
    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language);
    format.setMaximumFractionDigits(6);
    return format.format(rate);
  }

  private List<GrantPage.SpendingRecord> spending(GrantRecord grant, String currency, Locale language) {
    List<GrantPage.SpendingRecord> records = new ArrayList<>();
    for (SpendingItem item : localSpending.items(grant.grantReference())) {
      boolean converted = item.unitsPerEuro() != null;
      records.add(new GrantPage.SpendingRecord(item.spentOn(), item.description(),
          Words.say(language, "award.line." + item.line().name()), Words.amount(item.amount(), currency, language),
          converted ? Words.amount(item.originalAmount(), item.originalCurrency(), language) : null,
          converted ? Words.say(language, "page.grant.spending.rate", currency,
              rateInWords(item.unitsPerEuro(), language), item.originalCurrency(),
              Words.longDay(item.rateValidFrom(), language)) : null,
          item.documentId() == null ? null : "/api/documents/" + item.documentId()));
    }
    Collections.reverse(records);
    return records;
  }

  private GrantPage.ChangeRecord changeRecord(GrantChange c, Locale language) {
    return new GrantPage.ChangeRecord(Words.say(language, "change.kind." + c.kind()), changes.summary(c, language),
        c.reason(), changes.nameOf(c.requestedBy()), c.requestedAt(), c.status(),
        Words.say(language, "change.status." + c.status()), changes.nameOf(c.decidedBy()),
        changes.nameOf(c.approvedBy()), c.decisionNote(), c.closedAt());
  }

  // --- what the reader may do from the page

  /**
   * The actions the page offers this reader: the same rules as the API's (access.GrantPolicy), on a
   * grant still running; the API decides again and refuses in words what the state no longer allows.
   */
  private GrantPage.Actions actions(GrantPolicy.Person person, GrantRecord grant, GrantPhase phase,
      GrantStatement statement, boolean paused, Locale language) {
    boolean running = !phase.ended() && (statement == null || statement.status() != GrantAccount.Status.CLOSED);
    boolean officer = policy.stopsGrants(person);
    boolean manager = policy.assignsCoaches(person);
    boolean city = person.cityCodes().contains(grant.cityCode());
    boolean coach = person.userId().equals(grant.coach());
    if (!running || !(officer || manager || city || coach)) {
      return GrantPage.Actions.NONE;
    }
    List<GrantPage.Choice> reasons = officer ? Pause.REASONS.stream()
        .map(code -> new GrantPage.Choice(code, Words.say(language, "pause.reason." + code))).toList() : List.of();
    List<GrantPage.Choice> coaches = manager && grant.coach() != null
        ? identityService.createUserQuery().memberOfGroup(CityDirectory.COACHES).list().stream()
            .filter(user -> !user.getId().equals(grant.coach()))
            .map(user -> new GrantPage.Choice(user.getId(), displayName(user)))
            .sorted(java.util.Comparator.comparing(GrantPage.Choice::label)).toList()
        : List.of();
    // changes (grant.change): once awarded, not paused, none waiting; the API decides again
    boolean changeable = statement != null && !paused && changes.history(grant.grantReference()).stream()
        .noneMatch(GrantChange::open);
    boolean asks = changeable && (city || coach) && !officer;
    List<GrantPage.Choice> durations = changeable && (officer || asks) ? SizingRules.PROGRAMME_DURATIONS.stream()
        .map(d -> new GrantPage.Choice(d, AwardTexts.duration(d, language))).toList() : List.of();
    List<GrantPage.Choice> objectives = changeable && (officer || asks) ? List.of("impact", "learning").stream()
        .map(o -> new GrantPage.Choice(o, Words.say(language, "change.objective." + o))).toList() : List.of();
    // the city's spending in the currency it paid (ledger.LocalSpending): its team, or an officer for it
    boolean spends = statement != null && (city || officer);
    // the budget lines, for a move or a spending: one list
    List<GrantPage.Choice> lines = spends || (changeable && (officer || asks))
        ? java.util.Arrays.stream(BudgetLine.values())
            .map(l -> new GrantPage.Choice(l.code(), Words.say(language, "award.line." + l.name()))).toList()
        : List.of();
    List<GrantPage.Choice> currencies = new ArrayList<>();
    List<GrantPage.Choice> invoices = new ArrayList<>();
    if (spends) {
      currencies.add(new GrantPage.Choice(rates.grantCurrency(), rates.grantCurrency()));
      rates.list(null).stream().map(ExchangeRate::currency).distinct()
          .forEach(code -> currencies.add(new GrantPage.Choice(code, code)));
      evidence.list(person.userId(), grant.grantReference(), false)
          .forEach(file -> invoices.add(new GrantPage.Choice(file.id(), file.name())));
    }
    return new GrantPage.Actions(officer && !paused, officer && paused, officer && !paused && statement != null,
        !coaches.isEmpty(), reasons, coaches, officer && changeable, asks, changeable && (officer || asks), asks,
        durations, objectives, lines, spends, currencies, invoices);
  }

  // --- evidence files (evidence)

  /** The grant's files, the newest first, each with its step, size, who attached it and its download. */
  private List<GrantPage.Document> documents(String userId, GrantRecord grant, Locale language) {
    List<GrantPage.Document> documents = evidence.list(userId, grant.grantReference(), false).stream()
        .map(file -> new GrantPage.Document(file.name(), EvidenceFiles.stepName(file.step(), language),
            EvidenceFiles.inWords(file.size(), language), displayName(file.uploadedBy(), language), file.uploadedAt(),
            "/api/documents/" + file.id()))
        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    Collections.reverse(documents);
    return documents;
  }

  // --- pauses (grant.pause)

  private GrantPage.Paused paused(Pause pause, Locale language) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone());
    return new GrantPage.Paused(pause.pausedAt(), displayName(pause.pausedBy(), language), pause.reason(),
        Words.say(language, "pause.reason." + pause.reason()), pause.note(), pause.expectedResume(),
        pause.expectedResume().isBefore(today));
  }

  private GrantPage.PauseRecord pauseRecord(Pause pause, Locale language) {
    return new GrantPage.PauseRecord(pause.pausedAt(), pause.resumedAt(), displayName(pause.pausedBy(), language),
        pause.resumedBy() == null ? null : displayName(pause.resumedBy(), language),
        Words.say(language, "pause.reason." + pause.reason()), pause.note(), pause.expectedResume(),
        pause.moved() == null ? null : Long.valueOf(pause.moved().toDays()));
  }

  // --- who, what, where it stands

  private String objective(GrantRecord grant, Variables variables, Locale language) {
    // the application form's option in the reader's language; the label stored at application is English
    Optional<String> translated = grant.objectiveType() == null ? Optional.empty()
        : formTexts.optionLabel("grant-application", OBJECTIVE_TYPE.name(), grant.objectiveType(), language);
    if (translated.isPresent()) {
      return translated.get();
    }
    String label = variables.string(OBJECTIVE_LABEL.name());
    if (label != null) {
      return label;
    }
    return grant.objectiveType() == null ? null
        : forms.schema("grant-application").labelOf(OBJECTIVE_TYPE.name(), grant.objectiveType()).orElse(null);
  }

  private GrantPage.Person coach(GrantRecord grant, Locale language) {
    if (grant.coach() == null) {
      return null;
    }
    User user = identityService.createUserQuery().userId(grant.coach()).singleResult();
    return user == null ? new GrantPage.Person(Words.say(language, "grant.theCoach"), null)
        : new GrantPage.Person(displayName(user), blankToNull(user.getEmail()));
  }

  private List<HistoricActivityInstance> activities(GrantRecord grant) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(grant.processInstanceId()).list();
  }

  private GrantPhase phase(GrantRecord grant, List<HistoricActivityInstance> activities) {
    return GrantPhase.of(historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(grant.processInstanceId()).singleResult(), activities);
  }

  // --- the terms

  private GrantPage.Terms terms(GrantRecord grant, Variables v, GrantStatement statement, boolean rateDecided,
      Locale language) {
    Long awarded = v.number(AWARDED_AMOUNT.name());
    Long requested = v.number(REQUESTED_AMOUNT.name());
    Long estimatedOrDecided = v.number(ADVANCE_RATE_PERCENT.name());
    Integer rate = estimatedOrDecided == null ? null : Integer.valueOf(estimatedOrDecided.intValue());
    String advance = null;
    if (v.decimal(ADVANCE_AMOUNT.name()) != null) {
      advance = amount(BigDecimal.valueOf(v.decimal(ADVANCE_AMOUNT.name())));
    } else if (awarded != null && rate != null) {
      advance = amount(BigDecimal.valueOf(awarded).multiply(BigDecimal.valueOf(rate)).divide(BigDecimal.valueOf(100),
          2, RoundingMode.HALF_EVEN));
    }
    List<GrantPage.BudgetLine> lines;
    if (statement != null) {
      lines = statement.budgetLines().stream().map(line -> new GrantPage.BudgetLine(
          AwardTexts.lineName(line.line(), language), AwardTexts.linePurpose(line.line(), language), amount(line.allocated()), amount(line.committed()),
          amount(line.remaining()))).toList();
    } else if (awarded != null) {
      // offered, not accepted yet: the split the capital will have when it opens
      lines = ledger.allocationOf(BigDecimal.valueOf(awarded)).entrySet().stream()
          .filter(e -> e.getValue().signum() > 0)
          .map(e -> new GrantPage.BudgetLine(AwardTexts.lineName(e.getKey(), language),
              AwardTexts.linePurpose(e.getKey(), language),
              amount(e.getValue()), amount(BigDecimal.ZERO), amount(e.getValue()))).toList();
    } else {
      lines = List.of();
    }
    Long extensions = v.number(PREPARATION_EXTENSIONS.name());
    return new GrantPage.Terms(
        requested == null ? null : amount(BigDecimal.valueOf(requested)),
        awarded == null ? null : amount(BigDecimal.valueOf(awarded)),
        durationLabel(PREPARATION_TIME.name(), v.string(PREPARATION_TIME.name()), language),
        preparationDeadline(v),
        extensions == null ? 0 : extensions.intValue(),
        durationLabel(PROGRAMME_DURATION.name(), v.string(PROGRAMME_DURATION.name()), language),
        day(v.date(PROGRAMME_END_DATE.name()), false),
        rate, rateDecided, advance, lines, acceptance(grant));
  }

  /** Who accepted the award and when, and where the agreement is; null while the city has not accepted. */
  private GrantPage.Acceptance acceptance(GrantRecord grant) {
    return acceptances.acceptanceOf(grant.grantReference())
        .map(a -> new GrantPage.Acceptance(a.acceptedByName(), a.acceptedAt(),
            a.agreementAvailable() ? "/api/grants/" + grant.grantReference() + "/agreement" : null))
        .orElse(null);
  }

  /** The advance rate is decided for good when the procurement plan is approved (Task_DetermineAdvanceRate). */
  private static boolean advanceRateDecided(List<HistoricActivityInstance> activities) {
    return activities.stream().anyMatch(a -> Elements.DETERMINE_ADVANCE_RATE.equals(a.getActivityId())
        && a.getEndTime() != null);
  }

  /** "3 months" for P3M, as the officer chose it on the sizing form; in another language, the months in its words. */
  private String durationLabel(String key, String iso, Locale language) {
    if (iso == null) {
      return null;
    }
    if (!Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
      return AwardTexts.duration(iso, language);
    }
    return forms.schema("size-grant").labelOf(key, iso).orElse(iso);
  }

  // --- steps

  private List<GrantPage.NextStep> nextSteps(GrantRecord grant, GrantPolicy.Person viewer, boolean paused,
      Locale language) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(grant.grantReference())
        .orderByTaskCreateTime().asc().list();
    Map<String, String> names = new HashMap<>();
    List<GrantPage.NextStep> steps = new ArrayList<>();
    for (Task task : tasks) {
      List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      String heldBy = task.getAssignee() != null
          ? names.computeIfAbsent(task.getAssignee(), id -> displayName(id, language))
          : groups.stream().map(group -> groupLabel(group, language))
              .collect(Collectors.joining(Words.say(language, "grant.or")));
      boolean yours = viewer.userId().equals(task.getAssignee())
          || (task.getAssignee() == null && groups.stream().anyMatch(viewer.groups()::contains));
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      steps.add(new GrantPage.NextStep(Words.taskName(task.getTaskDefinitionKey(), task.getName(), language),
          heldBy.isEmpty() ? Words.say(language, "grant.programmeTeam") : heldBy, due,
          day(task.getDueDate(), true),
          // a paused grant's steps wait: Tasklist lists only active tasks and refuses to claim a suspended one
          !paused && due != null && due.isBefore(now), yours, yours && !paused ? links.taskUrl(task.getId()) : null));
    }
    return steps;
  }

  private String groupLabel(String groupId, Locale language) {
    Optional<String> city = CityDirectory.cityCodeOf(groupId);
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    String name = group == null || group.getName() == null ? groupId : group.getName();
    return city.isPresent() ? Words.say(language, "grant.cityTeam", name) : Words.groupName(groupId, name, language);
  }

  private List<GrantPage.DoneStep> stepsDone(GrantRecord grant, List<Pause> pauseHistory, Locale language) {
    List<HistoricTaskInstance> done = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(grant.grantReference()).finished().taskDeleteReason("completed")
        .orderByHistoricTaskInstanceEndTime().asc().list();
    Map<String, String> names = new HashMap<>();
    List<GrantPage.DoneStep> steps = new ArrayList<>(done.stream().map(task -> new GrantPage.DoneStep(
        Words.taskName(task.getTaskDefinitionKey(), task.getName(), language), task.getEndTime().toInstant(),
        task.getAssignee() == null ? null : names.computeIfAbsent(task.getAssignee(), id -> displayName(id, language))))
        .toList());
    // the grant's pauses are steps of its history too: paused (why), resumed (how far it moved)
    for (Pause pause : pauseHistory) {
      String label = Words.say(language, "pause.reason." + pause.reason());
      String reason = pause.note() == null ? label : Words.say(language, "pause.reasonWithNote", label, pause.note());
      steps.add(new GrantPage.DoneStep(Words.say(language, "pause.step.paused", reason,
          Words.longDay(pause.expectedResume(), language)), pause.pausedAt(),
          names.computeIfAbsent(pause.pausedBy(), id -> displayName(id, language))));
      if (!pause.open()) {
        long days = pause.moved().toDays();
        steps.add(new GrantPage.DoneStep(days == 0 ? Words.say(language, "pause.step.resumedSameDay")
            : days == 1 ? Words.say(language, "pause.step.resumedOneDay") : Words.say(language, "pause.step.resumed", days),
            pause.resumedAt(), names.computeIfAbsent(pause.resumedBy(), id -> displayName(id, language))));
      }
    }
    steps.sort(Comparator.comparing(GrantPage.DoneStep::at));
    return steps;
  }

  // --- experiments and reports

  private List<GrantPage.Experiment> experiments(GrantRecord grant, Locale language) {
    return experimentLog.of(grant.grantReference()).stream().map(e -> new GrantPage.Experiment(e.number(), e.title(),
        experimentType(e.type(), language), amount(e.budget()), amount(e.spent()),
        decision(e.outcome(), language),
        e.startedAt(), e.endsAt(), e.decidedAt())).toList();
  }

  /** "Solution" for solution: the first words of the option the city chose on the plan form; the type's word in another language. */
  private String experimentType(String type, Locale language) {
    if (type != null && !Languages.FALLBACK.getLanguage().equals(language.getLanguage())
        && Words.has("grant.type." + type)) {
      return Words.say(language, "grant.type." + type);
    }
    String label = forms.schema("plan-experiment").labelOf(EXPERIMENT_TYPE.name(), type).orElse(type);
    int colon = label == null ? -1 : label.indexOf(':');
    return colon > 0 ? label.substring(0, colon) : label;
  }

  private List<GrantPage.Report> reports(GrantRecord grant, Locale language) {
    Map<String, Review> byTask = REVIEWS.stream().collect(Collectors.toMap(Review::taskKey, Function.identity()));
    List<HistoricTaskInstance> reviews = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(grant.processInstanceId())
        .taskDefinitionKeyIn(byTask.keySet().toArray(String[]::new))
        .orderByHistoricActivityInstanceStartTime().asc().list();
    if (reviews.isEmpty()) {
      return List.of();
    }
    Map<String, List<HistoricVariableUpdate>> updates = historyService.createHistoricDetailQuery()
        .processInstanceId(grant.processInstanceId()).variableUpdates().orderByTime().asc().list().stream()
        .filter(HistoricVariableUpdate.class::isInstance).map(HistoricVariableUpdate.class::cast)
        .filter(u -> u.getActivityInstanceId() != null)
        .collect(Collectors.groupingBy(HistoricDetail::getActivityInstanceId));
    Map<String, String> names = new HashMap<>();
    List<GrantPage.Report> reports = new ArrayList<>();
    for (HistoricTaskInstance task : reviews) {
      Review review = byTask.get(task.getTaskDefinitionKey());
      boolean completed = task.getEndTime() != null && "completed".equals(task.getDeleteReason());
      if (task.getEndTime() != null && !completed) {
        continue; // cancelled with the grant: no review happened
      }
      List<HistoricVariableUpdate> set = updates.getOrDefault(task.getActivityInstanceId(), List.of());
      Object accepted = last(set, review.acceptedVariable());
      Object feedback = last(set, review.feedbackVariable());
      String outcome = Words.say(language, !completed ? "grant.review.waiting"
          : Boolean.TRUE.equals(accepted) ? "grant.review.accepted" : Boolean.FALSE.equals(accepted)
          ? "grant.review.sentBack" : "grant.review.reviewed");
      reports.add(new GrantPage.Report(Words.say(language, review.report()), task.getStartTime().toInstant(), outcome,
          completed ? task.getEndTime().toInstant() : null,
          completed && task.getAssignee() != null
              ? names.computeIfAbsent(task.getAssignee(), id -> displayName(id, language)) : null,
          feedback instanceof String text && !text.isBlank() ? text : null));
    }
    return reports;
  }

  private static Object last(List<HistoricVariableUpdate> updates, String name) {
    Object value = null;
    for (HistoricVariableUpdate update : updates) {
      if (name.equals(update.getVariableName())) {
        value = update.getValue();
      }
    }
    return value;
  }

  /**
   * The learnings the other cities of the grant's cohort shared, the newest first (a grant applied
   * for outside a launched programme: those of every city, as the cohort view shows them).
   */
  private List<GrantPage.PeerLearning> cohortLearnings(GrantRecord grant, Locale language) {
    List<SharedLearnings.Learning> shared;
    if (grant.programmeInstanceId() == null) {
      shared = sharedLearnings.recent(PEER_LEARNINGS_SHOWN + 1);
    } else {
      shared = new ArrayList<>(sharedLearnings.ofProgramme(grant.programmeInstanceId()));
      java.util.Collections.reverse(shared);
    }
    return shared.stream().filter(l -> !l.grantReference().equals(grant.grantReference())).limit(PEER_LEARNINGS_SHOWN)
        .map(l -> new GrantPage.PeerLearning(l.cityName(), l.experimentTitle(), experimentType(l.experimentType(), language),
            decision(l.decision(), language), l.learnings(),
            l.decidedAt()))
        .toList();
  }

  // --- money and calendar

  private Optional<GrantStatement> statement(GrantRecord grant) {
    try {
      return Optional.of(ledger.statement(grant.grantReference()));
    } catch (UnknownLedgerKeyException e) {
      return Optional.empty(); // not awarded (yet)
    }
  }

  private List<PaymentCalendar.Entry> calendar(GrantRecord grant, Variables v, GrantStatement statement,
      GrantPhase phase, boolean rateDecided, Locale language) {
    Long offered = v.number(AWARDED_AMOUNT.name());
    if (statement == null && (offered == null || !AWARD_OFFERED_OR_LATER.contains(phase))) {
      return List.of(); // not awarded: nothing to expect
    }
    Long rate = v.number(ADVANCE_RATE_PERCENT.name());
    List<PaymentCalendar.PlannedExperiment> experiments = experimentLog.of(grant.grantReference()).stream()
        .map(e -> new PaymentCalendar.PlannedExperiment(e.number(), e.budget(),
            e.endsAt() == null ? null : LocalDate.ofInstant(e.endsAt(), zone()), e.outcome() != null)).toList();
    PaymentCalendar.Plan plan = new PaymentCalendar.Plan(
        statement != null ? statement.awarded() : BigDecimal.valueOf(offered),
        rate == null ? null : BigDecimal.valueOf(rate), rateDecided,
        preparationDeadline(v), day(v.date(PROGRAMME_END_DATE.name()), false),
        experiments, statement == null ? List.of() : statement.payments(), reviewTime(),
        phase.ended() || (statement != null && statement.status() == GrantAccount.Status.CLOSED));
    return PaymentCalendar.of(plan, zone(), language);
  }

  /**
   * The end of the preparation time: as scheduled once preparation started; before that, counted
   * as it will be, from the acceptance (or, for an award still offered, from today).
   */
  private static LocalDate preparationDeadline(Variables v) {
    LocalDate scheduled = day(v.date(PREPARATION_DUE_DATE.name()), true);
    String time = v.string(PREPARATION_TIME.name());
    if (scheduled != null || time == null) {
      return scheduled;
    }
    Date accepted = v.date(AWARD_ACCEPTED_AT.name());
    LocalDate from = accepted != null ? LocalDate.ofInstant(accepted.toInstant(), zone())
        : LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone());
    try {
      return from.plus(Period.parse(time));
    } catch (RuntimeException e) {
      return null; // a time-based preparation (PT10M) in a demo: no day to give
    }
  }

  private Period reviewTime() {
    try {
      return Period.parse(durations.getTaskDue());
    } catch (RuntimeException e) {
      return Period.ofDays(14); // a time-based due (PT10M) in a demo: the calendar keeps a fortnight
    }
  }

  /** The calendar's payments, each made or under way with the files its ledger movements rest on. */
  private List<GrantPage.Payment> payments(GrantRecord grant, List<PaymentCalendar.Entry> calendar,
      GrantStatement statement, Locale language) {
    Map<String, List<GrantPage.FileLink>> evidence = new HashMap<>();
    if (statement != null) {
      Map<Long, List<EvidenceFile>> links = movementEvidence.linksOf(grant.grantReference());
      for (Movement movement : statement.movements()) {
        for (EvidenceFile file : links.getOrDefault(movement.id(), List.of())) {
          List<GrantPage.FileLink> files = evidence.computeIfAbsent(movement.referenceKey(), key -> new ArrayList<>());
          GrantPage.FileLink link = new GrantPage.FileLink(file.name(), "/api/documents/" + file.id());
          if (!file.deleted() && !files.contains(link)) {
            files.add(link);
          }
        }
      }
    }
    return calendar.stream().map(entry -> new GrantPage.Payment(entry.label(), amount(entry.amount()), entry.atMost(),
        entry.date(), entry.status().name().toLowerCase(java.util.Locale.ROOT), entry.status().label(language),
        entry.basis(), entry.status() == PaymentCalendar.Status.EXPECTED ? List.of()
            : evidence.getOrDefault(Payment.key(grant.grantReference(), entry.milestone()), List.of())))
        .toList();
  }

  private static GrantPage.Money money(GrantStatement s) {
    return new GrantPage.Money(amount(s.awarded()), amount(s.committed()), amount(s.pendingPayments()),
        amount(s.paid()), amount(s.reportedSpent()), amount(s.available()));
  }

  // --- helpers

  private Variables variables(GrantRecord grant) {
    List<HistoricVariableInstance> all = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(grant.processInstanceId()).list();
    Map<String, Object> values = new LinkedHashMap<>();
    // process-wide values first; a value local to one activity only where no process-wide one exists
    all.stream().sorted(Comparator.comparing(
            (HistoricVariableInstance h) -> grant.processInstanceId().equals(h.getActivityInstanceId())))
        .forEach(h -> values.put(h.getName(), h.getValue()));
    return new Variables(values);
  }

  /** The grant's variables as the engine's history keeps them (latest values). */
  private record Variables(Map<String, Object> values) {

    String string(String name) {
      return values.get(name) instanceof String s && !s.isBlank() ? s : null;
    }

    Long number(String name) {
      return values.get(name) instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }

    Double decimal(String name) {
      return values.get(name) instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
    }

    Date date(String name) {
      return values.get(name) instanceof Date d ? d : null;
    }
  }

  /**
   * The day a date falls on. A deadline is stored as the first instant after it (midnight at the
   * start of the next day): its day is the one before.
   */
  private static LocalDate day(Date date, boolean exclusiveEnd) {
    if (date == null) {
      return null;
    }
    LocalDate day = LocalDate.ofInstant(date.toInstant(), zone());
    boolean midnight = date.toInstant().atZone(zone()).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    return exclusiveEnd && midnight ? day.minusDays(1) : day;
  }

  private static ZoneId zone() {
    return ZoneId.systemDefault();
  }

  private String displayName(String userId, Locale language) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? Words.say(language, "grant.formerMember") : displayName(user);
  }

  private static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  static String amount(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
