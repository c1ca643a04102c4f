package org.citygrants.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Valid submissions of each Camunda Form, as a person would fill them in; tests change single fields. */
public final class FormData {

  private FormData() {}

  public static Map<String, Object> of(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  public static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
    Map<String, Object> map = new HashMap<>(base);
    map.putAll(of(keyValues));
    return map;
  }

  public static String inDays(int days) {
    return LocalDate.now().plusDays(days).toString();
  }

  public static Map<String, Object> application(String objectiveType) {
    return of("challenge", "Schoolyards overheat in summer and children cannot play outside.",
        "experimentArea", "Greening schoolyards with parents",
        "objectiveType", objectiveType,
        "requestedAmount", 40000,
        "procurementRoute", "simplified",
        "participationDepth", "co-design",
        "population", 520000,
        "cashFlowSituation", "tight");
  }

  public static Map<String, Object> award(int amount) {
    return of("sizingDecision", "award", "awardedAmount", amount, "preparationTime", "P3M", "programmeDuration", "P12M",
        "sizingReason", "");
  }

  /** The city accepts the award's terms (form accept-award). */
  public static Map<String, Object> acceptAward() {
    return of("awardResponse", "accept");
  }

  /** The city asks the officer a question before accepting. */
  public static Map<String, Object> awardQuestion(String question) {
    return of("awardResponse", "question", "awardQuestion", question);
  }

  /** The officer's answer (form answer-award-question); {@code resize} sends the grant back to sizing. */
  public static Map<String, Object> awardAnswer(String answer, boolean resize) {
    return of("awardQuestionAnswer", answer, "resizeAward", resize);
  }

  public static Map<String, Object> decline() {
    return of("sizingDecision", "decline", "declineReason", "The challenge is outside the programme's scope.");
  }

  public static Map<String, Object> methodOnboarding() {
    return of(); // the form asks nothing: completing it says the team followed the modules
  }

  public static Map<String, Object> planningCanvas() {
    return of("localActionPlanSummary", "Cooler schoolyards designed with parents and pupils.",
        "hypotheses", "We believe that parents will co-design. We will know we are right when 30 attend.",
        "plannedBudget", 15000); // within the smallest award (15,000)
  }

  public static Map<String, Object> internalAuthorisations() {
    return of("authorisationDate", inDays(-10), "authorisationReference", "Council decision DEL-2026-114");
  }

  public static Map<String, Object> procurementPlan() {
    return of("procurementRoute", "simplified", "procurementPlan", "Three quotes for plants and a landscape designer.",
        "procurementLeadTimeWeeks", 8, "estimatedProcurementCost", 20000);
  }

  public static Map<String, Object> procurementReview(boolean approved) {
    return of("procurementApproved", approved, "procurementFeedback", approved ? "" : "Add the designer's quote.");
  }

  public static Map<String, Object> readiness(boolean ready) {
    return of("criterionTeamInPlace", true, "criterionAuthorisationsObtained", true, "criterionProcurementReady", true,
        "criterionHypothesesTestable", ready, "criterionMeasuresDefined", ready, "readyToExperiment", ready,
        "readinessGuidance", ready ? "" : "Make the hypotheses testable.");
  }

  public static Map<String, Object> strengthenPreparation() {
    return of("hypotheses", "We believe that parents will co-design. We will know we are right when 30 attend.");
  }

  public static Map<String, Object> committee() {
    return of("committeeMembers", "Anne Martin; chair; Lyon council\nBruno Petit; finance; Lyon council\nChloe Roux; parent; school association");
  }

  public static Map<String, Object> conveneNow() {
    return of("conveneNow", true, "conveningNote", "");
  }

  public static Map<String, Object> conveneLater(String date) {
    return of("conveneNow", false, "nextConveningCheck", date, "conveningNote", "Wait for the council vote.");
  }

  public static Map<String, Object> committeeReview(String decision) {
    return of("committeeDecision", decision, "committeeFeedback", "Discussed the choice of schools.",
        "committeeMeetingDate", inDays(0));
  }

  public static Map<String, Object> afterCommitteeRejection(String decision) {
    return of("committeeRejectionDecision", decision, "committeeRejectionNote",
        "sendBack".equals(decision) ? "Choose activities the committee can stand behind; two schools are enough."
            : "The city's council withdrew its support for the experiment.");
  }

  public static Map<String, Object> reviseActivityPlan() {
    return of("localActionPlanSummary", "Cooler schoolyards designed with parents, two schools first.",
        "hypotheses", "We believe that parents will co-design. We will know we are right when 30 attend.",
        "revisionNote", "Reduced to two schools as the committee asked.");
  }

  public static Map<String, Object> experimentPlan(int budget, int weeks) {
    return of("experimentTitle", "Co-design workshops", "experimentType", "people",
        "beliefStatement", "We believe that parents will co-design. We will know we are right when 30 attend.",
        "successMeasure", "30 parents at two workshops", "experimentBudget", budget, "experimentDurationWeeks", weeks);
  }

  public static Map<String, Object> experimentPlanReview(boolean approved) {
    return of("experimentPlanApproved", approved, "experimentPlanFeedback", approved ? "" : "Lower the budget.");
  }

  public static Map<String, Object> checkIn() {
    return of("checkInNotes", "Two workshops held, 18 parents.", "experimentOnTrack", true);
  }

  public static Map<String, Object> experimentReport(int spent, boolean another) {
    return of("experimentResults", "34 parents came to two workshops.", "experimentLearnings", "Evening slots work best.",
        "hypotheses", "We believe that parents will co-design. We will know we are right when 30 attend.\n\n"
            + "We believe that evening workshops draw working parents. We will know we are right when half come after 6 pm.",
        "experimentSpent", spent, "planAnotherExperiment", another);
  }

  public static Map<String, Object> experimentOutcome(boolean accepted, String outcome, boolean win) {
    return of("experimentReportAccepted", accepted, "experimentReportFeedback", accepted ? "" : "Add the spending detail.",
        "experimentOutcome", outcome, "winFlagged", win, "winStory", win ? "34 parents co-designed two schoolyards." : "");
  }

  public static Map<String, Object> progressReport() {
    return of("progressSummary", "Workshops under way, first schoolyard drawn.", "learningLog", "Evening slots draw more parents.");
  }

  public static Map<String, Object> progressReview(boolean accepted) {
    return of("progressReportAccepted", accepted, "progressReportFeedback", accepted ? "" : "Add the learning log.");
  }

  public static Map<String, Object> transitionPlan() {
    return of("transitionOwner", "Lyon innovation team", "transitionBudgetLine", "Education department 2027",
        "nextExperiments", "Extend to ten schools.");
  }

  public static Map<String, Object> transitionReview(boolean accepted) {
    return of("transitionPlanAccepted", accepted, "transitionPlanFeedback", accepted ? "" : "Name an owner.");
  }

  public static Map<String, Object> finalReport(int otherExpenditure) {
    return of("finalSummary", "Two schoolyards co-designed; the approach continues.", "learningLog",
        "Co-design needs evening slots and a facilitator.", "otherExpenditure", otherExpenditure);
  }

  public static Map<String, Object> finalReview(boolean accepted) {
    return of("finalReportAccepted", accepted, "finalReportFeedback", accepted ? "" : "Add the committee costs.");
  }

  public static Map<String, Object> followUp() {
    return of("followUpWhatContinued", "Yes: ten schools now co-design their yards; two experiments since.");
  }

  public static Map<String, Object> requestPayment(double amount) {
    return of("paymentAmount", amount, "paymentNote", "");
  }

  public static Map<String, Object> approvePayment(boolean approved) {
    return of("paymentApproved", approved, "paymentQuery", approved ? "" : "Check the bank details.");
  }

  public static Map<String, Object> overrun(String decision, String newDate) {
    return of("overrunDecision", decision, "newPreparationDueDate", newDate, "overrunReason", "Council vote delayed.");
  }

  public static Map<String, Object> confirmRecovery() {
    return of("recoveryReceived", true, "recoveryReceivedDate", inDays(0), "recoveryNote", "Received on the programme account.");
  }

  public static Map<String, Object> overdueFollowUp() {
    return of("overdueContactNote", "Called the city team; the report comes next week.");
  }
}
