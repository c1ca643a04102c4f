package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import java.util.List;
import org.citygrants.api.ProgrammeController;
import org.citygrants.ledger.GrantStatement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class HappyPathTest extends LifecycleTest {

  @Autowired ProgrammeController programme;

  @Test
  void aGrantRunsFromApplicationToFollowUpWithItsMoneySettledToTheCent() {
    String grant = grantWithApprovedActivities();

    // a progress report falls due while the experiment runs
    journey.fireTimer(grant, PROGRESS_REPORT_DUE);
    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, progressReport());
    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(true));

    runExperiment(grant, 20000, 20000, false, "persevere", true);
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_DUE)).as("reporting ends with the cycles").isFalse();

    transition(grant, 15000);
    // accepted 35,000 against 32,000 paid (advance 12,000 + tranche 20,000): a final balance of 3,000
    payOpenPayment(grant);

    journey.fireTimer(grant, FOLLOW_UP_DUE);
    journey.complete(grant, REPORT_FOLLOW_UP, CITY, followUp());

    assertThat(journey.endedAt(grant, GRANT_COMPLETED)).isTrue();
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.balanced()).as(statement.imbalances().toString()).isTrue();
    assertThat(statement.paid()).isEqualByComparingTo(new BigDecimal("35000.00"));
    assertThat(statement.reportedSpent()).isEqualByComparingTo(new BigDecimal("35000.00"));
    assertThat(statement.payments()).hasSize(3);
    // the follow-up answer is read by the programme, in its export
    assertThat(programme.followUps(new UsernamePasswordAuthenticationToken(OFFICER, null, List.of())).rows())
        .filteredOn(row -> row.grantReference().equals(grant)).singleElement()
        .satisfies(row -> {
          assertThat(row.whatContinued()).contains("ten schools");
          assertThat(row.transitionOwner()).isEqualTo("Lyon innovation team");
        });
  }
}
