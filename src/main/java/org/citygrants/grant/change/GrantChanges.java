package org.citygrants.grant.change;

import static org.citygrants.process.GrantChangeProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.citygrants.access.GrantPolicy;
import org.citygrants.grant.AwardTexts;
import org.citygrants.grant.BudgetLineInput;
import org.citygrants.grant.EarlyStop;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.grant.SizingRules;
import org.citygrants.grant.pause.GrantPauses.PauseConflictException;
import org.citygrants.grant.pause.GrantPauses.UnknownGrantException;
import org.citygrants.language.Languages;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.GrantAccount;
import org.citygrants.ledger.LedgerProperties;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.MovementContext;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerRefusals;
import org.citygrants.process.ProcessGateway;
import org.citygrants.process.ProcessGateway.TaskNotAvailableException;
import org.citygrants.process.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a running grant (issue 16): an amendment of the award (within the programme's cap,
 * never below what is paid, promised or committed), of the programme duration or of the objective;
 * a move of money between budget lines; a city's request to stop. Whoever asks is the signed-in
 * person, and what they are to the grant (its city team, its coach, a programme officer) comes from
 * the grant's record and their groups, never from the request. Each change is a row of
 * {@code grant_change} and a {@code grant-change} process: a city's budget move goes to its coach,
 * a request of the city or coach to an officer, a higher award to a second officer (four eyes);
 * then {@link #apply} makes the ledger, the grant's variables and its record follow.
 */
@Service
public class GrantChanges {

  /** The longest reason or note people write with a change. */
  public static final int TEXT_LENGTH = 2000;

  /** What someone asks: the kind and what it changes. Amounts as the client wrote them (euros). */
  public record ChangeRequest(String kind, String amount, String programmeDuration, String objective,
      String fromLine, String toLine, String moveAmount, String reason) {}

  private final GrantChangeRegister changes;
  private final GrantRegister register;
  private final GrantPolicy policy;
  private final LedgerService ledger;
  private final LedgerProperties money;
  private final ProcessGateway gateway;
  private final EarlyStop earlyStop;
  private final Languages languages;
  private final IdentityService identityService;
  private final ProcessEngineConfiguration configuration;

  public GrantChanges(GrantChangeRegister changes, GrantRegister register, GrantPolicy policy, LedgerService ledger,
      LedgerProperties money, ProcessGateway gateway, EarlyStop earlyStop, Languages languages,
      IdentityService identityService, ProcessEngineConfiguration configuration) {
    this.changes = changes;
    this.register = register;
    this.policy = policy;
    this.ledger = ledger;
    this.money = money;
    this.gateway = gateway;
    this.earlyStop = earlyStop;
    this.languages = languages;
    this.identityService = identityService;
    this.configuration = configuration;
  }

  // ---------------------------------------------------------------- asking

  /**
   * Records what this person asks of the grant and starts its handling. An officer's amendment that
   * does not raise the award is applied at once; anything else waits for the people who decide.
   *
   * @throws UnknownGrantException no such grant (404)
   * @throws TaskNotAvailableException the person is neither the grant's city team, nor its coach,
   *     nor a programme officer (403)
   * @throws InputRejectedException refused input, naming the field, nothing changed (400)
   * @throws PauseConflictException the grant is paused, not running, or a change of it waits already (409)
   */
  @Transactional
  public GrantChange request(String userId, String grantReference, ChangeRequest request) {
    Locale language = ReaderLanguage.current();
    GrantRecord grant = register.find(grantReference).orElseThrow(() -> new UnknownGrantException(
        Words.say(language, "api.unknownGrant", grantReference)));
    String as = roleOf(userId, grant);
    if (as == null) {
      throw new TaskNotAvailableException(Words.say(language, "change.notYours", grant.grantReference()));
    }
    String kind = request == null || request.kind() == null ? null : request.kind().strip().toLowerCase(Locale.ROOT);
    if (kind == null || !List.of(GrantChange.AMENDMENT, GrantChange.BUDGET_MOVE, GrantChange.STOP).contains(kind)) {
      throw new InputRejectedException("kind", Words.say(language, "change.kindUnknown"));
    }
    String reason = text(request.reason(), "reason", language);
    if (reason == null) {
      throw new InputRejectedException("reason", Words.say(language, "change.reasonMissing"));
    }
    if (GrantChange.STOP.equals(kind) && GrantChange.BY_OFFICER.equals(as)) {
      throw new InputRejectedException("kind", Words.say(language, "change.officerStops", grant.grantReference()));
    }
    GrantAccount.Status status = ledgerStatus(grant.grantReference());
    if (status != GrantAccount.Status.OPEN) {
      throw new PauseConflictException(Words.say(language, "change.notRunning", grant.grantReference()));
    }
    if (gateway.paused(grant.grantReference())) {
      throw new PauseConflictException(Words.say(language, "change.paused", grant.grantReference()));
    }
    Optional<GrantChange> waiting = changes.openOf(grant.grantReference());
    if (waiting.isPresent()) {
      throw alreadyOpen(grant, waiting.get(), language);
    }
    BigDecimal awarded = ledger.statement(grant.grantReference()).awarded();
    String duration = (String) gateway.grantVariable(grant.processInstanceId(), CityGrantProcess.PROGRAMME_DURATION.name());
    String objective = grant.objectiveType();
    GrantChange asked = switch (kind) {
      case GrantChange.AMENDMENT -> amendment(grant, userId, as, reason, request, awarded, duration, objective, language);
      case GrantChange.BUDGET_MOVE -> budgetMove(grant, userId, as, reason, request, language);
      default -> draft(grant, GrantChange.STOP, userId, as, reason, null, null, null, null, null, null, null, null, null);
    };
    long id;
    try {
      id = changes.open(asked);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw alreadyOpen(grant, changes.openOf(grant.grantReference()).orElse(asked), language);
    }
    GrantChange change = changes.find(id).orElseThrow();
    ProcessInstance instance = gateway.startGrantChange(userId, grant.grantReference(), variables(change, grant));
    changes.processStarted(id, instance.getId());
    return changes.find(id).orElseThrow();
  }

  private GrantChange amendment(GrantRecord grant, String userId, String as, String reason, ChangeRequest request,
      BigDecimal awarded, String duration, String objective, Locale language) {
    BigDecimal newAmount = null;
    if (request.amount() != null && !request.amount().isBlank()) {
      newAmount = amount(request.amount(), "amount", language);
      if (newAmount.compareTo(money.maximumAmount()) > 0) {
        throw new InputRejectedException("amount", Words.say(language, "change.amountAboveCap",
            Words.amount(money.maximumAmount(), money.currency(), language)));
      }
      BigDecimal asked = newAmount;
      LedgerRefusals.asRefusalOf("amount", () -> {
        ledger.checkAmendAward(grant.grantReference(), asked);
        return null;
      });
    }
    String newDuration = null;
    if (request.programmeDuration() != null && !request.programmeDuration().isBlank()) {
      newDuration = request.programmeDuration().strip().toUpperCase(Locale.ROOT);
      if (!SizingRules.PROGRAMME_DURATIONS.contains(newDuration)) {
        throw new InputRejectedException("programmeDuration", Words.say(language, "change.durationUnknown",
            request.programmeDuration(), String.join(", ", SizingRules.PROGRAMME_DURATIONS)));
      }
      if (newDuration.equals(duration)) {
        throw new InputRejectedException("programmeDuration", Words.say(language, "change.durationSame",
            AwardTexts.duration(duration, language)));
      }
    }
    String newObjective = null;
    if (request.objective() != null && !request.objective().isBlank()) {
      newObjective = request.objective().strip().toLowerCase(Locale.ROOT);
      if (!List.of("impact", "learning").contains(newObjective)) {
        throw new InputRejectedException("objective", Words.say(language, "change.objectiveUnknown", request.objective()));
      }
      if (newObjective.equals(objective)) {
        throw new InputRejectedException("objective", Words.say(language, "change.objectiveSame",
            Words.say(language, "change.objective." + objective)));
      }
    }
    if (newAmount == null && newDuration == null && newObjective == null) {
      throw new InputRejectedException("amount", Words.say(language, "change.nothingToAmend"));
    }
    return draft(grant, GrantChange.AMENDMENT, userId, as, reason, newAmount == null ? null : awarded, newAmount,
        newDuration == null ? null : duration, newDuration, newObjective == null ? null : objective, newObjective,
        null, null, null);
  }

  private GrantChange budgetMove(GrantRecord grant, String userId, String as, String reason, ChangeRequest request,
      Locale language) {
    BudgetLine from = BudgetLineInput.parse(request.fromLine(), "fromLine", language);
    BudgetLine to = BudgetLineInput.parse(request.toLine(), "toLine", language);
    if (request.moveAmount() == null || request.moveAmount().isBlank()) {
      throw new InputRejectedException("moveAmount", Words.say(language, "change.moveAmountMissing"));
    }
    BigDecimal amount = amount(request.moveAmount(), "moveAmount", language);
    LedgerRefusals.asRefusalOf("moveAmount", () -> {
      ledger.checkMoveBudget(grant.grantReference(), from, to, amount);
      return null;
    });
    return draft(grant, GrantChange.BUDGET_MOVE, userId, as, reason, null, null, null, null, null, null,
        from.code(), to.code(), amount);
  }

  private static GrantChange draft(GrantRecord grant, String kind, String userId, String as, String reason,
      BigDecimal previousAmount, BigDecimal newAmount, String previousDuration, String newDuration,
      String previousObjective, String newObjective, String fromLine, String toLine, BigDecimal moveAmount) {
    return new GrantChange(0, grant.grantReference(), kind, reason, userId, as, now(), previousAmount, newAmount,
        previousDuration, newDuration, previousObjective, newObjective, fromLine, toLine, moveAmount, null, null, null,
        null, GrantChange.OPEN, null, null);
  }

  private Map<String, Object> variables(GrantChange change, GrantRecord grant) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CHANGE_ID.name(), change.id());
    variables.put(CHANGE_KIND.name(), change.kind());
    variables.put(REQUESTED_AS.name(), change.requestedAs());
    variables.put(AWARD_INCREASE.name(), change.increase());
    variables.put(CHANGE_REASON.name(), change.reason());
    variables.put(REQUESTED_BY_NAME.name(), nameOf(change.requestedBy()));
    variables.put(CityGrantProcess.GRANT_REFERENCE.name(), grant.grantReference());
    variables.put(CityGrantProcess.CITY_NAME.name(), grant.cityName());
    // the forms hide the notes nobody wrote yet (a rule on null: the variables exist, empty)
    variables.put(COACH_NOTE.name(), null);
    variables.put(DECISION_NOTE.name(), null);
    variables.put(CityGrantProcess.COACH.name(), grant.coach());
    for (Locale language : languages.supported()) {
      variables.put(CHANGE_SUMMARY.nameIn(language), summary(change, language));
    }
    return variables;
  }

  // ---------------------------------------------------------------- deciding (the process's steps)

  /** The coach's answer to a city's budget move, as the signed-in coach of the grant. */
  public void coachAnswered(long changeId, String coach, boolean agrees, String note) {
    GrantChange change = openChange(changeId);
    GrantRecord grant = register.find(change.grantReference()).orElseThrow();
    if (!coach.equals(grant.coach())) {
      // a manager gave the grant another coach while the move waited: the answer is theirs now
      throw new TaskNotAvailableException(Words.say("change.notTheCoach", grant.grantReference()));
    }
    String text = text(note, COACH_NOTE.name(), ReaderLanguage.current());
    if (!agrees && text == null) {
      throw new InputRejectedException(COACH_NOTE.name(), Words.say("change.noteMissing"));
    }
    changes.coachAnswered(change.id(), coach, text);
  }

  /** An officer's decision on what the city or its coach asked. */
  public void decided(long changeId, String officer, boolean accepted, String note) {
    GrantChange change = openChange(changeId);
    requireOfficer(officer);
    String text = text(note, DECISION_NOTE.name(), ReaderLanguage.current());
    if (!accepted && text == null) {
      throw new InputRejectedException(DECISION_NOTE.name(), Words.say("change.noteMissing"));
    }
    changes.decided(change.id(), officer, text);
  }

  /** A second officer's approval of a higher award: neither the one who asked nor the one who decided. */
  public void approved(long changeId, String officer, boolean approved, String note) {
    GrantChange change = openChange(changeId);
    requireOfficer(officer);
    if (officer.equals(change.requestedBy()) || officer.equals(change.decidedBy())) {
      throw new InputRejectedException(INCREASE_APPROVED.name(), Words.say("change.fourEyes"));
    }
    String text = text(note, APPROVAL_NOTE.name(), ReaderLanguage.current());
    if (!approved && text == null) {
      throw new InputRejectedException(APPROVAL_NOTE.name(), Words.say("change.noteMissing"));
    }
    if (approved) {
      changes.approved(change.id(), officer, text);
    } else {
      changes.decided(change.id(), change.decidedBy() == null ? officer : change.decidedBy(), text);
    }
  }

  /**
   * Applies a change that was accepted: the ledger (the award and its lines, or the move), the
   * grant's variables (the award the forms show, the programme's duration and end, the objective)
   * and its record; a stop goes to the early stop as the officer who decided it. A retry after it
   * was applied does nothing.
   */
  @Transactional
  public GrantChange apply(long changeId, String actor) {
    GrantChange change = changes.find(changeId).orElseThrow(() -> new IllegalStateException("No change " + changeId));
    if (!change.open()) {
      return change;
    }
    GrantRecord grant = register.find(change.grantReference()).orElseThrow();
    switch (change.kind()) {
      case GrantChange.AMENDMENT -> amend(change, grant, actor);
      case GrantChange.BUDGET_MOVE -> LedgerRefusals.asRefusalOf("moveAmount", () -> {
        ledger.moveBudget(change.grantReference(), change.ledgerKey(), BudgetLine.fromCode(change.fromLine()),
            BudgetLine.fromCode(change.toLine()), change.moveAmount(),
            new MovementContext(actor, change.processInstanceId(), null, "budget move: " + change.reason()));
        return null;
      });
      default -> {
        // closed before the stop: the grant's stop withdraws the changes still open, not this one
        changes.close(change.id(), GrantChange.APPLIED, now());
        earlyStop.request(change.decidedBy() == null ? actor : change.decidedBy(), change.grantReference(),
            fit(Words.say(Languages.FALLBACK, "change.stopReason", nameOf(change.requestedBy()), change.reason())));
      }
    }
    changes.close(change.id(), GrantChange.APPLIED, now());
    return changes.find(changeId).orElseThrow();
  }

  /** Records that the change was refused (by the coach, an officer or the second officer). */
  public GrantChange refuse(long changeId) {
    changes.close(changeId, GrantChange.REFUSED, now());
    return changes.find(changeId).orElseThrow();
  }

  private void amend(GrantChange change, GrantRecord grant, String actor) {
    Map<String, Object> variables = new HashMap<>();
    if (change.newAmount() != null) {
      LedgerRefusals.asRefusalOf("amount", () -> ledger.amendAward(change.grantReference(), change.ledgerKey(),
          change.newAmount(), new MovementContext(actor, change.processInstanceId(), null, "amendment: " + change.reason())));
      variables.put(CityGrantProcess.AWARDED_AMOUNT.name(), change.newAmount().setScale(0, RoundingMode.HALF_EVEN).longValue());
    }
    if (change.newDuration() != null) {
      variables.put(CityGrantProcess.PROGRAMME_DURATION.name(), change.newDuration());
      Object end = gateway.grantVariable(grant.processInstanceId(), CityGrantProcess.PROGRAMME_END_DATE.name());
      if (end instanceof Date day) {
        int months = months(change.newDuration()) - months(change.previousDuration());
        variables.put(CityGrantProcess.PROGRAMME_END_DATE.name(),
            Date.from(day.toInstant().atZone(ZoneId.systemDefault()).plusMonths(months).toInstant()));
      }
    }
    if (change.newObjective() != null) {
      variables.put(CityGrantProcess.OBJECTIVE_TYPE.name(), change.newObjective());
      register.recordObjective(change.grantReference(), change.newObjective());
    }
    gateway.setGrantVariables(grant.processInstanceId(), variables);
  }

  /**
   * The grant stops or ends: a change still waiting is withdrawn (closed as refused, with a note
   * the city reads) and its tasks go, so nobody decides on a grant that is being settled.
   *
   * @param currentProcessInstanceId the instance running this (never withdrawn from under itself)
   */
  public void withdrawOpen(String grantReference, String currentProcessInstanceId) {
    Optional<GrantChange> open = changes.openOf(grantReference);
    if (open.isEmpty() || Objects.equals(open.get().processInstanceId(), currentProcessInstanceId)) {
      return;
    }
    GrantChange change = open.get();
    changes.close(change.id(), GrantChange.WITHDRAWN, now());
    if (change.processInstanceId() != null) {
      gateway.endGrantChange(change.processInstanceId(), "the grant stopped or ended");
    }
  }

  // ---------------------------------------------------------------- reading

  /** The grant's changes, oldest first: its amendment history. */
  public List<GrantChange> history(String grantReference) {
    return changes.history(grantReference);
  }

  public Optional<GrantChange> find(long changeId) {
    return changes.find(changeId);
  }

  /** What the change asks, in words of this language: "The award from €40,000.00 to €45,000.00." */
  public String summary(GrantChange change, Locale language) {
    return switch (change.kind()) {
      case GrantChange.AMENDMENT -> {
        StringBuilder words = new StringBuilder();
        if (change.newAmount() != null) {
          words.append(Words.say(language, "change.summary.amount",
              Words.amount(change.previousAmount(), money.currency(), language),
              Words.amount(change.newAmount(), money.currency(), language)));
        }
        if (change.newDuration() != null) {
          words.append(words.isEmpty() ? "" : " ").append(Words.say(language, "change.summary.duration",
              AwardTexts.duration(change.previousDuration(), language), AwardTexts.duration(change.newDuration(), language)));
        }
        if (change.newObjective() != null) {
          words.append(words.isEmpty() ? "" : " ").append(Words.say(language, "change.summary.objective",
              change.previousObjective() == null ? "—" : Words.say(language, "change.objective." + change.previousObjective()),
              Words.say(language, "change.objective." + change.newObjective())));
        }
        yield words.toString();
      }
      case GrantChange.BUDGET_MOVE -> Words.say(language, "change.summary.move",
          Words.amount(change.moveAmount(), money.currency(), language),
          Words.say(language, "ledger.line." + BudgetLine.fromCode(change.fromLine()).name()),
          Words.say(language, "ledger.line." + BudgetLine.fromCode(change.toLine()).name()));
      default -> Words.say(language, "change.summary.stop");
    };
  }

  /** A person's first and last name, or their user id when they have none. */
  public String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    User user = SystemAccess.run(configuration, () -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : org.citygrants.identity.CityDirectory.displayName(user);
  }

  // ---------------------------------------------------------------- helpers

  /** city, coach or officer: what this person is to the grant; null when nothing. */
  private String roleOf(String userId, GrantRecord grant) {
    GrantPolicy.Person person = policy.person(userId);
    if (policy.stopsGrants(person)) {
      return GrantChange.BY_OFFICER;
    }
    if (person.cityCodes().contains(grant.cityCode())) {
      return GrantChange.BY_CITY;
    }
    if (userId.equals(grant.coach())) {
      return GrantChange.BY_COACH;
    }
    return null;
  }

  private void requireOfficer(String userId) {
    if (!policy.stopsGrants(policy.person(userId))) {
      throw new TaskNotAvailableException(Words.say("change.notYours", ""));
    }
  }

  private GrantChange openChange(long changeId) {
    GrantChange change = changes.find(changeId).orElseThrow(() -> new IllegalStateException("No change " + changeId));
    if (!change.open()) {
      throw new IllegalStateException("Change " + changeId + " is " + change.status() + " already");
    }
    return change;
  }

  private GrantAccount.Status ledgerStatus(String grantReference) {
    try {
      return ledger.statement(grantReference).status();
    } catch (UnknownLedgerKeyException notAwarded) {
      return null;
    }
  }

  private PauseConflictException alreadyOpen(GrantRecord grant, GrantChange waiting, Locale language) {
    return new PauseConflictException(Words.say(language, "change.alreadyOpen", grant.grantReference(),
        Words.say(language, "change.kind." + waiting.kind()),
        Words.longDay(LocalDate.ofInstant(waiting.requestedAt(), ZoneOffset.UTC), language)));
  }

  private static String text(String value, String field, Locale language) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > TEXT_LENGTH) {
      throw new InputRejectedException(field, Words.say(language, "change.reasonTooLong", TEXT_LENGTH, text.length()));
    }
    return text;
  }

  private static BigDecimal amount(String text, String field, Locale language) {
    try {
      BigDecimal value = new BigDecimal(text.strip());
      if (value.signum() <= 0 || value.scale() > 2 || value.precision() - value.scale() > 12) {
        throw new NumberFormatException();
      }
      return value.setScale(2);
    } catch (NumberFormatException e) {
      throw new InputRejectedException(field, Words.say(language, "change.amountNotANumber", text));
    }
  }

  private static String fit(String text) {
    return text.length() <= EarlyStop.REASON_LENGTH ? text : text.substring(0, EarlyStop.REASON_LENGTH - 1) + "…";
  }

  private static int months(String iso) {
    return iso != null && iso.matches("P\\d+M") ? Integer.parseInt(iso.substring(1, iso.length() - 1)) : 0;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
