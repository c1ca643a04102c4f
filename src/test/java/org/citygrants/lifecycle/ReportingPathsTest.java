package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.Map;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.Test;

/** Periodic progress reports next to the experiment cycles: rework and the overdue follow-up. */
class ReportingPathsTest extends GrantPathTest {

  @Test
  void aProgressReportSentBackIsResubmittedAndTheNextReportIsScheduledOnceAccepted() {
    String grant = grantWithApprovedActivities();
    journey.fireTimer(grant, PROGRESS_REPORT_DUE);
    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, progressReport());

    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(false));

    assertThat(journey.openTaskKeys(grant)).containsExactlyInAnyOrder(PLAN_EXPERIMENT, SUBMIT_PROGRESS_REPORT);
    assertThat(journey.variable(grant, "progressReportFeedback")).isEqualTo("Add the learning log.");
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_DUE)).isFalse();
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_OVERDUE)).as("the resubmission is watched again").isTrue();

    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, with(progressReport(), "learningLog",
        "Evening slots draw more parents; mornings draw none."));
    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(true));

    assertThat(journey.openTaskKeys(grant)).containsExactly(PLAN_EXPERIMENT);
    assertThat(journey.variable(grant, "progressReportAccepted")).isEqualTo(true);
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_DUE)).as("next report scheduled").isTrue();
  }

  @Test
  void anOverdueReportIsFollowedUpByTheCoachWhileTheReportStaysOpen() {
    String grant = grantWithApprovedActivities();
    journey.fireTimer(grant, PROGRESS_REPORT_DUE);
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_OVERDUE)).isTrue();

    journey.fireTimer(grant, PROGRESS_REPORT_OVERDUE);

    assertThat(journey.openTaskKeys(grant)).containsExactlyInAnyOrder(PLAN_EXPERIMENT, SUBMIT_PROGRESS_REPORT,
        FOLLOW_UP_OVERDUE_REPORT);
    assertThat(journey.task(grant, FOLLOW_UP_OVERDUE_REPORT).getAssignee()).isEqualTo(COACH);
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_OVERDUE)).as("non-interrupting, fires once").isFalse();

    journey.complete(grant, FOLLOW_UP_OVERDUE_REPORT, COACH, overdueFollowUp());

    assertThat(passed(grant, "Event_OverdueReportFollowedUp")).isTrue();
    assertThat(journey.openTaskKeys(grant)).containsExactlyInAnyOrder(PLAN_EXPERIMENT, SUBMIT_PROGRESS_REPORT);
    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, progressReport());
    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(true));
    assertThat(journey.openTaskKeys(grant)).containsExactly(PLAN_EXPERIMENT);
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_DUE)).isTrue();
  }

  @Test
  void anImpactGrantReportsItsIndicatorInsteadOfALearningLog() {
    String grant = impactGrantWithReportDue();

    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, impactProgressReport());
    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(true));

    assertThat(journey.variable(grant, "impactCurrent")).isEqualTo(47.5);
    assertThat(journey.openTaskKeys(grant)).containsExactly(PLAN_EXPERIMENT);
  }

  @Test
  void anImpactReportWithoutIndicatorOrEvidenceIsRefused() {
    String grant = impactGrantWithReportDue();

    InputRejectedException refused = refusal(() ->
        journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, progressReport()));

    assertThat(refused.getField()).isIn("impactIndicator", "impactEvidence");
    assertThat(journey.openTaskKeys(grant)).contains(SUBMIT_PROGRESS_REPORT);
  }

  private String impactGrantWithReportDue() {
    String grant = journey.apply(CITY, application("impact"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));
    journey.acceptAward(grant, CITY);
    journey.complete(grant, ASSIGN_COACH, MANAGER, of("coach", COACH));
    cityPrepares(grant);
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(true));
    payOpenPayment(grant);
    journey.complete(grant, CONFIRM_READINESS, COACH, readiness(true));
    journey.complete(grant, FORM_INVESTMENT_COMMITTEE, CITY, committee());
    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneNow());
    journey.complete(grant, RECORD_COMMITTEE_REVIEW, COACH, committeeReview("approve"));
    journey.fireTimer(grant, PROGRESS_REPORT_DUE);
    return grant;
  }

  private static Map<String, Object> impactProgressReport() {
    return of("progressSummary", "Two schoolyards greened, temperatures measured.",
        "impactIndicator", "Schoolyard surface temperature at 3 pm in July", "impactBaseline", 52.0,
        "impactCurrent", 47.5, "impactEvidence", "Thermal camera readings in two schoolyards.");
  }
}
