package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.config.IsoDurations;
import org.citygrants.grant.AwardAcceptance;
import org.citygrants.grant.AwardAcceptance.Acceptance;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.ProcessGateway.TaskNotAvailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The city's acceptance of its award: the terms in words, the notice, who accepted and when, the
 * agreement kept, the preparation clock starting at acceptance; a question goes to an officer,
 * who answers or sizes the grant again.
 */
class AwardAcceptanceTest extends GrantPathTest {

  @Autowired AwardAcceptance acceptances;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void theCityReadsTheTermsInWordsAcceptsThemAndThePreparationClockStartsThen() {
    String grant = journey.apply(CITY, application("learning"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));

    assertThat(journey.openTaskKeys(grant)).containsExactly(ACCEPT_AWARD);
    assertThat((String) journey.variable(grant, "awardTerms")).contains("40,000.00 EUR", "Learning: what we learned",
        "3 months, counted from the day you accept", "12 months", "30 % of the award, about 12,000.00 EUR",
        "Experiments:** 28,000.00 EUR", "Coaching:** 4,000.00 EUR").doesNotContain("P3M", "learning-activities");
    assertThat(notificationsTo(grant, CITY)).contains("Your grant " + grant + " is awarded: please read and accept the terms");
    String notice = jdbc.sql("SELECT body FROM notification WHERE notification_key = ?")
        .param(grant + ":awarded:1:" + CITY).query(String.class).single();
    assertThat(notice).contains("40,000.00 EUR", "Accept the award", "/camunda/app/tasklist/", "/grants/" + grant);
    assertThat(acceptances.acceptanceOf(grant)).isEmpty();
    assertThatThrownBy(() -> ledger.statement(grant)).isInstanceOf(UnknownLedgerKeyException.class);

    // another city cannot accept Lyon's award
    assertThatThrownBy(() -> journey.complete(grant, ACCEPT_AWARD, "tampere", acceptAward()))
        .isInstanceOf(TaskNotAvailableException.class);

    Date acceptedAt = new Date(ClockUtil.getCurrentTime().getTime() / 1000 * 1000);
    ClockUtil.setCurrentTime(acceptedAt);
    journey.acceptAward(grant, CITY);

    Acceptance acceptance = acceptances.acceptanceOf(grant).orElseThrow();
    assertThat(acceptance.acceptedBy()).isEqualTo(CITY);
    assertThat(acceptance.acceptedByName()).isEqualTo("Claire Dubois");
    assertThat(acceptance.acceptedAt()).isEqualTo(acceptedAt.toInstant());
    assertThat(acceptance.agreementAvailable()).isTrue();
    assertThat(acceptances.agreementOf(grant).orElseThrow().pdf()).startsWith("%PDF".getBytes());
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo(new BigDecimal("40000"));

    // the manager assigns the coach ten days later: the preparation time still counts from the acceptance
    ClockUtil.setCurrentTime(Date.from(acceptedAt.toInstant().plus(Duration.ofDays(10))));
    journey.complete(grant, ASSIGN_COACH, MANAGER, of("coach", COACH));
    assertThat(journey.variable(grant, "preparationDueDate")).isEqualTo(IsoDurations.plus(acceptedAt, "P3M"));
    assertThat(journey.variable(grant, "programmeEndDate")).isEqualTo(IsoDurations.plus(acceptedAt, "P12M"));
  }

  @Test
  void anAnswerIsAChoiceAndAQuestionMustSaySomething() {
    String grant = journey.apply(CITY, application("learning"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));

    InputRejectedException empty = refusal(() -> journey.complete(grant, ACCEPT_AWARD, CITY, awardQuestion("  ")));
    assertThat(empty.getField()).isEqualTo("awardQuestion");
    InputRejectedException other = refusal(() -> journey.complete(grant, ACCEPT_AWARD, CITY,
        of("awardResponse", "maybe")));
    assertThat(other.getField()).isEqualTo("awardResponse");
    InputRejectedException none = refusal(() -> journey.complete(grant, ACCEPT_AWARD, CITY, of()));
    assertThat(none.getField()).isEqualTo("awardResponse");
    assertThat(journey.openTaskKeys(grant)).containsExactly(ACCEPT_AWARD);
    assertThat(acceptances.acceptanceOf(grant)).isEmpty();
  }

  @Test
  void aQuestionGoesToAnOfficerWhoAnswersOrSizesTheGrantAgainWithNewTerms() {
    String grant = journey.apply(CITY, application("learning"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));

    journey.complete(grant, ACCEPT_AWARD, CITY, awardQuestion("Can part of the coaching line pay for a translator?"));
    assertThat(journey.openTaskKeys(grant)).containsExactly(ANSWER_AWARD_QUESTION);
    journey.complete(grant, ANSWER_AWARD_QUESTION, OFFICER, awardAnswer("Yes, as a learning activity.", false));

    assertThat(journey.openTaskKeys(grant)).containsExactly(ACCEPT_AWARD);
    assertThat(journey.variable(grant, "lastAwardQuestion")).isEqualTo("Can part of the coaching line pay for a translator?");
    assertThat(journey.variable(grant, "awardResponse")).isNull();
    journey.complete(grant, ACCEPT_AWARD, CITY, awardQuestion("Could we have 45,000 for a third school?"));
    journey.complete(grant, ANSWER_AWARD_QUESTION, OFFICER, awardAnswer("Yes: see the new terms.", true));

    assertThat(journey.openTaskKeys(grant)).containsExactly(SIZE_GRANT);
    journey.complete(grant, SIZE_GRANT, OFFICER, award(45000));
    assertThat((String) journey.variable(grant, "awardTerms")).contains("45,000.00 EUR");
    assertThat(journey.variable(grant, "resizeAward")).isEqualTo(false);
    assertThat(notificationsTo(grant, CITY)).filteredOn(s -> s.contains("is awarded")).hasSize(2);

    journey.acceptAward(grant, CITY);
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo(new BigDecimal("45000"));
    assertThat(journey.openTaskKeys(grant)).containsExactly(ASSIGN_COACH);
    assertThat(passed(grant, ANSWER_AWARD_QUESTION)).isTrue();
  }

  @Test
  void anOfficerCanStillDeclineWhenSizingAgainAndTheCityIsToldWhy() {
    String grant = journey.apply(CITY, application("learning"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));
    journey.complete(grant, ACCEPT_AWARD, CITY, awardQuestion("Can we start in two years?"));
    journey.complete(grant, ANSWER_AWARD_QUESTION, OFFICER, awardAnswer("No: the programme ends before.", true));
    journey.complete(grant, SIZE_GRANT, OFFICER, decline());

    assertThat(journey.endedAt(grant, APPLICATION_DECLINED)).isTrue();
    assertThat(acceptances.acceptanceOf(grant)).isEmpty();
    assertThatThrownBy(() -> ledger.statement(grant)).isInstanceOf(UnknownLedgerKeyException.class);
    String body = jdbc.sql("SELECT body FROM notification WHERE notification_key = ?")
        .param(grant + ":declined:" + CITY).query(String.class).single();
    assertThat(body).contains("The challenge is outside the programme's scope.", "/grants/" + grant);
  }
}
