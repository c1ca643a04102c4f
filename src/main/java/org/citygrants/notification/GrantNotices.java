package org.citygrants.notification;

import java.math.BigDecimal;
import java.util.List;
import org.citygrants.identity.CityDirectory;
import org.citygrants.ledger.Money;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.notification.NotificationRecipients.Recipient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * The notices that tell a city team what happened to its grant: a payment made, a report accepted
 * or sent back. Every member of the team ({@code city-<code>}) gets one, greeted by name, under a
 * key of the event and the member, so a retried job or a second node never sends it twice. The
 * texts speak to the city: what happened, how much and what for, who decided and what they said,
 * and the link to the grant's page; no task ids, payment keys or codes.
 */
@Service
public class GrantNotices {

  /** A payment the programme made to the city. */
  public record PaymentMade(String grantReference, String cityCode, String cityName, String paymentKey,
      PaymentKind kind, BigDecimal amount, String currency, BigDecimal paidSoFar, BigDecimal awarded,
      Integer experimentNumber, String experimentTitle) {}

  /** Which report a review is about. */
  public enum Report {
    EXPERIMENT("experiment report"),
    PROGRESS("progress report"),
    FINAL("final report");

    private final String words;

    Report(String words) {
      this.words = words;
    }
  }

  /**
   * A reviewer's decision on a city's report. {@code reviewKey} identifies the review round (the
   * review task), {@code reviewerRole} says who the reviewer is to the city ("your coach").
   */
  public record ReportReviewed(String grantReference, String cityCode, String cityName, String reviewKey,
      Report report, String experimentTitle, boolean accepted, String feedback, String reviewerName,
      String reviewerRole, String decision) {}

  private final NotificationService notifications;
  private final NotificationRecipients recipients;
  private final NotificationMail mail;
  private final NotificationProperties properties;

  public GrantNotices(NotificationService notifications, NotificationRecipients recipients, NotificationMail mail,
      NotificationProperties properties) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.mail = mail;
    this.properties = properties;
  }

  /** Tells the city team that the programme paid it, how much and what for; returns the notices recorded. */
  public int paymentMade(PaymentMade payment) {
    String amount = Money.readable(payment.amount(), payment.currency());
    String subject = "[" + payment.grantReference() + "] Payment made: " + amount + ", " + purposeShort(payment);
    String text = "The programme has paid " + amount + " to " + payment.cityName() + ".\n\n"
        + "What it is for: " + purpose(payment) + "\n\n"
        + "Paid so far: " + Money.readable(payment.paidSoFar(), payment.currency()) + " of the "
        + Money.readable(payment.awarded(), payment.currency()) + " awarded to your grant.";
    return tellTheTeam(payment.cityCode(), payment.grantReference(), payment.paymentKey() + ":paid", subject, text);
  }

  /** Tells the city team that a report was accepted or sent back, with the reviewer's words. */
  public int reportReviewed(ReportReviewed review) {
    String which = review.report() == Report.EXPERIMENT && StringUtils.hasText(review.experimentTitle())
        ? "report on the experiment \u201c" + review.experimentTitle().strip() + "\u201d"
        : review.report().words;
    String subject = "[" + review.grantReference() + "] Your " + review.report().words
        + (review.accepted() ? " was accepted" : " was sent back for changes");
    StringBuilder text = new StringBuilder();
    text.append(review.reviewerName()).append(review.reviewerRole() == null ? "" : ", " + review.reviewerRole() + ",")
        .append(review.accepted() ? " accepted your " + which + "." : " sent your " + which + " back: it needs changes before it can be accepted.");
    if (review.accepted() && StringUtils.hasText(review.decision())) {
      text.append("\n\nWhat you decided together: ").append(decision(review.decision()));
    }
    if (StringUtils.hasText(review.feedback())) {
      text.append("\n\n").append(review.accepted() ? "Their feedback:" : "What must change:").append("\n")
          .append(quote(Texts.fit(review.feedback().strip(), 2000)));
    }
    text.append("\n\n").append(review.accepted() ? next(review.report())
        : "The report is back in Tasklist for your team, with this feedback shown on the form.");
    return tellTheTeam(review.cityCode(), review.grantReference(),
        review.grantReference() + ":report-review:" + review.reviewKey(), subject, text.toString());
  }

  /** One notice per member: "Hello Claire," + text + the grant page's link. */
  private int tellTheTeam(String cityCode, String grantReference, String eventKey, String subject, String text) {
    int recorded = 0;
    List<Recipient> members = recipients.members(CityDirectory.cityGroup(cityCode));
    for (Recipient member : members) {
      String key = eventKey + ":" + member.userId();
      String body = member.greeting() + "\n\n" + text + "\n\nYour grant's page (its terms, payments and next steps):\n"
          + properties.grantPageUrl(grantReference) + "\n";
      boolean isNew = member.email() != null && mail.isEnabled()
          ? notifications.notify(key, member, subject, body, grantReference)
          : notifications.record(key, member.userId(), null, subject, body, grantReference);
      recorded += isNew ? 1 : 0;
    }
    return recorded;
  }

  private static String purposeShort(PaymentMade payment) {
    return switch (payment.kind()) {
      case ADVANCE -> "the advance";
      case TRANCHE -> payment.experimentNumber() == null ? "a tranche" : "tranche for experiment " + payment.experimentNumber();
      case FINAL_BALANCE -> "the final balance";
    };
  }

  private static String purpose(PaymentMade payment) {
    return switch (payment.kind()) {
      case ADVANCE -> "the advance on your grant, paid now that your procurement plan is approved, so your team "
          + "can start the work before it reports any spending.";
      case TRANCHE -> "a tranche for your accepted report on "
          + (StringUtils.hasText(payment.experimentTitle())
              ? "the experiment \u201c" + payment.experimentTitle().strip() + "\u201d"
              : payment.experimentNumber() == null ? "an experiment" : "experiment " + payment.experimentNumber())
          + ": it covers the spending your coach accepted.";
      case FINAL_BALANCE -> "the final balance of your grant, now that your final report is accepted: what the "
          + "programme still owed your city for the work accepted.";
    };
  }

  private static String decision(String decision) {
    return switch (decision) {
      case "persevere" -> "persevere, keep going with this idea.";
      case "pivot" -> "pivot, change course and test again.";
      case "stop" -> "stop, the idea is not feasible as it stands.";
      default -> decision + ".";
    };
  }

  private static String next(Report report) {
    return switch (report) {
      case EXPERIMENT -> "The spending it reports now counts against the experiment's budget; a tranche follows when "
          + "one is due, and you will hear when it is paid.";
      case PROGRESS -> "Nothing more is needed for this report; the next one falls due with the next reporting cycle.";
      case FINAL -> "The grant now goes to settlement: the final balance is paid, or unspent money is asked back.";
    };
  }

  private static String quote(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
