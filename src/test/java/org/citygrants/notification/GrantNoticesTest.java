package org.citygrants.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Money;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notices that matter to a city team, mailed to a real SMTP server: a payment made (how much,
 * in which currency, what for, the grant's page), a report accepted or sent back (who decided, what
 * they said), and a reminder before a task's due date, once per task and due date.
 */
class GrantNoticesTest extends MailTest {

  static final String GRANT_PAGE = "https://grants.example.org/grants/";

  @Autowired LedgerService ledger;
  @Autowired GrantNotices notices;
  @Autowired DueDateReminders reminders;
  @Autowired TaskService taskService;

  @Test
  void theCityTeamHearsOfEachPaymentAndOfEachReviewOfItsReports() {
    String grant = journey.apply(CITY, application("learning"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));
    journey.acceptAward(grant, CITY);
    journey.complete(grant, ASSIGN_COACH, "manager", of("coach", "coach1"));
    journey.cityPrepares(grant, CITY, OFFICER);
    clearMailboxes();

    // the advance
    journey.payOpenPayment(grant);
    BigDecimal advance = ledger.statement(grant).paid();
    Mail advanceMail = onlyMail(grant, "Payment made");
    assertThat(advanceMail.subject()).isEqualTo("[" + grant + "] Payment made: " + Money.readable(advance, "EUR")
        + ", the advance");
    assertThat(advanceMail.body()).startsWith("Hello Claire,")
        .contains("The programme has paid " + Money.readable(advance, "EUR") + " to Lyon.")
        .contains("What it is for: the advance on your grant")
        .contains("Paid so far: " + Money.readable(advance, "EUR") + " of the 40,000.00 EUR awarded")
        .contains(GRANT_PAGE + grant);
    assertNoCodes(advanceMail);
    // a retried job records nothing new and mails nothing
    assertThat(notices.paymentMade(new GrantNotices.PaymentMade(grant, "lyon", "Lyon", grant + ":advance",
        PaymentKind.ADVANCE, advance, "EUR", advance, new BigDecimal("40000.00"), null, null))).isZero();
    assertThat(mailsAbout(grant)).filteredOn(m -> m.subject().contains("Payment made")).hasSize(1);

    // a progress report sent back by an officer, then accepted
    journey.readyAndCommitteeApproves(grant, CITY, "coach1");
    journey.fireTimer(grant, PROGRESS_REPORT_DUE);
    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, progressReport());
    clearMailboxes();
    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(false));
    Mail sentBack = onlyMail(grant, "Your progress report");
    assertThat(sentBack.to()).isEqualTo(CITY_EMAIL);
    assertThat(sentBack.subject()).isEqualTo("[" + grant + "] Your progress report was sent back for changes");
    assertThat(sentBack.body()).startsWith("Hello Claire,")
        .contains("Sofia Marques, programme officer, sent your progress report back")
        .contains("What must change:").contains("  Add the learning log.")
        .contains(GRANT_PAGE + grant);
    assertNoCodes(sentBack);
    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, progressReport());
    clearMailboxes();
    journey.complete(grant, REVIEW_PROGRESS_REPORT, SECOND_OFFICER, progressReview(true));
    Mail accepted = onlyMail(grant, "Your progress report");
    assertThat(accepted.subject()).isEqualTo("[" + grant + "] Your progress report was accepted");
    assertThat(accepted.body()).contains("Rosa Lind, programme officer, accepted your progress report.")
        .doesNotContain("What must change");

    // an experiment report sent back by the coach, then accepted; its tranche is paid
    journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan(6000, 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, "coach1", experimentPlanReview(true));
    journey.fireTimer(grant, EXPERIMENT_MIDPOINT);
    journey.complete(grant, HOLD_MID_CYCLE_CHECK_IN, "coach1", checkIn());
    journey.fireTimer(grant, EXPERIMENT_ENDED);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(5000, false));
    clearMailboxes();
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, "coach1", experimentOutcome(false, "persevere", false));
    Mail experimentSentBack = onlyMail(grant, "Your experiment report");
    assertThat(experimentSentBack.subject()).isEqualTo("[" + grant + "] Your experiment report was sent back for changes");
    assertThat(experimentSentBack.body())
        .contains("Paul Moreau, your coach, sent your report on the experiment \u201cCo-design workshops\u201d back")
        .contains("What must change:").contains("  Add the spending detail.")
        .doesNotContain("What you decided together");
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(5000, false));
    clearMailboxes();
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, "coach1", experimentOutcome(true, "pivot", false));
    Mail experimentAccepted = onlyMail(grant, "Your experiment report");
    assertThat(experimentAccepted.body())
        .contains("Paul Moreau, your coach, accepted your report on the experiment \u201cCo-design workshops\u201d.")
        .contains("What you decided together: pivot, change course and test again.");
    assertNoCodes(experimentAccepted);

    assertThat(journey.openTaskKeys(grant)).contains(PaymentProcess.Elements.REQUEST_PAYMENT);
    BigDecimal paidBefore = ledger.statement(grant).paid();
    clearMailboxes();
    journey.payOpenPayment(grant);
    BigDecimal tranche = ledger.statement(grant).paid().subtract(paidBefore);
    Mail trancheMail = onlyMail(grant, "Payment made");
    assertThat(trancheMail.subject()).isEqualTo("[" + grant + "] Payment made: " + Money.readable(tranche, "EUR")
        + ", tranche for experiment 1");
    assertThat(trancheMail.body())
        .contains("What it is for: a tranche for your accepted report on the experiment \u201cCo-design workshops\u201d")
        .contains("Paid so far: " + Money.readable(paidBefore.add(tranche), "EUR") + " of the 40,000.00 EUR awarded");
    assertNoCodes(trancheMail);
  }

  @Test
  void aReminderGoesOutBeforeTheDueDateOncePerTaskAndDueDate() {
    String grant = journey.apply(CITY, application("learning"));
    Task sizing = journey.task(grant, SIZE_GRANT);
    Instant created = sizing.getCreateTime().toInstant();
    Instant due = created.plus(Duration.ofDays(10));
    taskService.setDueDate(sizing.getId(), Date.from(due));
    clearMailboxes();

    // a week before: too early (the lead time is three days by default)
    reminders.send(due.minus(Duration.ofDays(7)));
    assertThat(mailsAbout(grant)).isEmpty();

    // two days before: each programme officer with an address, once, by name
    reminders.send(due.minus(Duration.ofDays(2)));
    List<Mail> mails = mailsAbout(grant);
    assertThat(mails).extracting(Mail::to).containsExactlyInAnyOrder(OFFICER_EMAIL, SECOND_OFFICER_EMAIL);
    Mail sofias = mailsTo(OFFICER_EMAIL).get(0);
    assertThat(sofias.subject()).isEqualTo("[" + grant + "] Due in 2 days: Size the grant");
    assertThat(sofias.body()).startsWith("Hello Sofia,")
        .contains("A reminder before the deadline: \u201cSize the grant\u201d is due in 2 days, on "
            + Texts.longDay(Texts.day(Date.from(due))) + ".")
        .contains("It is part of Lyon's grant " + grant + ".")
        .contains(LINK_PREFIX + sizing.getId())
        .contains(GRANT_PAGE + grant);
    assertThat(sofias.body()).doesNotContain("Task_", "city-lyon", "programme-officers");

    // the next day's run, or another node's, sends nothing again for the same task and due date
    reminders.send(due.minus(Duration.ofDays(1)));
    reminders.send(due.minus(Duration.ofDays(1)));
    assertThat(mailsAbout(grant)).hasSize(2);

    // once past, it is the overdue digest's; a new due date brings a new reminder before it
    reminders.send(due.plus(Duration.ofHours(1)));
    assertThat(mailsAbout(grant)).hasSize(2);
    taskService.setDueDate(sizing.getId(), Date.from(due.plus(Duration.ofDays(7))));
    clearMailboxes();
    reminders.send(due.plus(Duration.ofDays(6)));
    assertThat(mailsAbout(grant)).extracting(Mail::subject)
        .containsOnly("[" + grant + "] Due tomorrow: Size the grant").hasSize(2);
  }

  @Test
  void aTaskCreatedCloseToItsDueDateGetsNoReminderItsCreationMailGaveTheDate() {
    String grant = journey.apply(CITY, application("learning"));
    Task sizing = journey.task(grant, SIZE_GRANT);
    Instant created = sizing.getCreateTime().toInstant();
    taskService.setDueDate(sizing.getId(), Date.from(created.plus(Duration.ofDays(2))));
    clearMailboxes();

    reminders.send(created.plus(Duration.ofHours(1)));

    assertThat(mailsAbout(grant)).isEmpty();
  }

  /** The one mail to the city whose subject names this grant and contains the words. */
  private Mail onlyMail(String grant, String subjectWords) {
    List<Mail> found = mailsAbout(grant).stream().filter(m -> m.subject().contains(subjectWords)).toList();
    assertThat(found).as("mails about %s with '%s' (all: %s)", grant, subjectWords, mailsAbout(grant)).hasSize(1);
    assertThat(found.get(0).to()).isEqualTo(CITY_EMAIL);
    return found.get(0);
  }

  /** A city reads words, not the product's ids: no payment key, no task or group id, no kind in capitals. */
  private static void assertNoCodes(Mail mail) {
    assertThat(mail.subject() + mail.body()).doesNotContain(":advance", ":tranche", "tranche-", "ADVANCE", "TRANCHE",
        "FINAL_BALANCE", "Task_", "city-lyon", "coach1", "#/?task=");
  }
}
