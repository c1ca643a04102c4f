package org.citygrants.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.process.ProgrammeProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.List;
import java.util.Map;
import org.citygrants.cohort.web.CohortView;
import org.citygrants.cohort.web.CohortViewService;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Peer learning in a cohort: a city shares what it learned in an experiment (its choice, used
 * once the coach accepts the report), the cohort's cities read it and the notes of the peer
 * exchanges on the cohort view, and the managers find the shared learnings in the programme's
 * lessons task.
 */
class ProgrammePeerLearningTest extends ProgrammeTest {

  static final String LEARNINGS = "Parents come when the workshop is at the school gate at 5 pm, not in the town hall.";
  static final String NOTES = "Lyon told the others how it moved its workshops to the school gate.";

  @Autowired CohortViewService cohortView;

  @Test
  void sharedLearningsAndExchangeNotesReachTheCohortAndTheProgrammesLessons() {
    Cohort cohort = launch("Peer cohort", "lyon");
    String programme = cohort.programmeId();
    String lyon = cohort.grant("lyon");
    cityApplies(lyon, "lyon");
    grantReadyToExperiment(lyon, "lyon");

    // first experiment: shared, but the coach sends the report back once; nothing is shared before acceptance
    journey.complete(lyon, PLAN_EXPERIMENT, "lyon", with(experimentPlan(8000, 8), "experimentTitle", "School-gate workshops"));
    journey.complete(lyon, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));
    journey.fireTimer(lyon, EXPERIMENT_MIDPOINT);
    journey.complete(lyon, HOLD_MID_CYCLE_CHECK_IN, COACH, checkIn());
    journey.fireTimer(lyon, EXPERIMENT_ENDED);
    Map<String, Object> report = with(experimentReport(6000, true), "experimentLearnings", LEARNINGS, "shareLearnings", true);
    journey.complete(lyon, REPORT_EXPERIMENT_RESULTS, "lyon", report);
    journey.complete(lyon, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(false, "persevere", false));
    assertThat(sharedFor(lyon)).as("not before the coach accepts").isZero();
    assertThat(journey.variable(lyon, CityGrantProcess.SHARE_LEARNINGS.name())).as("the city's choice stays for the rework")
        .isEqualTo(true);
    journey.complete(lyon, REPORT_EXPERIMENT_RESULTS, "lyon", report);
    journey.complete(lyon, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(true, "pivot", false));
    payTrancheIfDue(lyon);

    assertThat(sharedFor(lyon)).isEqualTo(1);
    Map<String, Object> row = jdbc.sql("SELECT * FROM shared_learning WHERE grant_reference = ?").param(lyon).query().singleRow();
    assertThat(row).containsEntry("CITY_NAME", "Lyon").containsEntry("EXPERIMENT_NUMBER", 1)
        .containsEntry("EXPERIMENT_TITLE", "School-gate workshops").containsEntry("EXPERIMENT_TYPE", "people")
        .containsEntry("LEARNINGS", LEARNINGS).containsEntry("DECISION", "pivot").containsEntry("ACCEPTED_BY", COACH);
    assertThat(journey.variable(lyon, CityGrantProcess.SHARE_LEARNINGS.name()))
        .as("the next experiment's report starts unticked").isEqualTo(false);

    // second experiment: not shared
    journey.complete(lyon, PLAN_EXPERIMENT, "lyon", experimentPlan(2000, 8));
    journey.complete(lyon, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));
    journey.fireTimer(lyon, EXPERIMENT_MIDPOINT);
    journey.complete(lyon, HOLD_MID_CYCLE_CHECK_IN, COACH, checkIn());
    journey.fireTimer(lyon, EXPERIMENT_ENDED);
    journey.complete(lyon, REPORT_EXPERIMENT_RESULTS, "lyon", experimentReport(2000, false));
    journey.complete(lyon, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(true, "persevere", false));
    payTrancheIfDue(lyon);
    assertThat(sharedFor(lyon)).isEqualTo(1);

    // the peer exchange's notes: for the cohort's cities, no longer only with the manager
    fireProgrammeTimer(programme, PEER_EXCHANGE_DUE);
    String theme = "School gates " + programme;
    completeProgrammeTask(programme, HOLD_PEER_EXCHANGE, MANAGER, with(peerExchange(theme), "peerExchangeNotes", NOTES));

    CohortView asLyon = cohortView.viewFor("lyon");
    assertThat(asLyon.learnings()).filteredOn(l -> l.learnings().equals(LEARNINGS)).singleElement()
        .satisfies(l -> {
          assertThat(l.cityName()).isEqualTo("Lyon");
          assertThat(l.experimentTitle()).isEqualTo("School-gate workshops");
          assertThat(l.decision()).isEqualTo("pivot");
        });
    assertThat(asLyon.peerExchanges()).filteredOn(x -> x.theme().equals(theme)).singleElement().satisfies(x -> {
      assertThat(x.notes()).isEqualTo(NOTES);
      assertThat(x.programmeName()).isEqualTo("Peer cohort");
      assertThat(x.heldBy()).isEqualTo("Ingrid Bakker");
      assertThat(x.heldOn()).isEqualTo(inDays(0));
    });
    // a city of another cohort reads the shared learnings (like the wins), not this cohort's exchange notes
    List<CohortView.PeerExchange> asTampere = cohortView.viewFor("tampere").peerExchanges();
    assertThat(asTampere).noneMatch(x -> x.theme().equals(theme));
    assertThat(cohortView.viewFor("tampere").learnings()).anyMatch(l -> l.learnings().equals(LEARNINGS));
    assertThat(cohortView.viewFor(MANAGER).peerExchanges()).anyMatch(x -> x.theme().equals(theme));

    // the programme's lessons show the managers what the cohort's cities shared
    transitionAndComplete(lyon, "lyon", 0);
    String lessons = (String) taskService.getVariable(programmeTask(programme, WRITE_PROGRAMME_LESSONS).getId(),
        "learningsSharedByCities");
    assertThat(lessons).isEqualTo("- Lyon, \u201cSchool-gate workshops\u201d (people, pivot): " + LEARNINGS);
    assertThat(taskService.getVariable(programmeTask(programme, WRITE_PROGRAMME_LESSONS).getId(), "learningsSharedByCities_fr"))
        .as("for a French manager").isEqualTo("- Lyon, «\u00a0School-gate workshops\u00a0» (personnes, pivoter)\u00a0: " + LEARNINGS);
    completeProgrammeTask(programme, WRITE_PROGRAMME_LESSONS, MANAGER, programmeLessons());
    assertThat(programmeEndedAt(programme, "Event_ProgrammeClosed")).isTrue();
  }

  private int sharedFor(String grant) {
    return jdbc.sql("SELECT COUNT(*) FROM shared_learning WHERE grant_reference = ?").param(grant).query(Integer.class).single();
  }

  private void payTrancheIfDue(String grant) {
    if (journey.openTaskKeys(grant).contains(PaymentProcess.Elements.REQUEST_PAYMENT)) {
      payOpenPayment(grant);
    }
  }
}
