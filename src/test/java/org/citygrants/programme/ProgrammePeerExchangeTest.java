package org.citygrants.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.ProgrammeProcess.Elements.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.process.ProcessGateway;
import org.citygrants.process.ProgrammeProcess;
import org.citygrants.support.FormData;
import org.junit.jupiter.api.Test;

/** The peer-exchange cycle: a non-interrupting cycle timer on the cohort's grants asks the managers to meet. */
class ProgrammePeerExchangeTest extends ProgrammeTest {

  @Test
  void thePeerExchangeFallsDueEveryCycleWhileTheGrantsRun() {
    Cohort cohort = launch("Cohort 2026", "lyon", "tampere");
    String programme = cohort.programmeId();
    Job first = programmeTimers(programme, PEER_EXCHANGE_DUE).get(0);
    assertThat(first.getDuedate()).as("R/P3M: first exchange in about three months")
        .isAfter(Date.from(Instant.now().plus(80, ChronoUnit.DAYS)))
        .isBefore(Date.from(Instant.now().plus(100, ChronoUnit.DAYS)));

    fireProgrammeTimer(programme, PEER_EXCHANGE_DUE);

    Task exchange = programmeTask(programme, HOLD_PEER_EXCHANGE);
    assertThat(taskService.getIdentityLinksForTask(exchange.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("programme-managers");
    assertThat(taskService.getVariable(exchange.getId(), ProgrammeProcess.PROGRAMME_NAME.name())).isEqualTo("Cohort 2026");
    assertThat(taskService.getVariable(exchange.getId(), ProgrammeProcess.WINS_TO_CELEBRATE.name())).isEqualTo("");
    // non-interrupting: the grants go on, and the timer waits for the next cycle
    assertThat(grantsOf(programme)).isEqualTo(cohort.grants());
    Job next = programmeTimers(programme, PEER_EXCHANGE_DUE).get(0);
    assertThat(programmeTimers(programme, PEER_EXCHANGE_DUE)).hasSize(1);
    assertThat(next.getId()).isNotEqualTo(first.getId());
    assertThat(next.getDuedate()).as("next cycle, counted from when the exchange fell due")
        .isAfter(Date.from(Instant.now().plus(80, ChronoUnit.DAYS)));

    completeProgrammeTask(programme, HOLD_PEER_EXCHANGE, MANAGER, peerExchange("Learning from failed experiments"));

    assertThat(programmeTaskKeys(programme)).isEmpty();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(programme)
        .activityId("Event_PeerExchangeHeld").finished().count()).isEqualTo(1);
    assertThat(programmeVariable(programme, "peerExchangeTheme")).isEqualTo("Learning from failed experiments");
    assertThat(programmeRunning(programme)).isTrue();
    assertThat(programmeTimers(programme, PEER_EXCHANGE_DUE)).hasSize(1);

    // the next cycle brings the next exchange
    fireProgrammeTimer(programme, PEER_EXCHANGE_DUE);
    assertThat(programmeTaskKeys(programme)).containsExactly(HOLD_PEER_EXCHANGE);
    assertThat(programmeTimers(programme, PEER_EXCHANGE_DUE)).hasSize(1);
  }

  @Test
  void twoCyclesOverlapWhenAnExchangeIsNotHeldYet() {
    Cohort cohort = launch("Cohort 2026", "tampere");
    fireProgrammeTimer(cohort.programmeId(), PEER_EXCHANGE_DUE);
    fireProgrammeTimer(cohort.programmeId(), PEER_EXCHANGE_DUE);
    assertThat(programmeTaskKeys(cohort.programmeId())).containsExactly(HOLD_PEER_EXCHANGE, HOLD_PEER_EXCHANGE);
  }

  @Test
  void onlyAProgrammeManagerHoldsTheExchangeAndTheFormIsEnforced() {
    Cohort cohort = launch("Cohort 2026", "tampere");
    String programme = cohort.programmeId();
    fireProgrammeTimer(programme, PEER_EXCHANGE_DUE);
    String taskId = programmeTask(programme, HOLD_PEER_EXCHANGE).getId();

    assertThatThrownBy(() -> journey.gateway().completeTask("tampere", taskId, peerExchange("City-led exchange")))
        .isInstanceOf(ProcessGateway.TaskNotAvailableException.class);
    assertRefused(() -> journey.gateway().completeTask(MANAGER, taskId,
        FormData.with(peerExchange("Wins"), "peerExchangeTheme", "Wi")), "peerExchangeTheme", "Theme");
    assertRefused(() -> journey.gateway().completeTask(MANAGER, taskId,
        FormData.with(peerExchange("Wins"), "peerExchangeDate", null)), "peerExchangeDate", "'Date of the exchange' is required.");
    assertRefused(() -> journey.gateway().completeTask(MANAGER, taskId,
        FormData.with(peerExchange("Wins"), "peerExchangeNotes", "n".repeat(3001))), "peerExchangeNotes", "Notes");

    assertThat(programmeTaskKeys(programme)).containsExactly(HOLD_PEER_EXCHANGE);
    assertThat(programmeVariable(programme, "peerExchangeTheme")).isNull();

    completeProgrammeTask(programme, HOLD_PEER_EXCHANGE, MANAGER, peerExchange("Wins"));
    assertThat(programmeTaskKeys(programme)).isEmpty();
  }
}
