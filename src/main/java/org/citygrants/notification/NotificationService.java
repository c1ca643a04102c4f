package org.citygrants.notification;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reminders and notices to people. Each notice has a key (grant, purpose, recipient) and is
 * recorded once in table notification, so a retried job never sends it twice.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final JdbcClient jdbc;

  public NotificationService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the notice unless one with the same key exists; returns whether it was new. */
  public boolean notify(String notificationKey, String recipient, String subject, String body, String grantReference) {
    int already = jdbc.sql("SELECT COUNT(*) FROM notification WHERE notification_key = ?")
        .param(notificationKey).query(Integer.class).single();
    if (already > 0) {
      return false;
    }
    jdbc.sql("""
        INSERT INTO notification (notification_key, recipient, subject, body, grant_reference, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(notificationKey, recipient, subject, body, grantReference, Timestamp.from(Instant.now()))
        .update();
    LOG.info("Notice to {}: {}", recipient, subject);
    return true;
  }

  public int countFor(String recipient) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = ?").param(recipient).query(Integer.class).single();
  }
}
