package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.citygrants.experiment.ExperimentLog;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.PaymentProcess;
import org.citygrants.rest.EngineAnswers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Experiment cycles: plan, review and commit, run, report, decide, share wins, pay tranches, loop. */
class ExperimentCyclePathsTest extends GrantPathTest {

  @Autowired ExperimentLog experiments;
  @Autowired EngineAnswers engineAnswers;
  @Autowired FormService formService;

  @Test
  void aPlanNotApprovedIsPlannedAgainWithTheFeedbackAndNothingIsCommitted() {
    String grant = grantWithApprovedActivities();
    assertThat(journey.variable(grant, "availableCapital")).isEqualTo(28000.0);

    journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan(25000, 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(false));

    assertThat(journey.openTaskKeys(grant)).containsExactly(PLAN_EXPERIMENT);
    assertThat(journey.variable(grant, "experimentPlanFeedback")).isEqualTo("Lower the budget.");
    assertThat(ledger.statement(grant).committed()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(experimentsOf(grant)).isEmpty();

    journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan(15000, 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));

    assertThat(ledger.statement(grant).committed()).isEqualByComparingTo(new BigDecimal("15000"));
    assertThat(journey.variable(grant, "experimentNumber")).isEqualTo(1L);
    assertThat(journey.hasTimer(grant, EXPERIMENT_MIDPOINT)).isTrue();
    assertThat(experimentsOf(grant)).extracting(ExperimentLog.Experiment::number, ExperimentLog.Experiment::budget)
        .containsExactly(tuple(1, new BigDecimal("15000.00")));
  }

  @Test
  void aBudgetAboveWhatTheBudgetLineHasLeftIsRefusedWhenTheCityPlansIt() {
    String grant = grantWithApprovedActivities();
    // the plan's form tells the city its budget lines, what each is for and what is left, in its language
    assertThat((String) journey.variable(grant, "budgetLinesText")).contains(
        "**Experiments:** 28,000.00 EUR, 28,000.00 EUR left, for what your experiments cost",
        "An experiment's budget comes from the experiments line only; a learning activity planned with it");
    assertThat(((String) journey.variable(grant, "budgetLinesText_fr")).replaceAll("[\u202f\u00a0]", " "))
        .contains("**Expérimentations :** 28 000,00 EUR, dont 28 000,00 EUR restant, pour ce que coûtent vos expérimentations");

    InputRejectedException refused = refusal(() ->
        journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan(30000, 8)));

    assertThat(refused.getField()).isEqualTo("experimentBudget");
    assertThat(refused.getMessage()).isEqualTo("The experiment's budget must be at most 28,000.00 EUR, what the grant's"
        + " experiments budget line has left (the award is 40,000.00 EUR).");
    assertThat(journey.openTaskKeys(grant)).containsExactly(PLAN_EXPERIMENT);
    assertThat(ledger.statement(grant).committed()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(experimentsOf(grant)).isEmpty();

    // the city plans within the capital left; the ledger checks again when the coach approves
    journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan(28000, 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));
    assertThat(ledger.statement(grant).committed()).isEqualByComparingTo(new BigDecimal("28000"));
  }

  @Test
  void aLearningActivityPlannedWithTheExperimentIsCommittedOnTheLearningLine() {
    String grant = grantWithApprovedActivities();
    java.util.Map<String, Object> plan = new java.util.HashMap<>(experimentPlan(10000, 8));
    plan.put("learningActivityBudget", 2000);
    assertThat(refusal(() -> journey.complete(grant, PLAN_EXPERIMENT, CITY, plan)).getField())
        .as("a budget without words").isEqualTo("learningActivityPlan");
    plan.put("learningActivityPlan", "A study visit to Kigali's city lab for two officials.");
    plan.put("learningActivityBudget", 7000); // the learning line has 6,000
    InputRejectedException above = refusal(() -> journey.complete(grant, PLAN_EXPERIMENT, CITY, plan));
    assertThat(above.getField()).isEqualTo("learningActivityBudget");
    assertThat(above.getMessage()).startsWith("The learning activity is above what the learning activities line has left: 6,000.00 EUR.");
    assertThat(ledger.statement(grant).committed()).isEqualByComparingTo(BigDecimal.ZERO);

    plan.put("learningActivityBudget", 2000);
    journey.complete(grant, PLAN_EXPERIMENT, CITY, plan);
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));
    var statement = ledger.statement(grant);
    assertThat(statement.committed()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(statement.budgetLines()).filteredOn(l -> l.line() == org.citygrants.ledger.BudgetLine.LEARNING_ACTIVITIES)
        .singleElement().satisfies(l -> assertThat(l.committed()).isEqualByComparingTo(new BigDecimal("2000")));
    assertThat(statement.imbalances()).isEmpty();
    assertThat(journey.variable(grant, "learningActivityBudget")).as("the next plan starts without it").isNull();
  }

  @Test
  void spendingAboveTheCommittedBudgetIsFlaggedAndPaidOnlyOnceAnOfficerApprovesItWithAReason() {
    String grant = grantWithApprovedActivities();
    planApproveAndRun(grant, 6000);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(9000, false));

    assertThat(journey.variable(grant, "spendingFlag")).as("on the coach's form")
        .isEqualTo("reported 9,000.00 EUR, 3,000.00 above the 6,000.00 committed");
    // a French coach (coach1 in the demo) reads the form's variables as Tasklist gets them: in French
    JsonNode coachsForm = asReaderOf(EngineAnswers.Kind.FORM_VARIABLES,
        VariableValueDto.fromMap(formService.getTaskFormVariables(journey.task(grant, DECIDE_EXPERIMENT_OUTCOME).getId(),
            null, false)), Locale.FRENCH);
    assertThat(coachsForm.path("spendingFlag").path("value").asText())
        .isEqualTo("déclaré 9\u202f000,00 EUR, soit 3\u202f000,00 de plus que les 6\u202f000,00 engagés");
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(true, "stop", false));

    assertThat(journey.openTaskKeys(grant)).containsExactly("Task_DecideExcessSpending");
    // the officer's task names the flag in its description: in French for a French reader, as written for an English one
    org.camunda.bpm.engine.task.Task decision = journey.task(grant, "Task_DecideExcessSpending");
    assertThat(decision.getDescription()).contains("reported 9,000.00 EUR, 3,000.00 above the 6,000.00 committed");
    JsonNode frenchTask = asReaderOf(EngineAnswers.Kind.TASKS, TaskDto.fromEntity(decision), Locale.FRENCH);
    assertThat(frenchTask.path("description").asText())
        .startsWith("Dépenses au-delà du budget engagé\u00a0: déclaré 9\u202f000,00 EUR, soit 3\u202f000,00 de plus que les"
            + " 6\u202f000,00 engagés.");
    assertThat(ledger.statement(grant).reportedSpent()).as("the committed part only").isEqualByComparingTo("6000");
    InputRejectedException noReason = refusal(() -> journey.complete(grant, "Task_DecideExcessSpending", "officer",
        Map.of("excessSpendingDecision", "approve", "excessSpendingReason", "")));
    assertThat(noReason.getField()).isEqualTo("excessSpendingReason");

    journey.complete(grant, "Task_DecideExcessSpending", "officer", Map.of("excessSpendingDecision", "approve",
        "excessSpendingReason", "Sensor prices rose by half; the committee agreed."));

    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.reportedSpent()).isEqualByComparingTo("9000");
    assertThat(statement.movements()).filteredOn(m -> m.referenceKey().equals(grant + ":experiment-1-excess"))
        .singleElement().satisfies(m -> {
          assertThat(m.actor()).isEqualTo("officer");
          assertThat(m.reason()).isEqualTo("Sensor prices rose by half; the committee agreed.");
        });
    assertThat(runtimeVariableOfPayment(grant)).as("the tranche may pay the approved excess").isEqualTo(9000.0);
  }

  @Test
  void aRefusedExcessIsNeverPaidAndFinanceCannotPayItAnyway() {
    String grant = grantWithApprovedActivities();
    planApproveAndRun(grant, 6000);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(9000, false));
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(true, "stop", false));
    journey.complete(grant, "Task_DecideExcessSpending", "officer", Map.of("excessSpendingDecision", "refuse",
        "excessSpendingReason", "Not agreed beforehand; the city bears it."));

    assertThat(runtimeVariableOfPayment(grant)).isEqualTo(6000.0);
    InputRejectedException refused = refusal(() ->
        journey.complete(grant, PaymentProcess.Elements.REQUEST_PAYMENT, FINANCE_REQUESTER, requestPayment(9000)));
    assertThat(refused.getField()).isEqualTo("paymentAmount");
    assertThat(refused.getMessage()).contains("A tranche of 9,000.00 EUR is more than what was committed",
        "at most 6,000.00 EUR");
    assertThat(ledger.statement(grant).payments()).extracting(p -> p.milestone()).containsExactly("advance");
  }

  @Test
  void aReportNotAcceptedIsReportedAgainBeforeAnySpendingCounts() {
    String grant = grantWithApprovedActivities();
    planApproveAndRun(grant, 20000);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(20000, false));

    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(false, "persevere", false));

    assertThat(journey.openTaskKeys(grant)).containsExactly(REPORT_EXPERIMENT_RESULTS);
    assertThat(journey.variable(grant, "experimentReportFeedback")).isEqualTo("Add the spending detail.");
    assertThat(ledger.statement(grant).reportedSpent()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(experimentsOf(grant)).extracting(ExperimentLog.Experiment::outcome).containsOnlyNulls();

    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, with(experimentReport(19500, false),
        "experimentResults", "34 parents came to two workshops; receipts attached."));
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(true, "persevere", false));

    assertThat(ledger.statement(grant).reportedSpent()).isEqualByComparingTo(new BigDecimal("19500"));
    assertThat(runtimeVariableOfPayment(grant)).as("the tranche restores the city's float").isEqualTo(19500.0);
  }

  @Test
  void cyclesRepeatWhileTheCityPlansAnotherAndEachOutcomeIsRecorded() {
    String grant = grantWithApprovedActivities();

    runExperiment(grant, 10000, 10000, true, "persevere", false);
    assertThat(journey.variable(grant, "anotherExperiment")).isEqualTo(true);
    assertThat(journey.openTaskKeys(grant)).contains(PLAN_EXPERIMENT);
    assertThat(journey.variable(grant, "lastExperimentOutcome")).isEqualTo("persevere");
    assertThat(journey.variable(grant, "availableCapital")).isEqualTo(18000.0);
    assertThat((List<Object>) journey.variable(grant, "hypothesisOptions"))
        .as("the next plan picks from the hypotheses as the city updated them in its report")
        .extracting(option -> (Object) ((Map<?, ?>) option).get("value"))
        .containsExactly("We believe that parents will co-design. We will know we are right when 30 attend.",
            "We believe that evening workshops draw working parents. We will know we are right when half come after 6 pm.");

    runExperiment(grant, 10000, 9000, true, "pivot", false);
    assertThat(journey.variable(grant, "lastExperimentOutcome")).isEqualTo("pivot");
    runExperiment(grant, 8000, 8000, false, "stop", false);

    assertThat(journey.variable(grant, "anotherExperiment")).isEqualTo(false);
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_TRANSITION_PLAN);
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_DUE)).isFalse();
    assertThat(experimentsOf(grant)).extracting(ExperimentLog.Experiment::number, ExperimentLog.Experiment::budget,
            ExperimentLog.Experiment::spent, ExperimentLog.Experiment::outcome, ExperimentLog.Experiment::winFlagged)
        .containsExactly(
            tuple(1, new BigDecimal("10000.00"), new BigDecimal("10000.00"), "persevere", false),
            tuple(2, new BigDecimal("10000.00"), new BigDecimal("9000.00"), "pivot", false),
            tuple(3, new BigDecimal("8000.00"), new BigDecimal("8000.00"), "stop", false));
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.payments()).extracting(p -> p.milestone(), p -> p.kind(), p -> p.amount())
        .containsExactlyInAnyOrder(
            tuple("advance", PaymentKind.ADVANCE, new BigDecimal("12000.00")),
            tuple("tranche-1", PaymentKind.TRANCHE, new BigDecimal("10000.00")),
            tuple("tranche-2", PaymentKind.TRANCHE, new BigDecimal("9000.00")),
            tuple("tranche-3", PaymentKind.TRANCHE, new BigDecimal("8000.00")));
    assertThat(statement.reportedSpent()).isEqualByComparingTo(new BigDecimal("27000"));
    assertThat(statement.cityFloat()).as("the advance stays with the city").isEqualByComparingTo(new BigDecimal("12000"));
  }

  @Test
  void noTrancheIsDueWhenTheCityStillHoldsMoreThanItsAdvance() {
    String grant = grantWithApprovedActivities();
    planApproveAndRun(grant, 10000);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(6000, true));
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(true, "persevere", false));
    assertThat(runtimeVariableOfPayment(grant)).isEqualTo(6000.0);
    // finance pays the whole experiment budget, more than the 6,000 proposed
    journey.complete(grant, PaymentProcess.Elements.REQUEST_PAYMENT, FINANCE_REQUESTER, requestPayment(10000));
    journey.complete(grant, PaymentProcess.Elements.APPROVE_PAYMENT, FINANCE_APPROVER, approvePayment(true));

    // 4,000 spent in the second cycle is covered by the 4,000 paid beyond the first one's spending
    runExperiment(grant, 4000, 4000, false, "persevere", false);

    assertThat(journey.variable(grant, "trancheAmount")).isEqualTo(0.0);
    assertThat(ledger.statement(grant).payments()).extracting(p -> p.milestone())
        .containsExactlyInAnyOrder("advance", "tranche-1");
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_TRANSITION_PLAN);
    assertThat(ledger.statement(grant).cityFloat()).isEqualByComparingTo(new BigDecimal("12000"));
  }

  @Test
  void anExperimentThatCostNothingIsAcceptedAndNoTrancheIsDue() {
    String grant = grantWithApprovedActivities();
    planApproveAndRun(grant, 5000);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(0, false));

    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(true, "stop", false));

    assertThat(journey.variable(grant, "trancheAmount")).isEqualTo(0.0);
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_TRANSITION_PLAN);
    assertThat(experimentsOf(grant)).extracting(ExperimentLog.Experiment::spent, ExperimentLog.Experiment::outcome)
        .containsExactly(tuple(new BigDecimal("0.00"), "stop"));
    assertThat(ledger.statement(grant).reportedSpent()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void theUnspentBudgetOfAFinishedExperimentCanBePlannedAgain() {
    String grant = grantWithApprovedActivities();
    runExperiment(grant, 28000, 5000, true, "pivot", false);
    assertThat(journey.openTaskKeys(grant)).contains(PLAN_EXPERIMENT);
    double available = (Double) journey.variable(grant, "availableCapital");
    assertThat(available).isPositive();

    journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan((int) Math.min(available, 10000), 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));

    assertThat(journey.variable(grant, "experimentNumber")).isEqualTo(2L);
    assertThat(journey.hasTimer(grant, EXPERIMENT_MIDPOINT)).isTrue();
  }

  @Test
  void aFlaggedWinIsSharedWithTheCohort() {
    String grant = grantWithApprovedActivities();

    runExperiment(grant, 20000, 20000, false, "persevere", true);

    assertThat(passed(grant, SHARE_WIN)).isTrue();
    List<Map<String, Object>> wins = jdbc.sql("SELECT * FROM cohort_win WHERE grant_reference = ?").param(grant)
        .query().listOfRows();
    assertThat(wins).hasSize(1);
    Map<String, Object> win = lowerCaseKeys(wins.get(0));
    assertThat(win).containsEntry("win_key", grant + ":experiment-1")
        .containsEntry("city_name", "Lyon")
        .containsEntry("story", "34 parents co-designed two schoolyards.")
        .containsEntry("flagged_by", COACH);
    assertThat(win.get("programme_instance_id")).isNull();
    assertThat(experimentsOf(grant)).extracting(ExperimentLog.Experiment::winFlagged).containsExactly(true);
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_TRANSITION_PLAN);
  }

  @Test
  void aWinWithoutAStoryIsRefused() {
    String grant = grantWithApprovedActivities();
    planApproveAndRun(grant, 20000);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(20000, false));

    InputRejectedException refused = refusal(() -> journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, COACH,
        with(experimentOutcome(true, "persevere", true), "winStory", "")));

    assertThat(refused.getField()).isEqualTo("winStory");
    assertThat(journey.openTaskKeys(grant)).containsExactly(DECIDE_EXPERIMENT_OUTCOME);
    assertThat(ledger.statement(grant).reportedSpent()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cohort_win WHERE grant_reference = ?").param(grant)
        .query(Integer.class).single()).isZero();
  }

  private void planApproveAndRun(String grant, int budget) {
    journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan(budget, 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));
    journey.fireTimer(grant, EXPERIMENT_MIDPOINT);
    journey.complete(grant, HOLD_MID_CYCLE_CHECK_IN, COACH, checkIn());
    journey.fireTimer(grant, EXPERIMENT_ENDED);
    assertThat(journey.openTaskKeys(grant)).contains(REPORT_EXPERIMENT_RESULTS);
  }

  private List<ExperimentLog.Experiment> experimentsOf(String grant) {
    return experiments.all().stream().filter(e -> e.grantReference().equals(grant)).toList();
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    Map<String, Object> map = new HashMap<>();
    row.forEach((k, v) -> map.put(k.toLowerCase(Locale.ROOT), v));
    return map;
  }

  /** An engine REST answer as the reader of a language gets it from the API (rest.TranslatedEngineAnswersFilter). */
  private JsonNode asReaderOf(EngineAnswers.Kind kind, Object answer, Locale language) {
    try {
      ObjectMapper json = new ObjectMapper();
      return json.readTree(engineAnswers.translate(kind, json.writeValueAsBytes(answer), language));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
