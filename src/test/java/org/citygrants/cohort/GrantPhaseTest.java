package org.citygrants.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citygrants.cohort.web.GrantPhase;
import org.junit.jupiter.api.Test;

/** The phase of a grant from the activities the engine has active (running) or went through (ended). */
class GrantPhaseTest {

  @Test
  void aRunningGrantIsInTheInnermostOrLatestActiveScope() {
    assertThat(GrantPhase.ofRunning(List.of("Task_SubmitApplication"))).isEqualTo(GrantPhase.APPLICATION);
    assertThat(GrantPhase.ofRunning(List.of("Task_SizeGrant"))).isEqualTo(GrantPhase.APPLICATION);
    assertThat(GrantPhase.ofRunning(List.of("Task_AssignCoach"))).isEqualTo(GrantPhase.COACH_ASSIGNMENT);
    assertThat(GrantPhase.ofRunning(List.of("SubProcess_Preparation", "Task_PlanExperimentation",
        "CallActivity_PayAdvance"))).isEqualTo(GrantPhase.PREPARATION);
    assertThat(GrantPhase.ofRunning(List.of("SubProcess_InvestmentCommittee", "Task_DecideCommitteeConvening")))
        .isEqualTo(GrantPhase.COMMITTEE);
    assertThat(GrantPhase.ofRunning(List.of("SubProcess_Experimentation", "Task_PlanExperiment",
        "Task_SubmitProgressReport"))).isEqualTo(GrantPhase.EXPERIMENTATION);
    assertThat(GrantPhase.ofRunning(List.of("SubProcess_Transition", "Task_SubmitFinalReport")))
        .isEqualTo(GrantPhase.TRANSITION);
    assertThat(GrantPhase.ofRunning(List.of("CallActivity_SettleGrant"))).isEqualTo(GrantPhase.SETTLEMENT);
    assertThat(GrantPhase.ofRunning(List.of("Event_FollowUpDue"))).isEqualTo(GrantPhase.FOLLOW_UP);
    assertThat(GrantPhase.ofRunning(List.of("Task_ReportFollowUp"))).isEqualTo(GrantPhase.FOLLOW_UP);
    assertThat(GrantPhase.ofRunning(List.of("SubProcess_EarlyStop", "CallActivity_SettleStoppedGrant")))
        .isEqualTo(GrantPhase.STOPPING);
  }

  @Test
  void anEndedGrantIsCompletedDeclinedOrStopped() {
    assertThat(GrantPhase.ofEnded(List.of("SubProcess_Transition", "Event_GrantCompleted")))
        .isEqualTo(GrantPhase.COMPLETED);
    assertThat(GrantPhase.ofEnded(List.of("Task_SizeGrant", "Event_ApplicationDeclined")))
        .isEqualTo(GrantPhase.DECLINED);
    assertThat(GrantPhase.ofEnded(List.of("SubProcess_EarlyStop", "Event_GrantStoppedEarly")))
        .isEqualTo(GrantPhase.STOPPED);
    assertThat(GrantPhase.ofEnded(List.of("SubProcess_StoppedByDecision", "Event_GrantClosedAfterStop")))
        .isEqualTo(GrantPhase.STOPPED);
    assertThat(GrantPhase.COMPLETED.ended()).isTrue();
    assertThat(GrantPhase.FOLLOW_UP.ended()).isFalse();
    assertThat(GrantPhase.values()).extracting(GrantPhase::step).allMatch(step -> step >= 1 && step <= GrantPhase.STEPS);
  }
}
