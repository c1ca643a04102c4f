package org.citygrants.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers the notices recorded in table {@code notification} by e-mail, after the transaction
 * that recorded them commits: a rolled-back task completion sends nothing, and a slow or broken
 * SMTP server never delays or breaks anybody's work. A row with an {@code email} and no
 * {@code sent_at} is waiting; each attempt first claims the row (attempts + 1, a lease in
 * {@code next_attempt_at}) with one conditional UPDATE, so two nodes, or the after-commit
 * delivery and the retry sweep, never send the same notice twice. A failure is kept in
 * {@code last_error} and retried with a growing back-off up to {@code max-attempts}.
 */
@Component
public class NotificationOutbox implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);
  /** How long a claimed notice is left to its sender before another attempt may take it. */
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Duration LONGEST_BACK_OFF = Duration.ofHours(6);

  private final JdbcClient jdbc;
  private final NotificationMail mail;
  private final NotificationProperties properties;
  private final ThreadPoolExecutor executor;

  public NotificationOutbox(JdbcClient jdbc, NotificationMail mail, NotificationProperties properties) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.properties = properties;
    // one sender thread; when its queue is full the retry sweep delivers the rest
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
      Thread thread = new Thread(runnable, "notification-mail");
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** Sends the recorded notice once the current transaction commits (at once without one). */
  public void deliverAfterCommit(String notificationKey) {
    if (!mail.isEnabled()) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deliverInBackground(notificationKey);
        }
      });
    } else {
      deliverInBackground(notificationKey);
    }
  }

  private void deliverInBackground(String notificationKey) {
    try {
      executor.execute(() -> deliver(notificationKey));
    } catch (RejectedExecutionException e) {
      LOG.warn("Mail queue full or closed; notice {} will go out with the next retry sweep", notificationKey);
    }
  }

  /**
   * Sends one notice now if it is waiting and nobody else is sending it; returns whether this
   * call sent it. Never throws: a failure is recorded on the row for the retry sweep.
   */
  public boolean deliver(String notificationKey) {
    if (!mail.isEnabled()) {
      return false;
    }
    try {
      Instant now = Instant.now();
      int claimed = jdbc.sql("""
          UPDATE notification SET attempts = attempts + 1, next_attempt_at = ?
          WHERE notification_key = ? AND email IS NOT NULL AND sent_at IS NULL AND attempts < ?
            AND (next_attempt_at IS NULL OR next_attempt_at <= ?)""")
          .params(Timestamp.from(now.plus(LEASE)), notificationKey, properties.maxAttempts(), Timestamp.from(now))
          .update();
      if (claimed == 0) {
        return false;
      }
      Optional<Pending> pending = jdbc.sql(
              "SELECT email, subject, body, attempts FROM notification WHERE notification_key = ?")
          .param(notificationKey)
          .query((rs, n) -> new Pending(rs.getString("email"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
          .optional();
      if (pending.isEmpty()) {
        return false;
      }
      return send(notificationKey, pending.get());
    } catch (RuntimeException e) {
      LOG.warn("Could not deliver notice {}: {}", notificationKey, e.toString());
      return false;
    }
  }

  private boolean send(String notificationKey, Pending notice) {
    try {
      mail.send(notice.email(), notice.subject(), notice.body().stripTrailing() + footer());
    } catch (Exception e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      boolean givingUp = notice.attempts() >= properties.maxAttempts();
      if (givingUp) {
        LOG.error("Giving up notice {} to {} after {} attempts: {}", notificationKey, notice.email(), notice.attempts(), error);
      } else {
        LOG.warn("Notice {} to {} not sent (attempt {}), will retry: {}", notificationKey, notice.email(), notice.attempts(), error);
      }
      jdbc.sql("UPDATE notification SET last_error = ?, next_attempt_at = ? WHERE notification_key = ?")
          .params(Texts.fit(error, 1000), Timestamp.from(Instant.now().plus(backOff(notice.attempts()))), notificationKey)
          .update();
      return false;
    }
    jdbc.sql("UPDATE notification SET sent_at = ?, last_error = NULL WHERE notification_key = ?")
        .params(Timestamp.from(Instant.now()), notificationKey).update();
    LOG.info("Mailed notice {} to {}: {}", notificationKey, notice.email(), notice.subject());
    return true;
  }

  private Duration backOff(int attempts) {
    Duration wait = properties.retryEvery().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
    return wait.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : wait;
  }

  private String footer() {
    return "\n\n-- \nCity experimentation grants\nTasklist: " + properties.tasklistUrl() + "\n";
  }

  /**
   * Retries what is waiting (up to 100 notices a run): failed sends, and notices whose
   * after-commit delivery was lost (a restart, a full queue).
   */
  @Scheduled(fixedDelayString = "${grant.notifications.retry-every:PT5M}",
      initialDelayString = "${grant.notifications.retry-every:PT5M}")
  public void retryWaiting() {
    if (!mail.isEnabled()) {
      return;
    }
    try {
      List<String> keys = jdbc.sql("""
          SELECT notification_key FROM notification
          WHERE email IS NOT NULL AND sent_at IS NULL AND attempts < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
          ORDER BY created_at LIMIT 100""")
          .params(properties.maxAttempts(), Timestamp.from(Instant.now()))
          .query(String.class).list();
      keys.forEach(this::deliver);
    } catch (RuntimeException e) {
      LOG.warn("Notification retry sweep failed: {}", e.toString());
    }
  }

  /** Notices that are to be mailed and are neither sent nor given up (for operators and tests). */
  public int waitingCount() {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE email IS NOT NULL AND sent_at IS NULL AND attempts < ?")
        .param(properties.maxAttempts()).query(Integer.class).single();
  }

  @Override
  public void destroy() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }

  private record Pending(String email, String subject, String body, int attempts) {}
}
