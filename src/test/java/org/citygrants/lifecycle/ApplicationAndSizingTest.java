package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.GrantAccount;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.process.InputRejectedException;
import org.citygrants.validation.FormInputValidator;
import org.citygrants.validation.FormSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Application, sizing (DMN band, officer's decision) and decline. */
class ApplicationAndSizingTest extends GrantPathTest {

  @Autowired RuntimeService runtimeService;
  @Autowired GrantRegister register;
  @Autowired FormInputValidator forms;

  @Test
  void aDeclinedApplicationEndsAndTheCityIsToldWhy() {
    String grant = journey.apply(CITY, application("learning"));

    journey.complete(grant, SIZE_GRANT, OFFICER, decline());

    assertThat(journey.endedAt(grant, APPLICATION_DECLINED)).isTrue();
    assertThat(passed(grant, NOTIFY_APPLICATION_DECLINED)).isTrue();
    assertThat(notificationsTo(grant, CITY)).containsExactly("Your application " + grant + " was not funded");
    String body = jdbc.sql("SELECT body FROM notification WHERE grant_reference = ? AND recipient = ?")
        .params(grant, CITY).query(String.class).single();
    assertThat(body).contains("The challenge is outside the programme's scope.");
    assertThat(historicVariable(grant, "sizedBy")).isEqualTo(OFFICER);
    assertThatThrownBy(() -> ledger.statement(grant)).as("no capital is opened for a declined grant")
        .isInstanceOf(UnknownLedgerKeyException.class);
  }

  @Test
  void aDeclineWithoutReasonIsRefusedAndTheSizingTaskStaysOpen() {
    String grant = journey.apply(CITY, application("learning"));

    InputRejectedException refused = refusal(() -> journey.complete(grant, SIZE_GRANT, OFFICER,
        with(decline(), "declineReason", "")));

    assertThat(refused.getField()).isEqualTo("declineReason");
    assertThat(refused.getMessage()).isEqualTo("'Reason for declining' is required.");
    assertThat(journey.openTaskKeys(grant)).containsExactly(SIZE_GRANT);
    assertThat(notificationsTo(grant, CITY)).isEmpty();
  }

  @Test
  void theSizingRulesProposeABandAndAnAwardOutsideItNeedsAReason() {
    String grant = journey.apply(CITY, application("learning"));
    // simplified procurement, co-design, 520,000 inhabitants: rule 3 of grant-sizing
    assertThat(journey.variable(grant, "proposedAmountMin")).isEqualTo(30000L);
    assertThat(journey.variable(grant, "proposedAmountMax")).isEqualTo(50000L);
    assertThat(journey.variable(grant, "proposedPreparationTime")).isEqualTo("P4M");
    assertThat(journey.variable(grant, "proposedProgrammeDuration")).isEqualTo("P15M");

    InputRejectedException refused = refusal(() -> journey.complete(grant, SIZE_GRANT, OFFICER, award(25000)));
    assertThat(refused.getField()).isEqualTo("sizingReason");
    assertThat(refused.getMessage()).contains("band of 30,000 to 50,000 EUR", "'Reason for the amount'");
    assertThat(journey.openTaskKeys(grant)).containsExactly(SIZE_GRANT);
    assertThatThrownBy(() -> ledger.statement(grant)).isInstanceOf(UnknownLedgerKeyException.class);

    journey.complete(grant, SIZE_GRANT, OFFICER,
        with(award(25000), "sizingReason", "Small pilot in two schools first."));

    assertThat(journey.openTaskKeys(grant)).containsExactly(ACCEPT_AWARD);
    assertThat(journey.variable(grant, "awardedAmount")).isEqualTo(25000);
    assertThat(journey.variable(grant, "sizedBy")).isEqualTo(OFFICER);
    assertThat(journey.variable(grant, "preparationTime")).isEqualTo("P3M");
    assertThatThrownBy(() -> ledger.statement(grant)).as("the capital opens when the city accepts")
        .isInstanceOf(UnknownLedgerKeyException.class);
    journey.acceptAward(grant, CITY);
    assertThat(journey.openTaskKeys(grant)).containsExactly(ASSIGN_COACH);
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo(new BigDecimal("25000"));
    assertThat(ledger.statement(grant).status()).isEqualTo(GrantAccount.Status.OPEN);
  }

  @Test
  void theOfficersDecisionIsPrefilledWithTheProposalAndOffersDurationsInWords() {
    String grant = journey.apply(CITY, application("learning"));

    // Tasklist fills a form field from the variable of the same key: the officer starts from the proposal
    assertThat(journey.variable(grant, "awardedAmount")).as("the 40,000 asked for, within 30,000-50,000")
        .isEqualTo(40000L);
    assertThat(journey.variable(grant, "preparationTime")).isEqualTo("P4M");
    assertThat(journey.variable(grant, "programmeDuration")).isEqualTo("P15M");
    FormSchema form = forms.schema("size-grant");
    assertThat(form.labelOf("preparationTime", "P4M")).contains("4 months");
    assertThat(form.labelOf("programmeDuration", "P15M")).contains("15 months");
    assertThat(journey.variable(grant, "objectiveLabel")).isEqualTo("Learning: what we learned");

    // accepting the proposal is choosing "award" and nothing else
    journey.complete(grant, SIZE_GRANT, OFFICER, with(java.util.Map.of(), "sizingDecision", "award"));
    journey.acceptAward(grant, CITY);

    assertThat(journey.openTaskKeys(grant)).containsExactly(ASSIGN_COACH);
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo(new BigDecimal("40000"));
    assertThat(journey.variable(grant, "preparationTime")).isEqualTo("P4M");
    assertThat(journey.variable(grant, "programmeDuration")).isEqualTo("P15M");
  }

  @Test
  void aDurationNotOfferedInTheListIsRefusedInWords() {
    String grant = journey.apply(CITY, application("learning"));

    InputRejectedException refused = refusal(() -> journey.complete(grant, SIZE_GRANT, OFFICER,
        with(award(40000), "preparationTime", "P4W")));

    assertThat(refused.getField()).isEqualTo("preparationTime");
    assertThat(refused.getMessage()).startsWith("'Preparation time': choose one of the options (1 month, 2 months,")
        .doesNotContain("P4W)", "P1M", "ISO").contains("not 'P4W'");
    assertThat(journey.openTaskKeys(grant)).containsExactly(SIZE_GRANT);
  }

  @Test
  void anAwardWithinTheBandNeedsNoReasonAndTheProposedDurationsApplyWhenLeftEmpty() {
    String grant = journey.apply(CITY, application("learning"));

    journey.complete(grant, SIZE_GRANT, OFFICER, with(award(45000), "preparationTime", "", "programmeDuration", ""));
    journey.acceptAward(grant, CITY);

    assertThat(journey.variable(grant, "preparationTime")).isEqualTo("P4M");
    assertThat(journey.variable(grant, "programmeDuration")).isEqualTo("P15M");
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo(new BigDecimal("45000"));
  }

  @Test
  void anAwardBelowTheMinimumViableAmountIsRefused() {
    String grant = journey.apply(CITY, application("learning"));

    InputRejectedException refused = refusal(() -> journey.complete(grant, SIZE_GRANT, OFFICER,
        with(award(14000), "sizingReason", "The city asked for little.")));

    assertThat(refused.getField()).isEqualTo("awardedAmount");
    assertThat(refused.getMessage()).contains("15000");
    assertThat(journey.openTaskKeys(grant)).containsExactly(SIZE_GRANT);
    assertThatThrownBy(() -> ledger.statement(grant)).isInstanceOf(UnknownLedgerKeyException.class);
  }

  @Test
  void aRequestedAmountOutsideTheProgrammeRangeIsRefusedAtApplicationAndNothingIsCreated() {
    long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("city-grant").count();
    List<String> grantsBefore = allGrantReferences();

    for (int requested : new int[] {14999, 50001}) {
      InputRejectedException refused = refusal(() -> journey.apply(CITY, with(application("learning"),
          "requestedAmount", requested)));
      assertThat(refused.getField()).isEqualTo("requestedAmount");
    }

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("city-grant").count())
        .isEqualTo(instancesBefore);
    assertThat(allGrantReferences()).containsExactlyInAnyOrderElementsOf(grantsBefore);
  }

  @Test
  void theCoachMustBeAMemberOfTheCoaches() {
    String grant = applyAndAward(40000);

    InputRejectedException refused = refusal(() -> journey.complete(grant, ASSIGN_COACH, MANAGER, of("coach", OFFICER)));

    assertThat(refused.getField()).isEqualTo("coach");
    assertThat(journey.openTaskKeys(grant)).containsExactly(ASSIGN_COACH);

    journey.complete(grant, ASSIGN_COACH, MANAGER, of("coach", COACH));
    assertThat(register.find(grant).orElseThrow().coach()).isEqualTo(COACH);
    assertThat(journey.openTaskKeys(grant)).contains(COMPLETE_METHOD_ONBOARDING, OBTAIN_INTERNAL_AUTHORISATIONS,
        SUBMIT_PROCUREMENT_PLAN);
  }

  /**
   * A grant the experimentation programme starts for a city has no application yet, so the city
   * is asked for it (Task_SubmitApplication) and the grant then goes to sizing.
   */
  @Test
  void aGrantStartedByTheProgrammeAsksTheCityForItsApplication() {
    journey.gateway().launchProgramme(MANAGER, "Cohort 2026 paths", List.of("lyon"));
    journey.runAsyncJobs();

    String grant = runtimeService.createProcessInstanceQuery().processDefinitionKey("city-grant")
        .variableValueEquals("programmeName", "Cohort 2026 paths").singleResult().getBusinessKey();
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_APPLICATION);

    journey.complete(grant, SUBMIT_APPLICATION, CITY, application("impact"));

    assertThat(journey.openTaskKeys(grant)).containsExactly(SIZE_GRANT);
    assertThat(register.find(grant).orElseThrow().objectiveType()).isEqualTo("impact");
  }
}
