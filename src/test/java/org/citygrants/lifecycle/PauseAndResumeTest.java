package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.experiment.ExperimentLog;
import org.citygrants.grant.CoachAssignments;
import org.citygrants.grant.pause.GrantPauses;
import org.citygrants.grant.pause.Pause;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pause and resume ("go silent", issue 16): while a grant is paused none of its timers or jobs can
 * run and none of its tasks can be completed, whatever the clock says; on resume every timer, task
 * due date and recorded deadline of the grant (its called payment included) moves by exactly the
 * paused time, and the pause is recorded with who paused and who resumed.
 */
class PauseAndResumeTest extends GrantPathTest {

  static final String SECOND_OFFICER = "officer-pause2";

  @Autowired GrantPauses pauses;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ExperimentLog experimentLog;
  @Autowired CoachAssignments coachAssignments;

  @BeforeEach
  void aSecondOfficerAndAStillClock() {
    TestPeople.member(identityService, SECOND_OFFICER, "Nadia", "Benali", null, "programme-officers");
    // whole seconds: the engine's timestamps and the comparisons below agree to the millisecond
    ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
  }

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void aPausedGrantInPreparationFiresNothingAndEveryDeadlineMovesByThePausedTime() {
    String grant = grantInPreparation();
    cityPrepares(grant);
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(true));
    // now: the preparation watch's two timers, the city's and coach's tasks, and the advance's payment instance
    assertThat(journey.openTaskKeys(grant)).contains(PaymentProcess.Elements.REQUEST_PAYMENT);
    assertThat(journey.processInstanceIds(grant)).hasSizeGreaterThanOrEqualTo(2);
    Deadlines before = deadlines(grant);
    assertThat(before.timers).containsKeys(PREPARATION_REMINDER_DUE);
    assertThat(before.variables).containsKeys("preparationDueDate", "preparationReminderDate", "programmeEndDate");

    Instant pausedAt = now();
    Pause pause = pauses.pause(OFFICER, grant, "elections", "Municipal elections; the new council decides in spring.",
        LocalDate.ofInstant(pausedAt, ZoneId.systemDefault()).plusDays(30).toString());
    assertThat(pause.pausedBy()).isEqualTo(OFFICER);
    assertThat(pauses.current(grant)).isPresent();

    // every instance of the grant is suspended, the called payment too, and so are their jobs
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).active().count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).suspended().count())
        .isEqualTo(journey.processInstanceIds(grant).size());
    assertThat(jobsOf(grant)).isNotEmpty().allMatch(Job::isSuspended);

    // 90 days later every timer of the grant is long due, yet the job executor takes none of them
    setClock(pausedAt.plus(Duration.ofDays(90)));
    assertThat(before.timers.values()).allMatch(due -> due.isBefore(now()));
    assertThat(dueActiveJobsOf(grant)).as("jobs the job executor would acquire").isEmpty();
    // and nobody completes a task of a paused grant
    assertThatThrownBy(() -> journey.requestOpenPayment(grant))
        .hasMessage("\u201cRequest payment\u201d waits: its grant is paused. It can be done once a programme officer "
            + "resumes the grant.");
    // the engine itself refuses too, whoever asks (Tasklist, the REST API)
    assertThatThrownBy(() -> taskService.complete(journey.task(grant, PaymentProcess.Elements.REQUEST_PAYMENT).getId()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("suspended");
    assertThat(journey.openTaskKeys(grant)).contains(PaymentProcess.Elements.REQUEST_PAYMENT);

    // another officer resumes it: everything moves by the 90 days, to the millisecond
    setClock(pausedAt.plus(Duration.ofDays(90)).plusSeconds(42));
    GrantPauses.Resumed resumed = pauses.resume(SECOND_OFFICER, grant);
    Duration paused = Duration.ofDays(90).plusSeconds(42);
    assertThat(resumed.moved()).isEqualTo(paused);
    assertThat(resumed.timersMoved()).isEqualTo(before.timers.size());
    assertThat(resumed.tasksMoved()).isEqualTo(before.tasks.size());
    assertThat(deadlines(grant)).isEqualTo(before.plus(paused));
    assertThat(journey.variable(grant, "preparationDeadline")).isEqualTo(new java.text.SimpleDateFormat("yyyy-MM-dd")
        .format(Date.from(before.variables.get("preparationDueDate").plus(paused))));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).suspended().count()).isZero();
    assertThat(dueActiveJobsOf(grant)).as("no timer is due at the resume: each has its remaining time").isEmpty();

    // recorded: who paused, who resumed, why, how far it moved
    assertThat(pauses.history(grant)).singleElement().satisfies(p -> {
      assertThat(p.pausedBy()).isEqualTo(OFFICER);
      assertThat(p.resumedBy()).isEqualTo(SECOND_OFFICER);
      assertThat(p.reason()).isEqualTo("elections");
      assertThat(p.pausedAt()).isEqualTo(pausedAt);
      assertThat(p.resumedAt()).isEqualTo(pausedAt.plus(paused));
      assertThat(p.moved()).isEqualTo(paused);
    });
    assertThat(pauses.current(grant)).isEmpty();

    // and the grant carries on as before: the advance is paid, the coach confirms readiness
    payOpenPayment(grant);
    journey.complete(grant, CONFIRM_READINESS, COACH, readiness(true));
    assertThat(journey.openTaskKeys(grant)).containsExactly(FORM_INVESTMENT_COMMITTEE);
  }

  @Test
  void aPausedExperimentKeepsItsRemainingTimeAndItsEndMovesInTheExperimentLogToo() {
    String grant = grantWithApprovedActivities();
    journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan(6000, 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));
    Deadlines before = deadlines(grant);
    assertThat(before.timers).containsKeys(EXPERIMENT_MIDPOINT, PROGRESS_REPORT_DUE);
    assertThat(before.variables).containsKeys("experimentMidpointDate", "experimentEndDate", "programmeEndDate");
    Instant endsBefore = experimentLog.find(grant, 1).orElseThrow().endsAt();

    Instant pausedAt = now();
    pauses.pause(OFFICER, grant, "disaster", "Floods in the lower town.",
        LocalDate.ofInstant(pausedAt, ZoneId.systemDefault()).plusDays(14).toString());
    setClock(pausedAt.plus(Duration.ofDays(200)));
    assertThat(dueActiveJobsOf(grant)).isEmpty();
    pauses.resume(OFFICER, grant);

    Duration paused = Duration.ofDays(200);
    assertThat(deadlines(grant)).isEqualTo(before.plus(paused));
    assertThat(experimentLog.find(grant, 1).orElseThrow().endsAt()).isEqualTo(endsBefore.plus(paused));
    // the experiment runs on: its half-way comes when it would have come without the pause
    journey.fireTimer(grant, EXPERIMENT_MIDPOINT);
    assertThat(journey.openTaskKeys(grant)).contains(HOLD_MID_CYCLE_CHECK_IN);
  }

  @Test
  void theCoachOfAPausedGrantChangesWhileTheGrantStaysPausedAndNothingMoves() {
    // a team's coach leaves while the grant is paused (a coach leaving is itself a reason to pause):
    // the manager gives it another coach at once, the grant stays paused, no deadline moves
    String grant = grantInPreparation();
    cityPrepares(grant);
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(true));
    payOpenPayment(grant);
    String readiness = journey.task(grant, CONFIRM_READINESS).getId();
    pauses.pause(OFFICER, grant, "staff", null, LocalDate.ofInstant(now(), ZoneId.systemDefault()).plusDays(30).toString());
    Deadlines deadlines = deadlines(grant);

    assertThat(coachAssignments.reassign(MANAGER, grant, "coach2").movedTaskIds()).containsExactly(readiness);

    assertThat(taskService.createTaskQuery().taskId(readiness).singleResult().getAssignee()).isEqualTo("coach2");
    assertThat(journey.variable(grant, "coach")).isEqualTo("coach2");
    assertThat(pauses.current(grant)).as("still paused").isPresent();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).active().count())
        .as("every instance of the grant suspended again").isZero();
    assertThat(taskService.createTaskQuery().taskId(readiness).singleResult().isSuspended()).isTrue();
    assertThat(managementService.createJobQuery().processInstanceId(journey.mainInstance(grant).getId()).active().count())
        .as("no job of the grant can run").isZero();
    assertThat(deadlines(grant)).as("nothing moved").isEqualTo(deadlines);
    // the new coach works once the grant resumes
    assertThatThrownBy(() -> journey.complete(grant, CONFIRM_READINESS, "coach2", readiness(true)))
        .isInstanceOf(RuntimeException.class);
    assertThat(journey.openTaskKeys(grant)).contains(CONFIRM_READINESS);

    pauses.resume(OFFICER, grant);
    journey.complete(grant, CONFIRM_READINESS, "coach2", readiness(true));
    assertThat(journey.openTaskKeys(grant)).contains(FORM_INVESTMENT_COMMITTEE);
  }

  @Test
  void onlyOfficersPauseAndResumeAndTheStateDecidesWhatCanBeDone() {
    String grant = grantInPreparation();
    String tomorrow = LocalDate.ofInstant(now(), ZoneId.systemDefault()).plusDays(1).toString();
    assertThatThrownBy(() -> pauses.pause(CITY, grant, "staff", null, tomorrow))
        .hasMessage("Only a programme officer can pause a grant.");
    assertThatThrownBy(() -> pauses.pause(COACH, grant, "staff", null, tomorrow))
        .hasMessage("Only a programme officer can pause a grant.");
    assertThatThrownBy(() -> pauses.resume(OFFICER, grant)).isInstanceOf(GrantPauses.PauseConflictException.class)
        .hasMessage("Grant " + grant + " is not paused: there is nothing to resume.");
    assertThat(refusal(() -> pauses.pause(OFFICER, grant, "other", " ", tomorrow)).getField()).isEqualTo("note");
    assertThat(refusal(() -> pauses.pause(OFFICER, grant, "holidays", null, tomorrow)).getField()).isEqualTo("reason");
    assertThat(refusal(() -> pauses.pause(OFFICER, grant, "staff", null, "2027-02-30")).getField())
        .isEqualTo("expectedResume");
    assertThat(pauses.history(grant)).as("refused: nothing recorded").isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).suspended().count()).isZero();

    pauses.pause(OFFICER, grant, "staff", null, tomorrow);
    assertThat(refusal(() -> journey.earlyStop().request(OFFICER, grant, "Not feasible.")).getMessage())
        .isEqualTo("Grant " + grant + " is paused: resume it before stopping it.");
    assertThatThrownBy(() -> pauses.pause(SECOND_OFFICER, grant, "elections", null, tomorrow))
        .isInstanceOf(GrantPauses.PauseConflictException.class).hasMessageStartingWith("Grant " + grant + " is paused already, since ");
    assertThatThrownBy(() -> pauses.resume(COACH, grant)).hasMessage("Only a programme officer can resume a grant.");
    pauses.resume(SECOND_OFFICER, grant);
    assertThat(pauses.history(grant)).hasSize(1);
  }

  // --- what moves

  /** Every timer (by activity), open task due date (by task key) and recorded deadline (by variable) of the grant. */
  record Deadlines(Map<String, Instant> timers, Map<String, Instant> tasks, Map<String, Instant> variables) {

    Deadlines plus(Duration shift) {
      return new Deadlines(shifted(timers, shift), shifted(tasks, shift), shifted(variables, shift));
    }

    private static Map<String, Instant> shifted(Map<String, Instant> dates, Duration shift) {
      Map<String, Instant> moved = new LinkedHashMap<>();
      dates.forEach((key, value) -> moved.put(key, value.plus(shift)));
      return moved;
    }
  }

  private Deadlines deadlines(String grant) {
    Map<String, Instant> timers = new LinkedHashMap<>();
    for (Job job : jobsOf(grant)) {
      if (job.getDuedate() != null) {
        timers.put(activityOf(job), job.getDuedate().toInstant());
      }
    }
    Map<String, Instant> tasks = new LinkedHashMap<>();
    for (String id : journey.processInstanceIds(grant)) {
      for (Task task : taskService.createTaskQuery().processInstanceId(id).list()) {
        if (task.getDueDate() != null) {
          tasks.put(task.getTaskDefinitionKey(), task.getDueDate().toInstant());
        }
      }
    }
    Map<String, Instant> variables = new LinkedHashMap<>();
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(journey.processInstanceIds(grant).toArray(String[]::new)).list()) {
      if (variable.getValue() instanceof Date date && !"awardAcceptedAt".equals(variable.getName())) {
        variables.put(variable.getName(), date.toInstant());
      }
    }
    return new Deadlines(timers, tasks, variables);
  }

  private String activityOf(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private List<Job> jobsOf(String grant) {
    return journey.processInstanceIds(grant).stream()
        .flatMap(id -> managementService.createJobQuery().processInstanceId(id).timers().list().stream()).toList();
  }

  /** What the job executor acquires: active jobs whose due date has come. */
  private List<Job> dueActiveJobsOf(String grant) {
    return journey.processInstanceIds(grant).stream()
        .flatMap(id -> managementService.createJobQuery().processInstanceId(id).active().executable().list().stream())
        .toList();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static void setClock(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }
}
