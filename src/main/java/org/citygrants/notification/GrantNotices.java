package org.citygrants.notification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.citygrants.language.Words;
import org.citygrants.identity.CityDirectory;
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
    EXPERIMENT,
    PROGRESS,
    FINAL
  }

  /** The reviewer roles {@link ReportReviewed#reviewerRole} names, said in the reader's language. */
  public static final String ROLE_COACH = "coach";
  public static final String ROLE_OFFICER = "officer";

  /**
   * A reviewer's decision on a city's report. {@code reviewKey} identifies the review round (the
   * review task), {@code reviewerRole} says who the reviewer is to the city ({@link #ROLE_COACH},
   * {@link #ROLE_OFFICER}).
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
    return tellTheTeam(payment.cityCode(), payment.grantReference(), payment.paymentKey() + ":paid", member -> {
      Locale language = member.language();
      String amount = Words.amount(payment.amount(), payment.currency(), language);
      return new Notice(member.say("mail.payment.subject", amount, purposeShort(payment, member)),
          member.say("mail.payment.paid", amount, payment.cityName()) + "\n\n"
              + member.say("mail.payment.for", purpose(payment, member)) + "\n\n"
              + member.say("mail.payment.soFar", Words.amount(payment.paidSoFar(), payment.currency(), language),
                  Words.amount(payment.awarded(), payment.currency(), language)));
    });
  }

  /** Tells the city team that a report was accepted or sent back, with the reviewer's words. */
  public int reportReviewed(ReportReviewed review) {
    return tellTheTeam(review.cityCode(), review.grantReference(),
        review.grantReference() + ":report-review:" + review.reviewKey(), member -> reviewNotice(review, member));
  }

  private Notice reviewNotice(ReportReviewed review, Recipient member) {
    String words = member.say("mail.report." + review.report().name());
    String which = review.report() == Report.EXPERIMENT && StringUtils.hasText(review.experimentTitle())
        ? member.say("mail.report.onExperiment", review.experimentTitle().strip())
        : words;
    String subject = member.say(review.accepted() ? "mail.report.subjectAccepted" : "mail.report.subjectSentBack", words);
    String reviewer = review.reviewerRole() == null ? review.reviewerName()
        : member.say("mail.report.reviewerWithRole", review.reviewerName(), role(review.reviewerRole(), member));
    StringBuilder text = new StringBuilder()
        .append(member.say(review.accepted() ? "mail.report.accepted" : "mail.report.sentBack", reviewer, which));
    if (review.accepted() && StringUtils.hasText(review.decision())) {
      text.append("\n\n").append(member.say("mail.report.decided", decision(review.decision(), member)));
    }
    if (StringUtils.hasText(review.feedback())) {
      text.append("\n\n").append(member.say(review.accepted() ? "mail.report.feedbackAccepted"
              : "mail.report.feedbackSentBack")).append("\n")
          .append(quote(Texts.fit(review.feedback().strip(), 2000)));
    }
    text.append("\n\n").append(review.accepted() ? member.say("mail.report.next." + review.report().name())
        : member.say("mail.report.backInTasklist"));
    return new Notice("[" + review.grantReference() + "] " + subject, text.toString());
  }

  /** A change to the grant decided (grant.change): what was asked, in each reader's words, and the note. */
  public record ChangeDecided(String grantReference, String cityCode, String changeKey, boolean applied,
      java.util.function.Function<Locale, String> summary, String note) {}

  /** Tells the city team that a change of its grant was applied or refused, with the decider's note. */
  public int changeDecided(ChangeDecided change) {
    return tellTheTeam(change.cityCode(), change.grantReference(), change.grantReference() + ":" + change.changeKey(),
        member -> {
          StringBuilder text = new StringBuilder(member.say(change.applied() ? "mail.change.applied" : "mail.change.refused"))
              .append("\n").append(quote(change.summary().apply(member.language())));
          if (StringUtils.hasText(change.note())) {
            text.append("\n\n").append(member.say("mail.change.note")).append("\n")
                .append(quote(Texts.fit(change.note().strip(), 2000)));
          }
          return new Notice(member.say(change.applied() ? "mail.change.subjectApplied" : "mail.change.subjectRefused"),
              text.toString());
        });
  }

  /** A notice's subject and text, written for one member in their language. */
  private record Notice(String subject, String text) {}

  /** One notice per member, in their language: "Hello Claire," + text + the grant page's link. */
  private int tellTheTeam(String cityCode, String grantReference, String eventKey, Function<Recipient, Notice> write) {
    int recorded = 0;
    List<Recipient> members = recipients.members(CityDirectory.cityGroup(cityCode));
    for (Recipient member : members) {
      String key = eventKey + ":" + member.userId();
      Notice notice = write.apply(member);
      String subject = notice.subject().startsWith("[") ? notice.subject() : "[" + grantReference + "] " + notice.subject();
      String body = member.greeting() + "\n\n" + notice.text() + "\n\n" + member.say("mail.team.grantPage") + "\n"
          + properties.grantPageUrl(grantReference) + "\n";
      boolean isNew = member.email() != null && mail.isEnabled()
          ? notifications.notify(key, member, subject, body, grantReference)
          : notifications.record(key, member.userId(), null, subject, body, grantReference);
      recorded += isNew ? 1 : 0;
    }
    return recorded;
  }

  /** The reviewer's role to the city: "coach" or "officer" (a known role), else the words given. */
  private static String role(String role, Recipient member) {
    return switch (role) {
      case ROLE_COACH, "your coach" -> member.say("mail.report.role.coach");
      case ROLE_OFFICER, "programme officer" -> member.say("mail.report.role.officer");
      default -> role;
    };
  }

  private static String purposeShort(PaymentMade payment, Recipient member) {
    return switch (payment.kind()) {
      case ADVANCE -> member.say("mail.payment.short.advance");
      case TRANCHE -> payment.experimentNumber() == null ? member.say("mail.payment.short.tranche")
          : member.say("mail.payment.short.trancheOf", payment.experimentNumber());
      case FINAL_BALANCE -> member.say("mail.payment.short.finalBalance");
    };
  }

  private static String purpose(PaymentMade payment, Recipient member) {
    return switch (payment.kind()) {
      case ADVANCE -> member.say("mail.payment.purpose.advance");
      case TRANCHE -> member.say("mail.payment.purpose.tranche",
          StringUtils.hasText(payment.experimentTitle())
              ? member.say("mail.payment.purpose.titled", payment.experimentTitle().strip())
              : payment.experimentNumber() == null ? member.say("mail.payment.purpose.anExperiment")
              : member.say("mail.payment.purpose.numbered", payment.experimentNumber()));
      case FINAL_BALANCE -> member.say("mail.payment.purpose.finalBalance");
    };
  }

  private static String decision(String decision, Recipient member) {
    return switch (decision) {
      case "persevere", "pivot", "stop" -> member.say("mail.report.decision." + decision);
      default -> decision + ".";
    };
  }

  private static String quote(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
