package org.citygrants.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The paths of bpmn/grant-payment.bpmn on the engine alone (tier 1), delegates mocked. */
@Deployment(resources = {"bpmn/grant-payment.bpmn", "forms/request-payment.form", "forms/approve-payment.form"})
class GrantPaymentProcessTest extends EngineOnlyTest {

  static final String LOAD = "loadLedgerFiguresDelegate";
  static final String REGISTER = "registerPaymentRequestDelegate";
  static final String RECORD = "recordPaymentDecisionDelegate";
  static final String DISBURSE = "disbursePaymentDelegate";
  static final String NOTIFY = "notifyCityOfPaymentDelegate";

  @BeforeEach
  void delegates() {
    mockDelegate(LOAD);
    mockDelegate(REGISTER);
    mockDelegate(RECORD);
    mockDelegate(DISBURSE);
    mockDelegate(NOTIFY);
  }

  ProcessInstance paymentDue() {
    return runtimeService().startProcessInstanceByKey(PaymentProcess.PAYMENT_PROCESS_ID, "LYON-2026",
        withVariables("paymentMilestone", "advance", "paymentKind", "ADVANCE", "proposedPaymentAmount", 12000.0));
  }

  @Test
  void aRequestedAndApprovedPaymentIsDisbursedAfterAnAsyncContinuation() {
    ProcessInstance payment = paymentDue();

    assertThat(payment).isWaitingAt(PaymentProcess.Elements.REQUEST_PAYMENT);
    assertThat(task(payment)).hasCandidateGroup("finance-officers");
    assertThat(task(payment).getDueDate()).isInTheFuture();
    complete(task(payment), withVariables("paymentAmount", 12000.0));

    assertThat(payment).isWaitingAt(PaymentProcess.Elements.APPROVE_PAYMENT);
    assertThat(task(payment)).hasCandidateGroup("finance-officers");
    complete(task(payment), withVariables("paymentApproved", true));

    // the disbursement waits for its own transaction, after the approval has committed
    assertThat(payment).isWaitingAt(PaymentProcess.Elements.DISBURSE_PAYMENT);
    assertThat(delegatesRun).containsExactly(LOAD, REGISTER, RECORD);
    execute(job(payment));

    assertThat(payment).isEnded().hasPassedInOrder(PaymentProcess.Elements.REQUEST_PAYMENT,
        PaymentProcess.Elements.APPROVE_PAYMENT, PaymentProcess.Elements.DISBURSE_PAYMENT, "Task_NotifyCityOfPayment",
        "Event_PaymentDisbursed");
    assertThat(delegatesRun).as("the city hears of the payment once it is disbursed")
        .containsExactly(LOAD, REGISTER, RECORD, DISBURSE, NOTIFY);
  }

  @Test
  void aPaymentNotApprovedGoesBackToTheRequesterAndNothingIsDisbursed() {
    ProcessInstance payment = paymentDue();
    complete(task(payment), withVariables("paymentAmount", 12000.0));

    complete(task(payment), withVariables("paymentApproved", false, "paymentQuery", "Which budget line?"));

    assertThat(payment).isWaitingAt(PaymentProcess.Elements.REQUEST_PAYMENT).hasPassed("Gateway_PaymentApproved")
        .hasNotPassed(PaymentProcess.Elements.DISBURSE_PAYMENT);
    assertThat(delegatesRun).containsExactly(LOAD, REGISTER, RECORD);

    complete(task(payment), withVariables("paymentAmount", 11000.0));
    complete(task(payment), withVariables("paymentApproved", true));
    execute(job(payment));

    assertThat(payment).isEnded();
    assertThat(delegatesRun).containsExactly(LOAD, REGISTER, RECORD, REGISTER, RECORD, DISBURSE, NOTIFY);
  }

  @Test
  void theApproversQueryStartsEmptyOnTheNextRoundWhileTheRequesterReadsIt() {
    ProcessInstance payment = paymentDue();
    complete(task(payment), withVariables("paymentAmount", 12000.0));
    complete(task(payment), withVariables("paymentApproved", false, "paymentQuery", "Which budget line?"));

    assertThat(payment).isWaitingAt(PaymentProcess.Elements.REQUEST_PAYMENT);
    assertThat(taskService().getVariable(task(payment).getId(), "paymentQuery")).as("the requester reads it")
        .isEqualTo("Which budget line?");
    complete(task(payment), withVariables("paymentAmount", 11000.0));

    assertThat(payment).isWaitingAt(PaymentProcess.Elements.APPROVE_PAYMENT);
    assertThat(taskService().getVariable(task(payment).getId(), "paymentQuery"))
        .as("the next approval starts empty").isNull();
    complete(task(payment), withVariables("paymentApproved", true));
    assertThat(runtimeService().getVariable(payment.getId(), "paymentQuery")).isNull();
  }

  @Test
  void aFailingDisbursementStaysBeforeTheDisbursementWithNothingRecordedAfterIt() {
    mockDelegate(DISBURSE, execution -> {
      throw new IllegalStateException("bank interface down");
    });
    ProcessInstance payment = paymentDue();
    complete(task(payment), withVariables("paymentAmount", 12000.0));
    complete(task(payment), withVariables("paymentApproved", true));

    assertThatThrownBy(() -> execute(job(payment))).hasMessageContaining("bank interface down");

    assertThat(payment).isWaitingAt(PaymentProcess.Elements.DISBURSE_PAYMENT).hasNotPassed("Task_NotifyCityOfPayment", "Event_PaymentDisbursed");
    assertThat(job(payment).getRetries()).as("one try used").isEqualTo(2);
    assertThat(List.copyOf(delegatesRun)).endsWith(DISBURSE);
  }
}
