package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import java.util.Locale;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerException;
import org.citygrants.ledger.MovementContext;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentStatus;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerRefusals;
import org.citygrants.payment.PaymentCalendar;
import org.citygrants.process.PaymentProcess;
import org.citygrants.process.ProcessGateway.TaskNotAvailableException;
import org.citygrants.validation.FormInputValidator;
import org.citygrants.validation.FormSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** grant-payment: the approver's query back to the requester, and four eyes. Shown on the advance. */
class PaymentPathsTest extends GrantPathTest {

  private static final String REQUEST = PaymentProcess.Elements.REQUEST_PAYMENT;
  private static final String APPROVE = PaymentProcess.Elements.APPROVE_PAYMENT;

  @Autowired FormInputValidator forms;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void aQueriedPaymentGoesBackToTheRequesterAndIsPaidOnceRequestedAgain() {
    String grant = advanceToRequest();
    journey.complete(grant, REQUEST, FINANCE_REQUESTER, requestPayment(12000));

    journey.complete(grant, APPROVE, FINANCE_APPROVER, approvePayment(false));

    assertThat(journey.openTaskKeys(grant)).containsExactly(REQUEST);
    assertThat(taskVariable(grant, REQUEST, "paymentQuery")).isEqualTo("Check the bank details.");
    Payment queried = advance(grant);
    assertThat(queried.status()).isEqualTo(PaymentStatus.REJECTED);
    assertThat(queried.rejectedBy()).isEqualTo(FINANCE_APPROVER);
    assertThat(queried.rejectionReason()).isEqualTo("Check the bank details.");
    assertThat(ledger.statement(grant).pendingPayments()).isEqualByComparingTo(BigDecimal.ZERO);

    journey.complete(grant, REQUEST, FINANCE_REQUESTER, with(requestPayment(12000), "paymentNote", "Bank details checked."));
    journey.complete(grant, APPROVE, FINANCE_APPROVER, approvePayment(true));

    Payment paid = advance(grant);
    assertThat(paid.status()).isEqualTo(PaymentStatus.DISBURSED);
    assertThat(paid.requestedBy()).isEqualTo(FINANCE_REQUESTER);
    assertThat(paid.approvedBy()).isEqualTo(FINANCE_APPROVER);
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.paid()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(statement.payments()).hasSize(1);
    assertThat(journey.variable(grant, "advancePaidAmount")).isEqualTo(12000.0);
    assertThat(journey.openTaskKeys(grant)).containsExactly(CONFIRM_READINESS);
  }

  @Test
  void aLedgerRefusalCallsThePersonItMentionsByTheirName() {
    String grant = advanceToRequest();
    journey.complete(grant, REQUEST, FINANCE_REQUESTER, requestPayment(12000));
    journey.complete(grant, APPROVE, FINANCE_APPROVER, approvePayment(false));

    LedgerException refused = catchThrowableOfType(LedgerException.class, () -> ledger.approvePayment(
        Payment.key(grant, "advance"), "someone-else", MovementContext.by("someone-else", "test")));

    // as a delegate turns it into the person's refusal, inside the engine's command
    String shown = engineConfiguration.getCommandExecutorTxRequired().execute(command -> LedgerRefusals.inWords(refused));
    assertThat(shown).isEqualTo("The advance was rejected by Amara Okafor (\"Check the bank details.\"): it must be"
        + " requested again before it can be approved.");
    assertThat(refused.getMessage()).as("the ledger alone knows the id only").contains("by " + FINANCE_APPROVER + " (");
  }

  @Test
  void theFormsShowTheMilestoneInWordsTheProposalPrefilledAndTheRequesterByName() {
    String grant = advanceToRequest();
    Object proposed = taskVariable(grant, REQUEST, "proposedPaymentAmount");
    assertThat(taskVariable(grant, REQUEST, "paymentAmount")).as("prefilled with the proposal").isEqualTo(proposed);
    assertThat(taskVariable(grant, REQUEST, "paymentMilestoneLabel")).isEqualTo("Advance");
    assertThat(taskVariable(grant, REQUEST, "paymentMilestoneLabel_fr")).as("for a French finance officer").isEqualTo("Avance");

    journey.complete(grant, REQUEST, FINANCE_REQUESTER, requestPayment(12000));

    assertThat(taskVariable(grant, APPROVE, "paymentRequestedByName")).isEqualTo("Jonas Lindqvist");
    assertThat(taskVariable(grant, APPROVE, "paymentRequestedBy")).as("the id the four-eyes rule uses")
        .isEqualTo(FINANCE_REQUESTER);
    FormSchema approval = forms.schema("approve-payment");
    assertThat(approval.isReadOnly("paymentRequestedByName")).isTrue();
    assertThat(approval.isReadOnly("paymentMilestoneLabel")).isTrue();
    assertThat(approval.isReadOnly("paymentRequestedBy")).as("the approver reads a name, not a user id").isFalse();
    assertThat(PaymentCalendar.milestoneLabel("tranche-2", Locale.ENGLISH)).isEqualTo("Tranche for experiment 2");
    assertThat(PaymentCalendar.milestoneLabel("tranche-2", Locale.FRENCH)).isEqualTo("Tranche de l’expérimentation 2");
    assertThat(PaymentCalendar.milestoneLabel("final-balance", Locale.ENGLISH)).isEqualTo("Final balance");
    assertThat(PaymentCalendar.milestoneLabel("final-balance", Locale.FRENCH)).isEqualTo("Solde final");
  }

  @Test
  void aPaymentAboveWhatTheGrantHasLeftIsRefusedInWordsWithoutThePaymentsKey() {
    String grant = advanceToRequest();

    InputRejectedException refused = refusal(() ->
        journey.complete(grant, REQUEST, FINANCE_REQUESTER, requestPayment(45000)));

    assertThat(refused.getField()).isEqualTo("paymentAmount");
    assertThat(refused.getMessage()).isEqualTo("'Amount to pay' is more than the grant has left to pay: at most "
        + "40,000.00 EUR (awarded 40,000.00 EUR, paid 0.00 EUR, awaiting approval 0.00 EUR). Lower the amount.");
    assertThat(journey.openTaskKeys(grant)).containsExactly(REQUEST);
  }

  @Test
  void aQueryWithoutSayingWhatToChangeIsRefused() {
    String grant = advanceToRequest();
    journey.complete(grant, REQUEST, FINANCE_REQUESTER, requestPayment(12000));

    InputRejectedException refused = refusal(() ->
        journey.complete(grant, APPROVE, FINANCE_APPROVER, with(approvePayment(false), "paymentQuery", "")));

    assertThat(refused.getField()).isEqualTo("paymentQuery");
    assertThat(journey.openTaskKeys(grant)).containsExactly(APPROVE);
    assertThat(advance(grant).status()).isEqualTo(PaymentStatus.REQUESTED);
  }

  @Test
  void theRequesterIsNotOfferedTheApprovalOfTheirOwnPayment() {
    String grant = advanceToRequest();
    journey.complete(grant, REQUEST, FINANCE_REQUESTER, requestPayment(12000));

    // the approval is hidden from its requester (security.TaskHandOverTest: lists, filters, claim, REST)
    assertThatThrownBy(() -> journey.complete(grant, APPROVE, FINANCE_REQUESTER, approvePayment(true)))
        .isInstanceOf(TaskNotAvailableException.class)
        .hasMessage("'Approve payment (four eyes)' is not one of your tasks.");

    assertThat(journey.openTaskKeys(grant)).containsExactly(APPROVE);
    assertThat(journey.task(grant, APPROVE).getAssignee()).as("the refused completion leaves no claim").isNull();
    assertThat(advance(grant).status()).isEqualTo(PaymentStatus.REQUESTED);
    assertThat(ledger.statement(grant).paid()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void anotherFinanceOfficerApprovesAfterTheRequesterWasRefused() {
    String grant = advanceToRequest();
    journey.complete(grant, REQUEST, FINANCE_REQUESTER, requestPayment(12000));
    assertThatThrownBy(() -> journey.complete(grant, APPROVE, FINANCE_REQUESTER, approvePayment(true)))
        .isInstanceOf(TaskNotAvailableException.class);

    journey.complete(grant, APPROVE, FINANCE_APPROVER, approvePayment(true));

    assertThat(advance(grant).status()).isEqualTo(PaymentStatus.DISBURSED);
    assertThat(advance(grant).approvedBy()).isEqualTo(FINANCE_APPROVER);
  }

  private String advanceToRequest() {
    String grant = grantInPreparation();
    cityPrepares(grant);
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(true));
    assertThat(journey.openTaskKeys(grant)).contains(REQUEST);
    return grant;
  }

  private Payment advance(String grant) {
    return ledger.statement(grant).payments().stream().filter(p -> p.milestone().equals("advance")).findFirst()
        .orElseThrow();
  }
}
