package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.GRANT_STOPPED_EARLY;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.citygrants.ledger.GrantStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention: every process and decision has a history time to live, history cleanup runs in the
 * configured night window, and it removes a grant's whole history (its payment and settlement
 * instances with it) once the grant's time to live has passed, while the ledger keeps the money.
 */
class HistoryRetentionTest extends LifecycleTest {

  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngineConfiguration engineConfiguration;

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
  }

  @Test
  void everyProcessAndDecisionHasAHistoryTimeToLive() {
    List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery().latestVersion().list();
    List<DecisionDefinition> decisions = repositoryService.createDecisionDefinitionQuery().latestVersion().list();

    assertThat(processes).extracting(ProcessDefinition::getKey)
        .contains("city-grant", "grant-payment", "grant-settlement", "experimentation-programme");
    assertThat(processes).allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isNotNull().isPositive());
    assertThat(decisions).extracting(DecisionDefinition::getKey).contains("grant-sizing", "advance-rate");
    assertThat(decisions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
  }

  @Test
  void historyCleanupRunsInTheConfiguredNightWindowByRemovalTime() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;

    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.isEnforceHistoryTimeToLive()).as("a model without a time to live is refused").isTrue();
  }

  @Test
  void aClosedGrantsHistoryIsRemovedAfterItsTimeToLiveAndItsLedgerIsKept() {
    String grant = grantInPreparation();
    journey.earlyStop().request(OFFICER, grant, "The council withdrew its support.");
    journey.runAsyncJobs();
    assertThat(journey.endedAt(grant, GRANT_STOPPED_EARLY)).isTrue();

    List<HistoricProcessInstance> history = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(grant).list();
    assertThat(history).extracting(HistoricProcessInstance::getProcessDefinitionKey)
        .as("the grant and the settlement it called").contains("city-grant", "grant-settlement");
    HistoricProcessInstance root = history.stream().filter(h -> h.getProcessDefinitionKey().equals("city-grant"))
        .findFirst().orElseThrow();
    Date expectedRemoval = Date.from(root.getEndTime().toInstant().plus(Duration.ofDays(1825)));
    assertThat(history).as("called instances follow the grant's removal time (root-based)")
        .allSatisfy(h -> assertThat(h.getRemovalTime()).isEqualTo(expectedRemoval));

    // one day before: cleanup keeps the grant's history
    ClockUtil.setCurrentTime(Date.from(expectedRemoval.toInstant().minus(Duration.ofDays(1))));
    runHistoryCleanup();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(grant).count())
        .isEqualTo(history.size());

    // one day after: the grant's whole history is gone, its money records are not
    ClockUtil.setCurrentTime(Date.from(expectedRemoval.toInstant().plus(Duration.ofDays(1))));
    runHistoryCleanup();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(grant).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(grant).count()).isZero();
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.balanced()).isTrue();
    assertThat(statement.movements()).isNotEmpty();
  }

  /** What the cleanup job does in its window, run now (the job executor is off in these tests). */
  private void runHistoryCleanup() {
    historyService.cleanUpHistoryAsync(true);
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = historyService.findHistoryCleanupJobs();
      List<Job> due = jobs.stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime()))
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
