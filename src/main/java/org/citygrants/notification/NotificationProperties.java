package org.citygrants.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notifications ({@code grant.notifications.*} in application.yaml). Mail goes out only
 * when {@code spring.mail.host} is set as well, see {@link NotificationMail}.
 *
 * @param enabled switch to keep mail off even with an SMTP host configured
 * @param baseUrl where users reach the application; Tasklist links start with it
 * @param from sender address of every notification
 * @param digestCron when the overdue-task digest goes out (Spring cron, server time zone)
 * @param retryEvery how often unsent notices are retried (and the first wait of the back-off)
 * @param maxAttempts attempts per notice before it is given up (logged, left in the table)
 * @param remindBefore how long before a task's due date its people get a reminder (ISO-8601, e.g. P3D)
 * @param reminderCron when the due-date reminders go out (Spring cron, server time zone; daily)
 */
@ConfigurationProperties("grant.notifications")
public record NotificationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("grants@example.org") String from,
    @DefaultValue("0 0 7 * * MON-FRI") String digestCron,
    @DefaultValue("PT5M") Duration retryEvery,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("P3D") Duration remindBefore,
    @DefaultValue("0 30 7 * * *") String reminderCron) {

  /** Tasklist's start page. */
  public String tasklistUrl() {
    return base() + "/camunda/app/tasklist/default/";
  }

  /** The grant's own page: its terms, next step, money and calendar. */
  public String grantPageUrl(String grantReference) {
    return base() + "/grants/" + grantReference;
  }

  private String base() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The direct link that opens one task in Tasklist. */
  public String taskUrl(String taskId) {
    return tasklistUrl() + "#/?task=" + taskId;
  }
}
