package org.citygrants.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.notification.NotificationRecipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily digest of overdue tasks: each person gets one mail listing the open tasks past
 * their due date that are assigned to them or, when unassigned, offered to them (candidate
 * group or candidate user). Runs on {@code grant.notifications.digest-cron} and only when
 * e-mail is on. Each digest is recorded as notice {@code digest:<user>:<day>} before it is sent;
 * the table's primary key lets only one node (and one run per day) send it.
 */
@Component
public class OverdueTaskDigest {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueTaskDigest.class);
  /** Tasks listed in one digest; the rest are counted, with a link to Tasklist. */
  static final int MAX_LISTED = 20;

  private final NotificationMail mail;
  private final NotificationService notifications;
  private final NotificationOutbox outbox;
  private final NotificationRecipients recipients;
  private final NotificationProperties properties;
  private final TaskService taskService;
  private final RuntimeService runtimeService;

  public OverdueTaskDigest(NotificationMail mail, NotificationService notifications, NotificationOutbox outbox,
      NotificationRecipients recipients, NotificationProperties properties, TaskService taskService,
      RuntimeService runtimeService) {
    this.mail = mail;
    this.notifications = notifications;
    this.outbox = outbox;
    this.recipients = recipients;
    this.properties = properties;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  @Scheduled(cron = "${grant.notifications.digest-cron:0 0 7 * * MON-FRI}")
  public void sendScheduled() {
    if (!mail.isEnabled()) {
      return;
    }
    try {
      int sent = send(ClockUtil.getCurrentTime().toInstant());
      LOG.info("Overdue-task digest: {} mail(s) sent", sent);
    } catch (RuntimeException e) {
      LOG.error("Overdue-task digest failed", e);
    }
  }

  /**
   * Sends today's digests (the day of {@code now} in the server's time zone) to everybody with
   * overdue tasks who has not had one today; returns how many this call sent.
   */
  public int send(Instant now) {
    if (!mail.isEnabled()) {
      return 0;
    }
    LocalDate day = LocalDate.ofInstant(now, ZoneId.systemDefault());
    List<Task> overdue = taskService.createTaskQuery().active().dueBefore(Date.from(now))
        .orderByDueDate().asc().list();
    Map<String, Recipient> people = new LinkedHashMap<>();
    Map<String, List<Line>> linesByUser = new LinkedHashMap<>();
    Map<String, String> grantOfInstance = new HashMap<>();
    for (Task task : overdue) {
      List<Recipient> forTask = task.getAssignee() != null
          ? recipients.user(task.getAssignee(), NotificationRecipients.ASSIGNEE).stream().toList()
          : recipients.candidates(taskService.getIdentityLinksForTask(task.getId()));
      if (forTask.isEmpty()) {
        continue;
      }
      Line line = new Line(task, grant(task, grantOfInstance), task.getAssignee() != null);
      for (Recipient recipient : forTask) {
        people.putIfAbsent(recipient.userId(), recipient);
        linesByUser.computeIfAbsent(recipient.userId(), id -> new ArrayList<>()).add(line);
      }
    }
    int sent = 0;
    for (Map.Entry<String, List<Line>> entry : linesByUser.entrySet()) {
      Recipient recipient = people.get(entry.getKey());
      String key = "digest:" + recipient.userId() + ":" + day;
      try {
        if (notifications.record(key, recipient.userId(), recipient.email(), subject(recipient, entry.getValue(), day),
            body(recipient, entry.getValue(), day), null) && outbox.deliver(key)) {
          sent++;
        }
      } catch (DuplicateKeyException e) {
        LOG.debug("Digest {} is being sent by another node", key);
      } catch (RuntimeException e) {
        LOG.warn("Digest {} not recorded: {}", key, e.toString());
      }
    }
    return sent;
  }

  private String grant(Task task, Map<String, String> grantOfInstance) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    return grantOfInstance.computeIfAbsent(task.getProcessInstanceId(), id -> {
      Object reference = runtimeService.getVariable(id, "grantReference");
      if (reference instanceof String text && !text.isBlank()) {
        return text;
      }
      ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
      return instance == null || instance.getBusinessKey() == null ? "" : instance.getBusinessKey();
    });
  }

  private static String subject(Recipient recipient, List<Line> lines, LocalDate day) {
    String when = Texts.format(day, recipient.language());
    return lines.size() == 1
        ? recipient.say("mail.digest.subjectOne", when)
        : recipient.say("mail.digest.subjectMany", lines.size(), when);
  }

  private String body(Recipient recipient, List<Line> lines, LocalDate day) {
    StringBuilder text = new StringBuilder(recipient.greeting()).append("\n\n")
        .append(lines.size() == 1 ? recipient.say("mail.digest.introOne")
            : recipient.say("mail.digest.introMany", lines.size()))
        .append("\n\n");
    lines.stream().limit(MAX_LISTED).forEach(line -> text.append(line.text(day, properties, recipient)));
    if (lines.size() > MAX_LISTED) {
      text.append(recipient.say("mail.digest.more", lines.size() - MAX_LISTED, properties.tasklistUrl()))
          .append("\n\n");
    }
    return text.toString();
  }

  private record Line(Task task, String grantReference, boolean assigned) {

    String text(LocalDate day, NotificationProperties properties, Recipient reader) {
      LocalDate due = Texts.day(task.getDueDate());
      long late = ChronoUnit.DAYS.between(due, day);
      String grant = grantReference == null || grantReference.isEmpty() ? "" : "[" + grantReference + "] ";
      return "- " + grant + TaskNotifications.taskName(task.getTaskDefinitionKey(), task.getName(), reader.language())
          + reader.say("mail.digest.due", Texts.format(due, reader.language()))
          + (late <= 0 ? reader.say("mail.digest.today") : late == 1 ? reader.say("mail.digest.oneDayLate")
              : reader.say("mail.digest.daysLate", late))
          + reader.say(assigned ? "mail.digest.assigned" : "mail.digest.unclaimed") + "\n  "
          + properties.taskUrl(task.getId()) + "\n"
          + (grant.isEmpty() ? "" : "  " + reader.say("mail.digest.grantPage", properties.grantPageUrl(grantReference)) + "\n");
    }
  }
}
