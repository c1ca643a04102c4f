package org.citygrants.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.citygrants.ledger.MovementType;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentStatus;
import org.citygrants.process.CityGrantProcess;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into the disbursement for real: the ledger (a spy around the real bean) throws
 * when the asynchronous Task_DisbursePayment job calls it. The job is retried with the engine's
 * failed-job retry cycle (R3/PT5M: three tries, then an incident), and the payment is made once.
 */
class PaymentFaultInjectionTest extends ReliabilityTest {

  @Test
  void aDisbursementThatFailsTwiceThenSucceedsPaysExactlyOnce() {
    String grant = grantWithPaymentToApprove();
    doThrow(new IllegalStateException("bank interface down"))
        .doThrow(new IllegalStateException("bank interface down"))
        .doCallRealMethod()
        .when(ledger).disburse(any(), any());
    approveWithoutRunningJobs(grant);

    Job job = disbursementJob(grant);
    assertThat(job.getRetries()).isEqualTo(3);
    failOnce(job);
    assertThat(disbursementJob(grant).getRetries()).isEqualTo(2);
    assertThat(payments(grant)).extracting(Payment::status).containsExactly(PaymentStatus.APPROVED);
    failOnce(job);
    assertThat(disbursementJob(grant).getRetries()).isEqualTo(1);

    managementService.executeJob(job.getId());
    journey.runAsyncJobs();

    assertThat(disbursementJob(grant)).isNull();
    assertThat(payments(grant)).extracting(Payment::status).containsExactly(PaymentStatus.DISBURSED);
    assertThat(movements(grant, MovementType.PAYMENT_DISBURSED)).isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
    // the grant went on: the coach's readiness check follows the paid advance
    assertThat(journey.openTaskKeys(grant)).contains(CityGrantProcess.Elements.CONFIRM_READINESS);
  }

  @Test
  void aDisbursementThatAlwaysFailsLeavesAnIncidentAndAnOperatorRetryPaysOnce() {
    String grant = grantWithPaymentToApprove();
    doThrow(new IllegalStateException("bank interface down for the payment")).when(ledger).disburse(any(), any());
    approveWithoutRunningJobs(grant);

    Job job = disbursementJob(grant);
    for (int attempt = 0; attempt < 3; attempt++) {
      failOnce(job);
    }
    assertThat(disbursementJob(grant).getRetries()).isZero();
    List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getActivityId()).isEqualTo("Task_DisbursePayment");
    assertThat(incidents.get(0).getIncidentMessage()).contains("bank interface down for the payment");
    assertThat(payments(grant)).extracting(Payment::status).containsExactly(PaymentStatus.APPROVED);
    assertThat(movements(grant, MovementType.PAYMENT_DISBURSED)).isZero();

    // the cause is fixed; an administrator gives the job one more try over the engine REST API (as in Cockpit)
    doCallRealMethod().when(ledger).disburse(any(), any());
    Reply retried = put("admin", "/engine-rest/job/" + job.getId() + "/retries", "{\"retries\": 1}");
    assertThat(retried.status()).as(retried.body()).isEqualTo(204);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
    managementService.executeJob(job.getId());
    journey.runAsyncJobs();

    assertThat(disbursementJob(grant)).isNull();
    assertThat(payments(grant)).extracting(Payment::status).containsExactly(PaymentStatus.DISBURSED);
    assertThat(movements(grant, MovementType.PAYMENT_DISBURSED)).isEqualTo(1);
    assertThat(journey.openTaskKeys(grant)).contains(CityGrantProcess.Elements.CONFIRM_READINESS);
  }

  private void failOnce(Job job) {
    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasStackTraceContaining("bank interface down");
  }

  private List<Payment> payments(String grant) {
    return ledger.statement(grant).payments();
  }
}
