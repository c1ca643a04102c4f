package org.citygrants.process;

/** The {@code grant-payment} and {@code grant-settlement} processes: ids, elements, variables. */
public final class PaymentProcess {

  public static final String PAYMENT_PROCESS_ID = "grant-payment";
  public static final String SETTLEMENT_PROCESS_ID = "grant-settlement";

  public static final class Elements {
    public static final String REQUEST_PAYMENT = "Task_RequestPayment";
    public static final String APPROVE_PAYMENT = "Task_ApprovePayment";
    public static final String DISBURSE_PAYMENT = "Task_DisbursePayment";
    public static final String NOTIFY_CITY_OF_PAYMENT = "Task_NotifyCityOfPayment";
    public static final String CONFIRM_RECOVERY_RECEIVED = "Task_ConfirmRecoveryReceived";
    public static final String ISSUE_RECOVERY_ORDER = "Task_IssueRecoveryOrder";
    public static final String PAY_FINAL_BALANCE = "CallActivity_PayFinalBalance";

    private Elements() {}
  }

  public static final ProcessVariable<String> PAYMENT_MILESTONE = ProcessVariable.of("paymentMilestone", String.class);
  /** The milestone in words ("Tranche 2"), what forms and Tasklist's columns show. */
  public static final WordedVariable PAYMENT_MILESTONE_LABEL = WordedVariable.of("paymentMilestoneLabel");
  public static final ProcessVariable<String> PAYMENT_KIND = ProcessVariable.of("paymentKind", String.class);
  public static final ProcessVariable<Double> PROPOSED_PAYMENT_AMOUNT = ProcessVariable.of("proposedPaymentAmount", Double.class);
  public static final ProcessVariable<Double> PAYMENT_AMOUNT = ProcessVariable.of("paymentAmount", Double.class);
  public static final ProcessVariable<String> PAYMENT_NOTE = ProcessVariable.of("paymentNote", String.class);
  public static final ProcessVariable<String> PAYMENT_KEY = ProcessVariable.of("paymentKey", String.class);
  public static final ProcessVariable<String> PAYMENT_REQUESTED_BY = ProcessVariable.of("paymentRequestedBy", String.class);
  /** The requester's first and last name, what the approver reads. */
  public static final ProcessVariable<String> PAYMENT_REQUESTED_BY_NAME = ProcessVariable.of("paymentRequestedByName", String.class);
  public static final ProcessVariable<Boolean> PAYMENT_APPROVED = ProcessVariable.of("paymentApproved", Boolean.class);
  public static final ProcessVariable<String> PAYMENT_QUERY = ProcessVariable.of("paymentQuery", String.class);
  public static final ProcessVariable<String> PAYMENT_APPROVED_BY = ProcessVariable.of("paymentApprovedBy", String.class);

  public static final ProcessVariable<Double> LEDGER_AWARDED = ProcessVariable.of("ledgerAwarded", Double.class);
  public static final ProcessVariable<Double> LEDGER_COMMITTED = ProcessVariable.of("ledgerCommitted", Double.class);
  public static final ProcessVariable<Double> LEDGER_PAID = ProcessVariable.of("ledgerPaid", Double.class);
  public static final ProcessVariable<Double> LEDGER_REPORTED_SPENT = ProcessVariable.of("ledgerReportedSpent", Double.class);
  public static final ProcessVariable<Double> LEDGER_AVAILABLE = ProcessVariable.of("ledgerAvailable", Double.class);

  public static final ProcessVariable<String> RECOVERY_KEY = ProcessVariable.of("recoveryKey", String.class);
  public static final ProcessVariable<Boolean> RECOVERY_RECEIVED = ProcessVariable.of("recoveryReceived", Boolean.class);

  private PaymentProcess() {}
}
