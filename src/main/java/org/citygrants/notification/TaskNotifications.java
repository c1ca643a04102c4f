package org.citygrants.notification;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.citygrants.language.Words;
import org.citygrants.notification.NotificationRecipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells people about their new work. The Camunda Spring Boot starter publishes every task event
 * as a Spring event ({@code camunda.bpm.eventing.task}, on by default); on {@code create} the
 * assignee, or else every candidate (members of the candidate groups, candidate users), gets a
 * mail with the task, the grant, the due date and a direct Tasklist link; on {@code assignment}
 * the new assignee does, unless they took the task themselves (a claim).
 *
 * <p>This runs inside the engine's transaction: the notices are only recorded here and mailed
 * after the commit, so a completion that rolls back sends nothing. Nothing here may break the
 * user's work: a failure is logged and the task goes on without a notice.
 */
@Component
public class TaskNotifications {

  private static final Logger LOG = LoggerFactory.getLogger(TaskNotifications.class);
  private static final int DESCRIPTION_LENGTH = 600;

  private final NotificationMail mail;
  private final NotificationService notifications;
  private final NotificationRecipients recipients;
  private final NotificationProperties properties;
  private final IdentityService identityService;

  public TaskNotifications(NotificationMail mail, NotificationService notifications, NotificationRecipients recipients,
      NotificationProperties properties, IdentityService identityService) {
    this.mail = mail;
    this.notifications = notifications;
    this.recipients = recipients;
    this.properties = properties;
    this.identityService = identityService;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (!mail.isEnabled()) {
      return;
    }
    String event = task.getEventName();
    if (!TaskListener.EVENTNAME_CREATE.equals(event) && !TaskListener.EVENTNAME_ASSIGNMENT.equals(event)) {
      return;
    }
    try {
      if (TaskListener.EVENTNAME_CREATE.equals(event)) {
        taskCreated(task);
      } else {
        taskAssigned(task);
      }
    } catch (RuntimeException e) {
      LOG.warn("No notice for task {} ({}) on {}: {}", task.getId(), task.getName(), event, e.toString(), e);
    }
  }

  private void taskCreated(DelegateTask task) {
    if (task.getAssignee() != null) {
      recipients.user(task.getAssignee(), NotificationRecipients.ASSIGNEE)
          .ifPresent(assignee -> notifyAssignee(task, assignee, true, null));
      return;
    }
    List<Recipient> candidates = recipients.candidates(task.getCandidates());
    TaskFacts facts = facts(task);
    for (Recipient candidate : candidates) {
      notifications.notify("task:" + task.getId() + ":new:" + candidate.userId(), candidate,
          facts.subject(candidate.language()),
          candidate.greeting() + "\n\n"
              + (candidate.via() == null ? candidate.say("mail.task.newForYou")
                  : candidate.say("mail.task.newForGroup", candidate.via())) + "\n\n"
              + facts.block(candidate.language()),
          facts.grantReference());
    }
  }

  private void taskAssigned(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    String actor = currentUser();
    if (assignee.equals(actor)) {
      return; // a claim: they know
    }
    recipients.user(assignee, NotificationRecipients.ASSIGNEE)
        .ifPresent(recipient -> notifyAssignee(task, recipient, false, actor));
  }

  /** One notice per task and assignee: the create and assignment events of a new task share it. */
  private void notifyAssignee(DelegateTask task, Recipient assignee, boolean created, String assignedBy) {
    TaskFacts facts = facts(task);
    String opening = created
        ? assignee.say("mail.task.assignedNew")
        : assignedBy == null ? assignee.say("mail.task.assignedNow")
        : assignee.say("mail.task.assignedBy", recipients.displayName(assignedBy));
    notifications.notify("task:" + task.getId() + ":assigned:" + assignee.userId(), assignee,
        facts.subject(assignee.language()),
        assignee.greeting() + "\n\n" + opening + "\n\n" + facts.block(assignee.language()), facts.grantReference());
  }

  private TaskFacts facts(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String grantReference = stringVariable(task, "grantReference");
    if (grantReference == null && execution != null) {
      grantReference = execution.getProcessBusinessKey();
    }
    String cityName = stringVariable(task, "cityName");
    return new TaskFacts(task, grantReference, cityName, task.getDueDate(), task.getDescription(),
        properties.taskUrl(task.getId()), grantReference == null ? null : properties.grantPageUrl(grantReference));
  }

  private static String stringVariable(DelegateTask task, String name) {
    Object value = task.getExecution() == null ? null : task.getVariable(name);
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  private String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The name of a task as its reader reads it ({@link Words#taskName}, where the models' translations are wired). */
  static String taskName(String taskDefinitionKey, String engineName, Locale language) {
    return Words.taskName(taskDefinitionKey, engineName, language);
  }

  /** What every task mail says: task, grant, due date, link (and the task's description). */
  private record TaskFacts(DelegateTask task, String grantReference, String cityName, Date due, String description,
      String link, String grantPage) {

    String name(Locale language) {
      return taskName(task.getTaskDefinitionKey(), task.getName(), language);
    }

    String subject(Locale language) {
      return (grantReference == null ? "" : "[" + grantReference + "] ") + name(language)
          + (due == null ? "" : Words.say(language, "mail.task.subjectDue", Texts.format(due, language)));
    }

    String block(Locale language) {
      StringBuilder text = new StringBuilder();
      text.append(Words.say(language, "mail.task.lineTask", name(language))).append('\n');
      if (grantReference != null) {
        text.append(Words.say(language, "mail.task.lineGrant",
            grantReference + (cityName == null ? "" : " (" + cityName + ")"))).append('\n');
      }
      text.append(Words.say(language, "mail.task.lineDue",
          due == null ? Words.say(language, "mail.task.noDueDate") : Texts.format(due, language))).append("\n\n");
      if (StringUtils.hasText(description)) {
        text.append(Texts.fit(description.strip(), DESCRIPTION_LENGTH)).append("\n\n");
      }
      text.append(Words.say(language, "mail.task.open")).append('\n').append(link).append('\n');
      if (grantPage != null) {
        text.append('\n').append(Words.say(language, "mail.task.grantPage")).append('\n').append(grantPage).append('\n');
      }
      return text.toString();
    }
  }
}
