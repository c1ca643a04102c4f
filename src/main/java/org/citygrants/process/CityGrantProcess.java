package org.citygrants.process;

import java.util.Date;
import java.util.List;

/**
 * The {@code city-grant} process (bpmn/city-grant.bpmn): its id, messages, errors, element ids
 * and typed variables. Variable names equal the Camunda Form field keys (forms/*.form).
 */
public final class CityGrantProcess {

  public static final String PROCESS_ID = "city-grant";
  public static final String MESSAGE_EARLY_STOP = "EarlyStopRequested";
  public static final String ERROR_GRANT_STOPPED = "GRANT_STOPPED";

  /** Element ids of the model, used by tests and the cohort view. */
  public static final class Elements {
    public static final String SUBMIT_APPLICATION = "Task_SubmitApplication";
    public static final String SIZE_GRANT = "Task_SizeGrant";
    public static final String ESTIMATE_ADVANCE = "Task_EstimateAdvance";
    public static final String SEND_AWARD_TERMS = "Task_SendAwardTerms";
    public static final String ACCEPT_AWARD = "Task_AcceptAward";
    public static final String ANSWER_AWARD_QUESTION = "Task_AnswerAwardQuestion";
    public static final String RECORD_AWARD_ACCEPTANCE = "Task_RecordAwardAcceptance";
    public static final String ASSIGN_COACH = "Task_AssignCoach";
    public static final String PREPARATION = "SubProcess_Preparation";
    public static final String COMPLETE_METHOD_ONBOARDING = "Task_CompleteMethodOnboarding";
    public static final String PLAN_EXPERIMENTATION = "Task_PlanExperimentation";
    public static final String OBTAIN_INTERNAL_AUTHORISATIONS = "Task_ObtainInternalAuthorisations";
    public static final String SUBMIT_PROCUREMENT_PLAN = "Task_SubmitProcurementPlan";
    public static final String REVIEW_PROCUREMENT_PLAN = "Task_ReviewProcurementPlan";
    public static final String PAY_ADVANCE = "CallActivity_PayAdvance";
    public static final String CONFIRM_READINESS = "Task_ConfirmReadiness";
    public static final String STRENGTHEN_PREPARATION = "Task_StrengthenPreparation";
    public static final String PREPARATION_REMINDER_DUE = "Event_PreparationReminderDue";
    public static final String REMIND_COACH_OF_DEADLINE = "Task_RemindCoachOfDeadline";
    public static final String PREPARATION_TIME_OVER = "Event_PreparationTimeOver";
    public static final String DECIDE_PREPARATION_OVERRUN = "Task_DecidePreparationOverrun";
    public static final String COMMITTEE = "SubProcess_InvestmentCommittee";
    public static final String FORM_INVESTMENT_COMMITTEE = "Task_FormInvestmentCommittee";
    public static final String DECIDE_COMMITTEE_CONVENING = "Task_DecideCommitteeConvening";
    public static final String CONVENING_CHECK_DUE = "Event_ConveningCheckDue";
    public static final String RECORD_COMMITTEE_REVIEW = "Task_RecordCommitteeReview";
    public static final String REVISE_ACTIVITY_PLAN = "Task_ReviseActivityPlan";
    public static final String EXPERIMENTATION = "SubProcess_Experimentation";
    public static final String PLAN_EXPERIMENT = "Task_PlanExperiment";
    public static final String DECIDE_AFTER_COMMITTEE_REJECTION = "Task_DecideAfterCommitteeRejection";
    public static final String COMMITTEE_REJECTED = "Event_CommitteeRejected";
    public static final String REVIEW_EXPERIMENT_PLAN = "Task_ReviewExperimentPlan";
    public static final String EXPERIMENT_MIDPOINT = "Event_ExperimentMidpoint";
    public static final String HOLD_MID_CYCLE_CHECK_IN = "Task_HoldMidCycleCheckIn";
    public static final String EXPERIMENT_ENDED = "Event_ExperimentEnded";
    public static final String REPORT_EXPERIMENT_RESULTS = "Task_ReportExperimentResults";
    public static final String DECIDE_EXPERIMENT_OUTCOME = "Task_DecideExperimentOutcome";
    public static final String GATEWAY_SPENT_ABOVE_BUDGET = "Gateway_SpentAboveBudget";
    public static final String DECIDE_EXCESS_SPENDING = "Task_DecideExcessSpending";
    public static final String RECORD_EXCESS_SPENDING_DECISION = "Task_RecordExcessSpendingDecision";
    public static final String SHARE_WIN = "Task_ShareWin";
    public static final String PAY_TRANCHE = "CallActivity_PayTranche";
    public static final String PROGRESS_REPORT_DUE = "Event_ProgressReportDue";
    public static final String SUBMIT_PROGRESS_REPORT = "Task_SubmitProgressReport";
    public static final String PROGRESS_REPORT_OVERDUE = "Event_ProgressReportOverdue";
    public static final String FOLLOW_UP_OVERDUE_REPORT = "Task_FollowUpOverdueReport";
    public static final String REVIEW_PROGRESS_REPORT = "Task_ReviewProgressReport";
    public static final String TRANSITION = "SubProcess_Transition";
    public static final String SUBMIT_TRANSITION_PLAN = "Task_SubmitTransitionPlan";
    public static final String REVIEW_TRANSITION_PLAN = "Task_ReviewTransitionPlan";
    public static final String SUBMIT_FINAL_REPORT = "Task_SubmitFinalReport";
    public static final String REVIEW_FINAL_REPORT = "Task_ReviewFinalReport";
    public static final String SETTLE_GRANT = "CallActivity_SettleGrant";
    public static final String FOLLOW_UP_DUE = "Event_FollowUpDue";
    public static final String REPORT_FOLLOW_UP = "Task_ReportFollowUp";
    public static final String NOTIFY_APPLICATION_DECLINED = "Task_NotifyApplicationDeclined";
    public static final String GRANT_COMPLETED = "Event_GrantCompleted";
    public static final String APPLICATION_DECLINED = "Event_ApplicationDeclined";
    public static final String GRANT_STOPPED_EARLY = "Event_GrantStoppedEarly";
    public static final String GRANT_CLOSED_AFTER_STOP = "Event_GrantClosedAfterStop";
    public static final String EARLY_STOP = "SubProcess_EarlyStop";
    public static final String STOPPED_BY_DECISION = "SubProcess_StoppedByDecision";
    public static final String GRANT_COACH_ACCESS = "Task_GrantCoachAccess";
    public static final String DETERMINE_ADVANCE_RATE = "Task_DetermineAdvanceRate";

    private Elements() {}
  }

  // identity of the grant
  public static final ProcessVariable<String> GRANT_REFERENCE = ProcessVariable.of("grantReference", String.class);
  public static final ProcessVariable<String> CITY_CODE = ProcessVariable.of("cityCode", String.class);
  public static final ProcessVariable<String> CITY_NAME = ProcessVariable.of("cityName", String.class);
  public static final ProcessVariable<String> APPLICANT = ProcessVariable.of("applicant", String.class);
  public static final ProcessVariable<String> PROGRAMME_NAME = ProcessVariable.of("programmeName", String.class);
  public static final ProcessVariable<String> PROGRAMME_INSTANCE_ID = ProcessVariable.of("programmeInstanceId", String.class);
  public static final ProcessVariable<Boolean> APPLICATION_COMPLETE = ProcessVariable.of("applicationComplete", Boolean.class);

  // application (form grant-application)
  public static final ProcessVariable<String> CHALLENGE = ProcessVariable.of("challenge", String.class);
  public static final ProcessVariable<String> EXPERIMENT_AREA = ProcessVariable.of("experimentArea", String.class);
  public static final ProcessVariable<String> OBJECTIVE_TYPE = ProcessVariable.of("objectiveType", String.class);
  /** The objective as the application form shows it ("Impact: measurable change"), for Tasklist's columns. */
  public static final WordedVariable OBJECTIVE_LABEL = WordedVariable.of("objectiveLabel");
  public static final ProcessVariable<Long> REQUESTED_AMOUNT = ProcessVariable.of("requestedAmount", Long.class);
  public static final ProcessVariable<String> PROCUREMENT_ROUTE = ProcessVariable.of("procurementRoute", String.class);
  public static final ProcessVariable<String> PARTICIPATION_DEPTH = ProcessVariable.of("participationDepth", String.class);
  public static final ProcessVariable<Long> POPULATION = ProcessVariable.of("population", Long.class);
  public static final ProcessVariable<String> CASH_FLOW_SITUATION = ProcessVariable.of("cashFlowSituation", String.class);

  // sizing (DMN grant-sizing, form size-grant)
  public static final ProcessVariable<Long> PROPOSED_AMOUNT_MIN = ProcessVariable.of("proposedAmountMin", Long.class);
  public static final ProcessVariable<Long> PROPOSED_AMOUNT_MAX = ProcessVariable.of("proposedAmountMax", Long.class);
  public static final ProcessVariable<String> PROPOSED_PREPARATION_TIME = ProcessVariable.of("proposedPreparationTime", String.class);
  public static final ProcessVariable<String> PROPOSED_PROGRAMME_DURATION = ProcessVariable.of("proposedProgrammeDuration", String.class);
  public static final ProcessVariable<String> SIZING_DECISION = ProcessVariable.of("sizingDecision", String.class);
  public static final ProcessVariable<Long> AWARDED_AMOUNT = ProcessVariable.of("awardedAmount", Long.class);
  public static final ProcessVariable<String> PREPARATION_TIME = ProcessVariable.of("preparationTime", String.class);
  public static final ProcessVariable<String> PROGRAMME_DURATION = ProcessVariable.of("programmeDuration", String.class);
  public static final ProcessVariable<String> SIZING_REASON = ProcessVariable.of("sizingReason", String.class);
  public static final ProcessVariable<String> DECLINE_REASON = ProcessVariable.of("declineReason", String.class);
  public static final ProcessVariable<String> SIZED_BY = ProcessVariable.of("sizedBy", String.class);
  public static final ProcessVariable<Date> PROGRAMME_END_DATE = ProcessVariable.of("programmeEndDate", Date.class);

  // award acceptance (forms accept-award, answer-award-question)
  /** The award terms in words (Markdown), as the city's acceptance form and the officer's answer form show them. */
  public static final ProcessVariable<String> AWARD_TERMS = ProcessVariable.of("awardTerms", String.class);
  /** How many times the terms were sent (a re-sizing sends them again): part of the notice's key. */
  public static final ProcessVariable<Long> AWARD_TERMS_SENT = ProcessVariable.of("awardTermsSent", Long.class);
  /** The city's answer: {@code accept} or {@code question}. */
  public static final ProcessVariable<String> AWARD_RESPONSE = ProcessVariable.of("awardResponse", String.class);
  public static final ProcessVariable<String> AWARD_QUESTION = ProcessVariable.of("awardQuestion", String.class);
  /** The question the officer last answered (the acceptance form shows it with the answer). */
  public static final ProcessVariable<String> LAST_AWARD_QUESTION = ProcessVariable.of("lastAwardQuestion", String.class);
  public static final ProcessVariable<String> AWARD_QUESTION_ANSWER = ProcessVariable.of("awardQuestionAnswer", String.class);
  /** The officer sizes the grant again after the city's question. */
  public static final ProcessVariable<Boolean> RESIZE_AWARD = ProcessVariable.of("resizeAward", Boolean.class);
  /** When the city accepted (the acceptance itself is in table award_acceptance): preparation time counts from it. */
  public static final ProcessVariable<Date> AWARD_ACCEPTED_AT = ProcessVariable.of("awardAcceptedAt", Date.class);

  // coach
  public static final ProcessVariable<String> COACH = ProcessVariable.of("coach", String.class);
  /** The coach's first and last name, what forms show; {@link #COACH} (the user id) is what the process uses. */
  public static final ProcessVariable<String> COACH_NAME = ProcessVariable.of("coachName", String.class);
  public static final ProcessVariable<List> COACH_OPTIONS = ProcessVariable.of("coachOptions", List.class);

  // preparation
  public static final ProcessVariable<Date> PREPARATION_DUE_DATE = ProcessVariable.of("preparationDueDate", Date.class);
  public static final ProcessVariable<String> PREPARATION_DEADLINE = ProcessVariable.of("preparationDeadline", String.class);
  public static final ProcessVariable<Date> PREPARATION_REMINDER_DATE = ProcessVariable.of("preparationReminderDate", Date.class);
  public static final ProcessVariable<Boolean> PROCUREMENT_APPROVED = ProcessVariable.of("procurementApproved", Boolean.class);
  public static final ProcessVariable<Long> ADVANCE_RATE_PERCENT = ProcessVariable.of("advanceRatePercent", Long.class);
  public static final ProcessVariable<Double> ADVANCE_AMOUNT = ProcessVariable.of("advanceAmount", Double.class);
  public static final ProcessVariable<Boolean> READY_TO_EXPERIMENT = ProcessVariable.of("readyToExperiment", Boolean.class);
  public static final ProcessVariable<String> OVERRUN_DECISION = ProcessVariable.of("overrunDecision", String.class);
  public static final ProcessVariable<String> NEW_PREPARATION_DUE_DATE = ProcessVariable.of("newPreparationDueDate", String.class);
  public static final ProcessVariable<String> OVERRUN_REASON = ProcessVariable.of("overrunReason", String.class);
  public static final ProcessVariable<Boolean> PREPARATION_LATE = ProcessVariable.of("preparationLate", Boolean.class);
  public static final ProcessVariable<Long> PREPARATION_EXTENSIONS = ProcessVariable.of("preparationExtensions", Long.class);

  // planning canvas (form planning-canvas; updated in strengthen-preparation, revise-activity-plan, report-experiment)
  public static final ProcessVariable<String> LOCAL_ACTION_PLAN_SUMMARY = ProcessVariable.of("localActionPlanSummary", String.class);
  /** One belief statement per paragraph; each experiment tests one of them. */
  public static final ProcessVariable<String> HYPOTHESES = ProcessVariable.of("hypotheses", String.class);
  /** The hypotheses as choices ({@code label}, {@code value}) for the experiment plan's belief statement. */
  public static final ProcessVariable<List> HYPOTHESIS_OPTIONS = ProcessVariable.of("hypothesisOptions", List.class);

  // committee
  public static final ProcessVariable<String> COMMITTEE_MEMBERS = ProcessVariable.of("committeeMembers", String.class);
  /** The first member the city lists; set by the process, never asked. */
  public static final ProcessVariable<String> COMMITTEE_CHAIR = ProcessVariable.of("committeeChair", String.class);
  public static final ProcessVariable<Boolean> CONVENE_NOW = ProcessVariable.of("conveneNow", Boolean.class);
  public static final ProcessVariable<String> NEXT_CONVENING_CHECK = ProcessVariable.of("nextConveningCheck", String.class);
  public static final ProcessVariable<Date> NEXT_CONVENING_CHECK_DATE = ProcessVariable.of("nextConveningCheckDate", Date.class);
  public static final ProcessVariable<String> COMMITTEE_DECISION = ProcessVariable.of("committeeDecision", String.class);
  /** A programme officer's decision after the committee rejected the activities: {@code sendBack} or {@code stop}. */
  public static final ProcessVariable<String> COMMITTEE_REJECTION_DECISION =
      ProcessVariable.of("committeeRejectionDecision", String.class);
  /** The officer's note to the city with that decision; cleared at the committee's next review. */
  public static final ProcessVariable<String> COMMITTEE_REJECTION_NOTE = ProcessVariable.of("committeeRejectionNote", String.class);

  // experiments
  public static final ProcessVariable<Long> EXPERIMENT_NUMBER = ProcessVariable.of("experimentNumber", Long.class);
  public static final ProcessVariable<String> EXPERIMENT_TITLE = ProcessVariable.of("experimentTitle", String.class);
  public static final ProcessVariable<String> EXPERIMENT_TYPE = ProcessVariable.of("experimentType", String.class);
  /** The hypothesis of the canvas the experiment tests, chosen from {@link #HYPOTHESIS_OPTIONS}. */
  public static final ProcessVariable<String> BELIEF_STATEMENT = ProcessVariable.of("beliefStatement", String.class);
  public static final ProcessVariable<String> SUCCESS_MEASURE = ProcessVariable.of("successMeasure", String.class);
  public static final ProcessVariable<Long> EXPERIMENT_BUDGET = ProcessVariable.of("experimentBudget", Long.class);
  /** A learning activity planned with the experiment (training, a study visit), from the learning activities line. */
  public static final ProcessVariable<Long> LEARNING_ACTIVITY_BUDGET = ProcessVariable.of("learningActivityBudget", Long.class);
  public static final ProcessVariable<String> LEARNING_ACTIVITY_PLAN = ProcessVariable.of("learningActivityPlan", String.class);
  /** In words, for the coach and the officer: "reported 9,000.00 EUR, 3,000.00 above the 6,000.00 committed"; empty within the budget. */
  public static final WordedVariable SPENDING_FLAG = WordedVariable.of("spendingFlag");
  /** The grant's budget lines in words as the city plans an experiment (what each is for, what is left). */
  public static final WordedVariable BUDGET_LINES_TEXT = WordedVariable.of("budgetLinesText");
  /** Whether the accepted report left spending above the commitment for an officer to decide on. */
  public static final ProcessVariable<Boolean> SPENT_ABOVE_BUDGET = ProcessVariable.of("spentAboveBudget", Boolean.class);
  /** The officer's decision on spending above the commitment: {@code approve} or {@code refuse}. */
  public static final ProcessVariable<String> EXCESS_SPENDING_DECISION =
      ProcessVariable.of("excessSpendingDecision", String.class);
  /** Why, in the officer's words: recorded with the decision in the ledger. */
  public static final ProcessVariable<String> EXCESS_SPENDING_REASON =
      ProcessVariable.of("excessSpendingReason", String.class);
  public static final ProcessVariable<Long> EXPERIMENT_DURATION_WEEKS = ProcessVariable.of("experimentDurationWeeks", Long.class);
  public static final ProcessVariable<Boolean> EXPERIMENT_PLAN_APPROVED = ProcessVariable.of("experimentPlanApproved", Boolean.class);
  public static final ProcessVariable<Date> EXPERIMENT_MIDPOINT_DATE = ProcessVariable.of("experimentMidpointDate", Date.class);
  public static final ProcessVariable<Date> EXPERIMENT_END_DATE = ProcessVariable.of("experimentEndDate", Date.class);
  public static final ProcessVariable<String> EXPERIMENT_RESULTS = ProcessVariable.of("experimentResults", String.class);
  public static final ProcessVariable<String> EXPERIMENT_LEARNINGS = ProcessVariable.of("experimentLearnings", String.class);
  public static final ProcessVariable<Long> EXPERIMENT_SPENT = ProcessVariable.of("experimentSpent", Long.class);
  public static final ProcessVariable<Boolean> PLAN_ANOTHER_EXPERIMENT = ProcessVariable.of("planAnotherExperiment", Boolean.class);
  public static final ProcessVariable<Boolean> EXPERIMENT_REPORT_ACCEPTED = ProcessVariable.of("experimentReportAccepted", Boolean.class);
  /** The coach's feedback on the experiment report (a local variable of the review task, copied out). */
  public static final ProcessVariable<String> EXPERIMENT_REPORT_FEEDBACK = ProcessVariable.of("experimentReportFeedback", String.class);
  /**
   * The city's choice, on its experiment report, to share its learnings with the other cities of the
   * cohort; used once the coach accepts the report, then cleared for the next experiment.
   */
  public static final ProcessVariable<Boolean> SHARE_LEARNINGS = ProcessVariable.of("shareLearnings", Boolean.class);
  public static final ProcessVariable<String> EXPERIMENT_OUTCOME = ProcessVariable.of("experimentOutcome", String.class);
  public static final ProcessVariable<String> LAST_EXPERIMENT_OUTCOME = ProcessVariable.of("lastExperimentOutcome", String.class);
  public static final ProcessVariable<Boolean> WIN_FLAGGED = ProcessVariable.of("winFlagged", Boolean.class);
  public static final ProcessVariable<String> WIN_STORY = ProcessVariable.of("winStory", String.class);
  public static final ProcessVariable<Double> TRANCHE_AMOUNT = ProcessVariable.of("trancheAmount", Double.class);
  public static final ProcessVariable<String> TRANCHE_MILESTONE = ProcessVariable.of("trancheMilestone", String.class);
  public static final ProcessVariable<Boolean> ANOTHER_EXPERIMENT = ProcessVariable.of("anotherExperiment", Boolean.class);
  public static final ProcessVariable<Double> AVAILABLE_CAPITAL = ProcessVariable.of("availableCapital", Double.class);

  // reporting and transition
  public static final ProcessVariable<Boolean> PROGRESS_REPORT_ACCEPTED = ProcessVariable.of("progressReportAccepted", Boolean.class);
  public static final ProcessVariable<String> PROGRESS_REPORT_FEEDBACK = ProcessVariable.of("progressReportFeedback", String.class);
  public static final ProcessVariable<Boolean> TRANSITION_PLAN_ACCEPTED = ProcessVariable.of("transitionPlanAccepted", Boolean.class);
  public static final ProcessVariable<Boolean> FINAL_REPORT_ACCEPTED = ProcessVariable.of("finalReportAccepted", Boolean.class);
  public static final ProcessVariable<String> FINAL_REPORT_FEEDBACK = ProcessVariable.of("finalReportFeedback", String.class);
  public static final ProcessVariable<Long> OTHER_EXPENDITURE = ProcessVariable.of("otherExpenditure", Long.class);
  public static final ProcessVariable<String> TRANSITION_OWNER = ProcessVariable.of("transitionOwner", String.class);
  public static final ProcessVariable<String> NEXT_EXPERIMENTS = ProcessVariable.of("nextExperiments", String.class);
  /** The city's answer at the follow-up check; exported by {@code /api/programme/follow-ups}. */
  public static final ProcessVariable<String> FOLLOW_UP_WHAT_CONTINUED = ProcessVariable.of("followUpWhatContinued", String.class);

  // early stop and settlement
  public static final ProcessVariable<String> EARLY_STOP_REASON = ProcessVariable.of("earlyStopReason", String.class);
  public static final ProcessVariable<String> STOPPED_BY = ProcessVariable.of("stoppedBy", String.class);
  /** Why the grant is settled (the early stop's reason, a stopping decision, completion): the ledger journal records it. */
  public static final ProcessVariable<String> SETTLEMENT_REASON = ProcessVariable.of("settlementReason", String.class);
  public static final ProcessVariable<String> SETTLEMENT_OUTCOME = ProcessVariable.of("settlementOutcome", String.class);
  public static final ProcessVariable<Double> SETTLEMENT_AMOUNT = ProcessVariable.of("settlementAmount", Double.class);

  private CityGrantProcess() {}
}
