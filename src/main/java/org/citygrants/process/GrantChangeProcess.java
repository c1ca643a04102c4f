package org.citygrants.process;

/**
 * The {@code grant-change} process (bpmn/grant-change.bpmn): one change to a running grant, from
 * the request to its outcome. A city's budget move goes to its coach first; a request of the city
 * or its coach goes to a programme officer; an increase of the award to a second officer (four
 * eyes); then the change is applied, or refused, and the city team told.
 */
public final class GrantChangeProcess {

  public static final String PROCESS_ID = "grant-change";

  public static final class Elements {
    public static final String CHANGE_REQUESTED = "Event_ChangeRequested";
    public static final String AGREE_BUDGET_MOVE = "Task_AgreeBudgetMove";
    public static final String RECORD_COACH_ANSWER = "Task_RecordCoachAnswer";
    public static final String DECIDE_CHANGE = "Task_DecideChange";
    public static final String RECORD_CHANGE_DECISION = "Task_RecordChangeDecision";
    public static final String APPROVE_INCREASE = "Task_ApproveIncrease";
    public static final String RECORD_INCREASE_APPROVAL = "Task_RecordIncreaseApproval";
    public static final String APPLY_CHANGE = "Task_ApplyChange";
    public static final String REFUSE_CHANGE = "Task_RefuseChange";
    public static final String TELL_THE_CITY = "Task_TellTheCityOfTheChange";
    public static final String CHANGE_DECIDED = "Event_ChangeDecided";

    private Elements() {}
  }

  /** The change's row in table grant_change (grant.change.GrantChangeRegister). */
  public static final ProcessVariable<Long> CHANGE_ID = ProcessVariable.of("changeId", Long.class);
  /** amendment, budget-move or stop. */
  public static final ProcessVariable<String> CHANGE_KIND = ProcessVariable.of("changeKind", String.class);
  /** city, coach or officer: who asked decides the first step. */
  public static final ProcessVariable<String> REQUESTED_AS = ProcessVariable.of("requestedAs", String.class);
  /** Whether the change raises the award: a second officer approves it. */
  public static final ProcessVariable<Boolean> AWARD_INCREASE = ProcessVariable.of("awardIncrease", Boolean.class);
  /** What is asked, in words (each reader's language): the forms' summary. */
  public static final WordedVariable CHANGE_SUMMARY = WordedVariable.of("changeSummary");
  public static final ProcessVariable<String> CHANGE_REASON = ProcessVariable.of("changeReason", String.class);
  public static final ProcessVariable<String> REQUESTED_BY_NAME = ProcessVariable.of("requestedByName", String.class);

  public static final ProcessVariable<Boolean> COACH_AGREES = ProcessVariable.of("coachAgrees", Boolean.class);
  public static final ProcessVariable<String> COACH_NOTE = ProcessVariable.of("coachNote", String.class);
  public static final ProcessVariable<Boolean> CHANGE_ACCEPTED = ProcessVariable.of("changeAccepted", Boolean.class);
  public static final ProcessVariable<String> DECISION_NOTE = ProcessVariable.of("decisionNote", String.class);
  public static final ProcessVariable<Boolean> INCREASE_APPROVED = ProcessVariable.of("increaseApproved", Boolean.class);
  public static final ProcessVariable<String> APPROVAL_NOTE = ProcessVariable.of("approvalNote", String.class);
  /** Set by the refusal: what the city team is told. */
  public static final ProcessVariable<Boolean> CHANGE_APPLIED = ProcessVariable.of("changeApplied", Boolean.class);

  private GrantChangeProcess() {}
}
