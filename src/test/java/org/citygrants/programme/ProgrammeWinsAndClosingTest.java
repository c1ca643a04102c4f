package org.citygrants.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.process.ProgrammeProcess.Elements.*;

import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.process.ProgrammeProcess;
import org.citygrants.support.FormData;
import org.junit.jupiter.api.Test;

/**
 * Wins flagged by coaches reach the programme (message WinFlagged, event sub-process), and the
 * programme closes with its lessons once every grant of the cohort is closed.
 */
class ProgrammeWinsAndClosingTest extends ProgrammeTest {

  private static final String STORY = "34 parents co-designed two schoolyards.";

  @Test
  void aWinFlaggedInACityGrantIsCollectedByTheProgrammeAndCelebratedAtTheNextExchange() {
    Cohort cohort = launch("Cohort 2026", "lyon", "tampere");
    String programme = cohort.programmeId();
    String lyon = cohort.grant("lyon");
    cityApplies(lyon, "lyon");
    grantReadyToExperiment(lyon, "lyon");

    runExperiment(lyon, "lyon", 20000, 20000, true, true);

    String winKey = lyon + ":experiment-1";
    assertThat(programmeVariable(programme, ProgrammeProcess.WINS_COLLECTED.name())).isEqualTo(1L);
    assertThat(programmeVariable(programme, ProgrammeProcess.WINS_TO_CELEBRATE.name())).isEqualTo("- Lyon: " + STORY);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(programme)
        .activityId("Event_WinCollected").finished().count()).isEqualTo(1);
    assertThat(programmeTaskKeys(programme)).as("collecting a win needs nobody").isEmpty();
    Map<String, Object> row = jdbc.sql("SELECT * FROM cohort_win WHERE win_key = ?").param(winKey).query().singleRow();
    assertThat(row).containsEntry("GRANT_REFERENCE", lyon).containsEntry("CITY_NAME", "Lyon")
        .containsEntry("PROGRAMME_INSTANCE_ID", programme).containsEntry("STORY", STORY)
        .containsEntry("FLAGGED_BY", COACH).containsEntry("COLLECTED_BY_PROGRAMME", true);
    // the event sub-process does not interrupt anything: the grants go on
    assertThat(journey.openTaskKeys(lyon)).containsExactly(PLAN_EXPERIMENT);
    assertThat(journey.openTaskKeys(cohort.grant("tampere"))).containsExactly(SUBMIT_APPLICATION);
    assertThat(programmeTimers(programme, PEER_EXCHANGE_DUE)).hasSize(1);

    // a second win of the same city joins the feed; Lyon ends its experiments
    runExperiment(lyon, "lyon", 5000, 5000, false, true);
    assertThat(programmeVariable(programme, ProgrammeProcess.WINS_COLLECTED.name())).isEqualTo(2L);
    assertThat(programmeVariable(programme, ProgrammeProcess.WINS_TO_CELEBRATE.name()))
        .isEqualTo("- Lyon: " + STORY + "\n- Lyon: " + STORY);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cohort_win WHERE grant_reference = ? AND collected_by_programme")
        .param(lyon).query(Integer.class).single()).isEqualTo(2);

    // the next peer exchange shows the wins to celebrate
    fireProgrammeTimer(programme, PEER_EXCHANGE_DUE);
    Task exchange = programmeTask(programme, HOLD_PEER_EXCHANGE);
    assertThat((String) taskService.getVariable(exchange.getId(), ProgrammeProcess.WINS_TO_CELEBRATE.name()))
        .contains("- Lyon: " + STORY);
    completeProgrammeTask(programme, HOLD_PEER_EXCHANGE, MANAGER, peerExchange("Celebrating Lyon's schoolyards"));

    // the cohort closes: Tampere is declined, Lyon completes its grant
    cityApplies(cohort.grant("tampere"), "tampere");
    officerDeclines(cohort.grant("tampere"));
    assertThat(programmeTaskKeys(programme)).as("Lyon still runs").isEmpty();
    transitionAndComplete(lyon, "lyon", 5000);
    assertThat(journey.endedAt(lyon, GRANT_COMPLETED)).isTrue();

    assertThat(programmeTaskKeys(programme)).containsExactly(WRITE_PROGRAMME_LESSONS);
    assertThat(taskService.getVariable(programmeTask(programme, WRITE_PROGRAMME_LESSONS).getId(),
        ProgrammeProcess.WINS_TO_CELEBRATE.name())).as("celebrated at the exchange, so not shown again").isEqualTo("");
    completeProgrammeTask(programme, WRITE_PROGRAMME_LESSONS, MANAGER, programmeLessons());
    assertThat(programmeEndedAt(programme, "Event_ProgrammeClosed")).isTrue();
  }

  @Test
  void whenEveryGrantOfTheCohortIsClosedTheManagersWriteTheProgrammesLessons() {
    Cohort cohort = launch("Cohort 2026", "lyon", "tampere");
    String programme = cohort.programmeId();
    cohort.grants().forEach((city, grant) -> cityApplies(grant, city));

    officerDeclines(cohort.grant("lyon"));
    assertThat(journey.endedAt(cohort.grant("lyon"), APPLICATION_DECLINED)).isTrue();
    assertThat(programmeTaskKeys(programme)).as("Tampere's grant still runs").isEmpty();
    assertThat(grantsOf(programme)).containsOnlyKeys("tampere");

    officerDeclines(cohort.grant("tampere"));
    assertThat(journey.endedAt(cohort.grant("tampere"), APPLICATION_DECLINED)).isTrue();

    Task lessons = programmeTask(programme, WRITE_PROGRAMME_LESSONS);
    assertThat(taskService.getIdentityLinksForTask(lessons.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("programme-managers");
    assertThat(programmeTimers(programme, PEER_EXCHANGE_DUE)).as("no exchange once the grants are closed").isEmpty();
    assertThat(taskService.getVariable(lessons.getId(), ProgrammeProcess.PROGRAMME_NAME.name())).isEqualTo("Cohort 2026");

    assertRefused(() -> journey.gateway().completeTask(MANAGER, lessons.getId(),
        FormData.with(programmeLessons(), "lessonsLearned", "Too short.")), "lessonsLearned", "Lessons learned");
    assertRefused(() -> journey.gateway().completeTask(MANAGER, lessons.getId(),
        FormData.with(programmeLessons(), "recommendations", "r".repeat(4001))), "recommendations", "Recommendations");
    assertThat(programmeRunning(programme)).isTrue();
    assertThat(programmeVariable(programme, "lessonsLearned")).isNull();

    completeProgrammeTask(programme, WRITE_PROGRAMME_LESSONS, MANAGER, programmeLessons());

    assertThat(programmeEndedAt(programme, "Event_ProgrammeClosed")).isTrue();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(programme)
        .variableName("lessonsLearned").singleResult().getValue()).isEqualTo(programmeLessons().get("lessonsLearned"));
    assertThat(managementService.createJobQuery().processInstanceId(programme).count()).isZero();
  }

  @Test
  void aGrantStoppedEarlyClosesLikeAnyOther() {
    Cohort cohort = launch("Cohort 2026", "tampere");
    String programme = cohort.programmeId();
    String tampere = cohort.grant("tampere");
    cityApplies(tampere, "tampere");
    journey.complete(tampere, SIZE_GRANT, OFFICER, FormData.award(30000));
    journey.acceptAward(tampere, "tampere");

    stopEarlyAndSettle(tampere);

    assertThat(journey.endedAt(tampere, GRANT_STOPPED_EARLY)).isTrue();
    assertThat(ledger.statement(tampere).status().name()).isEqualTo("CLOSED");
    assertThat(programmeTaskKeys(programme)).containsExactly(WRITE_PROGRAMME_LESSONS);
    completeProgrammeTask(programme, WRITE_PROGRAMME_LESSONS, MANAGER, programmeLessons());
    assertThat(programmeEndedAt(programme, "Event_ProgrammeClosed")).isTrue();
  }

  @Test
  void writingTheLessonsClosesTheProgrammeEvenWithAnExchangeStillOpen() {
    Cohort cohort = launch("Cohort 2026", "tampere");
    String programme = cohort.programmeId();
    fireProgrammeTimer(programme, PEER_EXCHANGE_DUE);
    cityApplies(cohort.grant("tampere"), "tampere");
    officerDeclines(cohort.grant("tampere"));

    assertThat(programmeTaskKeys(programme)).containsExactly(HOLD_PEER_EXCHANGE, WRITE_PROGRAMME_LESSONS);
    assertThat(programmeTimers(programme, PEER_EXCHANGE_DUE)).isEmpty();
    completeProgrammeTask(programme, WRITE_PROGRAMME_LESSONS, MANAGER, programmeLessons());
    // Event_ProgrammeClosed terminates the programme: an exchange still open is no longer needed
    assertThat(programmeEndedAt(programme, "Event_ProgrammeClosed")).isTrue();
    assertThat(programmeRunning(programme)).isFalse();
  }
}
