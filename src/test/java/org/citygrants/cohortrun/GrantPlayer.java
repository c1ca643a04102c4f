package org.citygrants.cohortrun;

import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citygrants.cohortrun.GrantPort.OpenTask;
import org.citygrants.cohortrun.GrantPort.WaitingTimer;
import org.citygrants.process.PaymentProcess;

/**
 * Plays one grant of a cohort: looks at the grant's state in the engine (open tasks, timers,
 * pending jobs, history) and takes the next step its scenario calls for, as the person the step
 * belongs to. Decisions depend on the engine's state only, never on what this object remembers,
 * so a player picks up where the grant is after a crash, a restart or a lost answer.
 */
public final class GrantPlayer {

  /** What a step did. */
  public enum Step { COMPLETED_TASK, BROUGHT_TIMER_DUE, STOPPED_EARLY, WAITING, ENDED }

  static final String EARLY_STOP_REASON = "The council withdrew its support for the experiment.";

  private final GrantPort port;
  private final int index;
  private final GrantScenario scenario;
  private final String cityUser;
  private final String coach;
  private final Cast cast;
  private String grant;

  public GrantPlayer(GrantPort port, int index, Cast cast) {
    this.port = port;
    this.index = index;
    this.scenario = GrantScenario.forIndex(index);
    this.cast = cast;
    this.cityUser = cast.cityUser(index);
    this.coach = cast.coach(index);
  }

  public int index() {
    return index;
  }

  public GrantScenario scenario() {
    return scenario;
  }

  /** The grant reference, null until the city has applied. */
  public String grant() {
    return grant;
  }

  /** The city applies; the grant is then played step by step. */
  public String apply() {
    grant = port.apply(cityUser, with(application(objective()), "requestedAmount", 40000));
    return grant;
  }

  /** Takes the next step of the grant's scenario, or says why none can be taken now. */
  public Step step() {
    if (port.endEvent(grant).isPresent()) {
      return Step.ENDED;
    }
    if (port.pendingJobs(grant) > 0) {
      return Step.WAITING;
    }
    List<OpenTask> tasks = port.openTasks(grant);
    List<WaitingTimer> timers = port.timers(grant);
    Optional<WaitingTimer> preparationOverrun = preparationOverrun(tasks, timers);
    if (preparationOverrun.isPresent()) {
      port.bringDue(preparationOverrun.get().jobId());
      return Step.BROUGHT_TIMER_DUE;
    }
    if (!tasks.isEmpty()) {
      OpenTask task = tasks.get(0);
      complete(task);
      return Step.COMPLETED_TASK;
    }
    if (scenario == GrantScenario.EARLY_STOP && waitsAt(timers, EXPERIMENT_MIDPOINT)) {
      port.earlyStop(cast.officer(), grant, EARLY_STOP_REASON);
      return Step.STOPPED_EARLY;
    }
    Optional<WaitingTimer> next = nextTimer(timers);
    if (next.isPresent()) {
      port.bringDue(next.get().jobId());
      return Step.BROUGHT_TIMER_DUE;
    }
    return Step.WAITING;
  }

  private String objective() {
    return scenario == GrantScenario.LEARNING_WITH_REPORT || index % 2 == 1 ? "learning" : "impact";
  }

  /** Extension and stop-in-preparation scenarios let the preparation time run out before procurement. */
  private Optional<WaitingTimer> preparationOverrun(List<OpenTask> tasks, List<WaitingTimer> timers) {
    boolean overruns = scenario == GrantScenario.EXTENSION || scenario == GrantScenario.STOPPED_IN_PREPARATION;
    if (!overruns || tasks.stream().noneMatch(t -> t.key().equals(SUBMIT_PROCUREMENT_PLAN))
        || port.completedTasks(grant, DECIDE_PREPARATION_OVERRUN) > 0) {
      return Optional.empty();
    }
    return timer(timers, PREPARATION_REMINDER_DUE).or(() -> timer(timers, PREPARATION_TIME_OVER));
  }

  private Optional<WaitingTimer> nextTimer(List<WaitingTimer> timers) {
    if (scenario == GrantScenario.LEARNING_WITH_REPORT && waitsAt(timers, EXPERIMENT_MIDPOINT)
        && port.completedTasks(grant, SUBMIT_PROGRESS_REPORT) == 0) {
      return timer(timers, PROGRESS_REPORT_DUE);
    }
    for (String activity : List.of(EXPERIMENT_MIDPOINT, EXPERIMENT_ENDED, CONVENING_CHECK_DUE, FOLLOW_UP_DUE)) {
      Optional<WaitingTimer> timer = timer(timers, activity);
      if (timer.isPresent()) {
        return timer;
      }
    }
    return Optional.empty();
  }

  private static boolean waitsAt(List<WaitingTimer> timers, String activityId) {
    return timer(timers, activityId).isPresent();
  }

  private static Optional<WaitingTimer> timer(List<WaitingTimer> timers, String activityId) {
    return timers.stream().filter(t -> t.activityId().equals(activityId)).findFirst();
  }

  private void complete(OpenTask task) {
    String key = task.key();
    switch (key) {
      case SIZE_GRANT -> port.complete(cast.officer(), task.id(),
          scenario == GrantScenario.DECLINED ? decline() : award(40000));
      case ACCEPT_AWARD -> port.complete(cityUser, task.id(), acceptAward());
      case ASSIGN_COACH -> port.complete(cast.manager(), task.id(), of("coach", coach));
      case COMPLETE_METHOD_ONBOARDING -> port.complete(cityUser, task.id(), methodOnboarding());
      case PLAN_EXPERIMENTATION -> port.complete(cityUser, task.id(), planningCanvas());
      case OBTAIN_INTERNAL_AUTHORISATIONS -> port.complete(cityUser, task.id(), internalAuthorisations());
      case SUBMIT_PROCUREMENT_PLAN -> port.complete(cityUser, task.id(), procurementPlan());
      case REVIEW_PROCUREMENT_PLAN -> port.complete(cast.officer(), task.id(), procurementReview(
          !(scenario == GrantScenario.PROCUREMENT_REWORK && completed(REVIEW_PROCUREMENT_PLAN) == 0)));
      case DECIDE_PREPARATION_OVERRUN -> port.complete(cast.officer(), task.id(),
          scenario == GrantScenario.STOPPED_IN_PREPARATION ? overrun("stop", null)
              : completed(DECIDE_PREPARATION_OVERRUN) == 0 ? overrun("extend", inDays(120)) : overrun("continue", null));
      case CONFIRM_READINESS -> port.complete(coach, task.id(), readiness(true));
      case STRENGTHEN_PREPARATION -> port.complete(cityUser, task.id(), strengthenPreparation());
      case FORM_INVESTMENT_COMMITTEE -> port.complete(cityUser, task.id(), committee());
      case DECIDE_COMMITTEE_CONVENING -> port.complete(coach, task.id(),
          scenario == GrantScenario.CONVENE_LATER_AND_REVISE && completed(DECIDE_COMMITTEE_CONVENING) == 0
              ? conveneLater(inDays(10)) : conveneNow());
      case RECORD_COMMITTEE_REVIEW -> port.complete(coach, task.id(), committeeReview(
          scenario == GrantScenario.CONVENE_LATER_AND_REVISE && completed(RECORD_COMMITTEE_REVIEW) == 0
              ? "revise" : "approve"));
      case REVISE_ACTIVITY_PLAN -> port.complete(cityUser, task.id(), reviseActivityPlan());
      case PLAN_EXPERIMENT -> port.complete(cityUser, task.id(), experimentPlan(experimentBudget(), 8));
      case REVIEW_EXPERIMENT_PLAN -> port.complete(coach, task.id(), experimentPlanReview(true));
      case HOLD_MID_CYCLE_CHECK_IN -> port.complete(coach, task.id(), checkIn());
      case REPORT_EXPERIMENT_RESULTS -> port.complete(cityUser, task.id(),
          experimentReport(experimentSpent(), anotherExperiment()));
      case DECIDE_EXPERIMENT_OUTCOME -> port.complete(coach, task.id(),
          experimentOutcome(true, outcome(), scenario == GrantScenario.STRAIGHT));
      case SUBMIT_PROGRESS_REPORT -> port.complete(cityUser, task.id(), progressReport());
      case REVIEW_PROGRESS_REPORT -> port.complete(cast.officer(), task.id(), progressReview(true));
      case FOLLOW_UP_OVERDUE_REPORT -> port.complete(cast.officer(), task.id(), overdueFollowUp());
      case SUBMIT_TRANSITION_PLAN -> port.complete(cityUser, task.id(), transitionPlan());
      case REVIEW_TRANSITION_PLAN -> port.complete(coach, task.id(), transitionReview(true));
      case SUBMIT_FINAL_REPORT -> port.complete(cityUser, task.id(), with(
          finalReport(scenario == GrantScenario.PIVOT ? 2000 : 15000),
          "impactIndicator", "Schoolyard surface temperature at 3 pm in July (degrees C)", "impactCurrent", 47.5,
          "impactEvidence", "Two schoolyards 3 degrees cooler in July; 34 parents involved."));
      case REVIEW_FINAL_REPORT -> port.complete(cast.officer(), task.id(), finalReview(true));
      case REPORT_FOLLOW_UP -> port.complete(cityUser, task.id(), followUp());
      case PaymentProcess.Elements.REQUEST_PAYMENT -> {
        Number proposed = (Number) port.taskVariable(cast.financeRequester(), task.id(), "proposedPaymentAmount");
        port.complete(cast.financeRequester(), task.id(), requestPayment(proposed.doubleValue()));
      }
      case PaymentProcess.Elements.APPROVE_PAYMENT -> port.complete(cast.financeApprover(), task.id(), approvePayment(true));
      case PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED -> port.complete(cast.financeApprover(), task.id(),
          confirmRecovery());
      default -> throw new IllegalStateException("grant " + grant + " (" + scenario + ") has a task the cohort "
          + "driver does not know: " + key);
    }
  }

  private long completed(String taskKey) {
    return port.completedTasks(grant, taskKey);
  }

  /** Only a pivoting grant runs a second experiment: 8,000 after a first of 20,000 (18,000 spent). */
  private int experimentBudget() {
    return scenario == GrantScenario.PIVOT && completed(REPORT_EXPERIMENT_RESULTS) > 0 ? 8000 : 20000;
  }

  private int experimentSpent() {
    if (scenario == GrantScenario.PIVOT) {
      return completed(REPORT_EXPERIMENT_RESULTS) == 0 ? 18000 : 8000;
    }
    return scenario == GrantScenario.LEARNING_WITH_REPORT ? 18000 : 20000;
  }

  /** The city plans another experiment after the first only in the pivot scenario. */
  private boolean anotherExperiment() {
    return scenario == GrantScenario.PIVOT && completed(REPORT_EXPERIMENT_RESULTS) == 0;
  }

  private String outcome() {
    return scenario == GrantScenario.PIVOT && completed(DECIDE_EXPERIMENT_OUTCOME) == 0 ? "pivot" : "persevere";
  }

  Map<String, Object> debug() {
    return Map.of("grant", String.valueOf(grant), "scenario", scenario.name(), "openTasks", port.openTasks(grant),
        "timers", port.timers(grant));
  }
}
