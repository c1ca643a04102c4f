package org.citygrants.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.citygrants.language.Words;
import org.citygrants.notification.NotificationRecipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reminders and notices to people. Each notice has a key (grant, purpose, recipient) and is
 * recorded once in table notification, so a retried job never sends it twice. When e-mail is
 * configured ({@link NotificationMail}) the recipient's address comes from the Camunda identity
 * service and the notice is mailed after the recording transaction commits
 * ({@link NotificationOutbox}); without an address or without mail it is only recorded.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final JdbcClient jdbc;
  private final NotificationMail mail;
  private final NotificationRecipients recipients;
  private final NotificationOutbox outbox;
  private final NotificationProperties properties;

  public NotificationService(JdbcClient jdbc, NotificationMail mail, NotificationRecipients recipients,
      NotificationOutbox outbox, NotificationProperties properties) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.mail = mail;
    this.recipients = recipients;
    this.outbox = outbox;
  }

  /** Records the notice unless one with the same key exists; returns whether it was new. */
  public boolean notify(String notificationKey, String recipient, String subject, String body, String grantReference) {
    String email = mail.isEnabled() ? recipients.email(recipient).orElse(null) : null;
    boolean recorded = record(notificationKey, recipient, email, subject,
        withGrantPage(body, grantReference, recipients.languageOf(recipient)), grantReference);
    if (recorded && email != null) {
      outbox.deliverAfterCommit(notificationKey);
    }
    return recorded;
  }

  /** The same for a recipient whose address is known already (task notices). */
  boolean notify(String notificationKey, Recipient recipient, String subject, String body, String grantReference) {
    boolean recorded = record(notificationKey, recipient.userId(), recipient.email(), subject,
        withGrantPage(body, grantReference, recipient.language()), grantReference);
    if (recorded) {
      outbox.deliverAfterCommit(notificationKey);
    }
    return recorded;
  }

  /** Every notice about a grant links to the grant's page (once: texts that link already keep theirs). */
  String withGrantPage(String body, String grantReference, Locale language) {
    if (grantReference == null || grantReference.isBlank()) {
      return body;
    }
    String page = properties.grantPageUrl(grantReference);
    return body.contains(page) ? body : body.stripTrailing() + "\n\n" + Words.say(language, "mail.grantPage", page) + "\n";
  }

  /** The language to write to a user in (their choice, else English), for callers that write their own text. */
  public Locale languageOf(String userId) {
    return recipients.languageOf(userId);
  }

  /**
   * Inserts the notice unless its key exists. Two nodes racing for one key: the loser's INSERT
   * fails with a duplicate key (a DuplicateKeyException) and it sends nothing.
   */
  boolean record(String notificationKey, String recipient, String email, String subject, String body,
      String grantReference) {
    int already = jdbc.sql("SELECT COUNT(*) FROM notification WHERE notification_key = ?")
        .param(notificationKey).query(Integer.class).single();
    if (already > 0) {
      return false;
    }
    jdbc.sql("""
        INSERT INTO notification (notification_key, recipient, email, subject, body, grant_reference, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(notificationKey, Texts.fit(recipient, 200), email == null ? null : Texts.fit(email, 320),
            Texts.fit(subject, 300), Texts.fit(body, 4000), grantReference, Timestamp.from(Instant.now()))
        .update();
    LOG.info("Notice to {}: {}", recipient, subject);
    return true;
  }
}
