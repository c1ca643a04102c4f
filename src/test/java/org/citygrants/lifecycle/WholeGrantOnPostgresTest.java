package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.citygrants.ledger.GrantStatement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One whole grant on a real PostgreSQL (embedded, no Docker), every task completed as the user
 * it is routed to, ending with a ledger statement that balances to the cent.
 */
@DirtiesContext
class WholeGrantOnPostgresTest extends LifecycleTest {

  private static final EmbeddedPostgres POSTGRES = start();

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }


  @Test
  void aWholeGrantRunsOnPostgresAndItsStatementBalances() {
    String grant = grantWithApprovedActivities();
    journey.fireTimer(grant, PROGRESS_REPORT_DUE);
    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, progressReport());
    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(true));
    runExperiment(grant, 20000, 18000, true, "pivot", false);
    runExperiment(grant, 8000, 8000, false, "persevere", true);
    transition(grant, 2000);
    // accepted 28,000 against 12,000 advance + 18,000 + 8,000 tranches = 38,000 paid: recover 10,000
    journey.complete(grant, org.citygrants.process.PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED, FINANCE_APPROVER,
        of("recoveryReceived", true, "recoveryReceivedDate", inDays(0), "recoveryNote", "Received on the programme account"));
    journey.fireTimer(grant, FOLLOW_UP_DUE);
    journey.complete(grant, REPORT_FOLLOW_UP, CITY, followUp());

    assertThat(journey.endedAt(grant, GRANT_COMPLETED)).isTrue();
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.balanced()).as(statement.imbalances().toString()).isTrue();
    assertThat(statement.paid()).isEqualByComparingTo(new BigDecimal("38000.00"));
    assertThat(statement.recovered()).isEqualByComparingTo(new BigDecimal("10000.00"));
    assertThat(statement.reportedSpent()).isEqualByComparingTo(new BigDecimal("28000.00"));
    assertThat(statement.cityFloat()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Autowired ProcessEngine engine;

  /** AuthorizedGroupIdsLooseScan: on PostgreSQL the engine asks its loose index scan, which answers the same. */
  @Test
  void theGroupsHoldingAuthorisationsComeFromTheLooseIndexScanWithTheEnginesAnswer() {
    String grant = grantWithApprovedActivities();
    assertThat(grant).isNotNull();
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
        .isEqualTo("selectAuthorizedGroupIdsLooseIndexScan");
    Set<String> engines = groups(configuration, "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity"
        + ".selectAuthorizedGroupIds");
    Set<String> loose = groups(configuration, "selectAuthorizedGroupIdsLooseIndexScan");
    assertThat(loose).contains("city-lyon", "coaches", "finance-officers").isEqualTo(engines);
  }

  private static Set<String> groups(ProcessEngineConfigurationImpl configuration, String statement) {
    List<String> ids = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getDbSqlSession().getSqlSession().selectList(statement));
    Set<String> set = new HashSet<>(ids);
    set.removeIf(Objects::isNull);
    return set;
  }
}
