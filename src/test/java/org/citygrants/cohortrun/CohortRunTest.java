package org.citygrants.cohortrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.citygrants.grant.EarlyStop;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.ProcessGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A cohort of every scenario of the mix, driven through its whole lifecycle by two client
 * threads while the job executor runs timers and payments, as in production.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:cohortrun;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=500"})
class CohortRunTest {

  @Autowired ProcessGateway gateway;
  @Autowired EarlyStop earlyStop;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired LedgerService ledger;

  @Test
  void everyScenarioOfTheMixEndsAsExpectedWithItsLedgerBalanced() {
    GrantPort port = new InProcessPort(gateway, earlyStop, runtimeService, taskService, historyService, managementService, ledger);

    CohortReport report = new CohortDriver(port, Cast.demo())
        .run(CohortDriver.Options.of(20, 2).withTimeout(Duration.ofMinutes(5)));

    assertThat(report.problems()).isEmpty();
    assertThat(report.scenarios()).containsOnlyKeys(GrantScenario.values());
    assertThat(report.grantsEndedAsExpected()).isEqualTo(20);
  }
}
