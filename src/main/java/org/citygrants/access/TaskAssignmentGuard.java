package org.citygrants.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.access.TaskHandOver.TaskFacts;
import org.citygrants.process.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine side of {@link TaskHandOver}, used by {@link EngineInputPolicy}: recognises the
 * commands that give a task to someone (an assignment, a release, a claim made for someone else),
 * reads the facts the rule needs as the application, and answers a refusal with an
 * {@link AuthorizationException} in words. Also puts the engine's own refusal of a claim or a
 * completion of a task into words (the engine names permissions and ids).
 */
final class TaskAssignmentGuard {

  private static final Logger log = LoggerFactory.getLogger(TaskAssignmentGuard.class);

  /** A command that gives a task to {@code newAssignee} (null: back to its group). */
  record HandOver(String taskId, String newAssignee) {}

  private final ProcessEngineConfigurationImpl configuration;

  TaskAssignmentGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /**
   * The hand-over a command asks for: {@code setAssignee} (Tasklist's assignee field and Unclaim,
   * REST {@code /assignee} and {@code /unclaim}), or a claim for someone other than the person
   * (the engine would let any candidate claim a task for anybody, or for nobody).
   */
  static Optional<HandOver> of(Command<?> command, String userId) {
    if (command instanceof AssignTaskCmd) {
      return Optional.of(new HandOver(SubmittedForm.field(command, "taskId"), SubmittedForm.field(command, "userId")));
    }
    if (command instanceof ClaimTaskCmd) {
      String claimant = SubmittedForm.field(command, "userId");
      if (!userId.equals(claimant)) {
        return Optional.of(new HandOver(SubmittedForm.field(command, "taskId"), claimant));
      }
    }
    return Optional.empty();
  }

  /** The task a person works on with this command (a claim for themselves, a completion), if any. */
  static String workedOn(Command<?> command) {
    if (command instanceof ClaimTaskCmd || command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      return SubmittedForm.field(command, "taskId");
    }
    return null;
  }

  /**
   * Refuses the hand-over unless {@link TaskHandOver} allows it. Administrators may move any task,
   * but not to someone it excludes (four eyes holds for everyone). A task that does not exist is
   * left to the engine to answer.
   */
  void check(HandOver handOver, Authentication person) {
    if (handOver.taskId() == null) {
      return;
    }
    boolean administrator = isAdministrator(person);
    TaskFacts task = facts(handOver.taskId());
    if (task == null) {
      return;
    }
    if (!administrator && !sees(handOver.taskId())) {
      refuse(person, handOver, task.excludedUsers().contains(person.getUserId())
          ? TaskHandOver.exclusion(task.definitionKey(), true)
          : "You cannot see this task, so you cannot take it over, hand it over or release it.");
    }
    String newAssignee = handOver.newAssignee();
    if (administrator) {
      if (newAssignee != null && task.excludedUsers().contains(newAssignee)) {
        refuse(person, handOver, TaskHandOver.exclusion(task.definitionKey(), newAssignee.equals(person.getUserId())));
      }
      return;
    }
    Set<String> actorGroups = person.getGroupIds() == null ? Set.of() : Set.copyOf(person.getGroupIds());
    Optional<String> refusal = TaskHandOver.refusal(person.getUserId(), actorGroups, task, newAssignee,
        newAssignee == null ? Set.of() : groupsOf(newAssignee));
    if (refusal.isPresent()) {
      refuse(person, handOver, refusal.get());
    }
  }

  /** An administrator's claim of a task that excludes them (they hold every permission, so the engine would let it pass). */
  void checkAdministratorNotExcluded(String taskId, Authentication person) {
    if (taskId != null && isAdministrator(person) && excludedUsers(taskId).contains(person.getUserId())) {
      TaskFacts task = facts(taskId);
      throw new AuthorizationException(TaskHandOver.exclusion(task == null ? null : task.definitionKey(), true));
    }
  }

  /**
   * The engine's refusal of a claim or completion of this task, in words: the reason the task
   * excludes the person (four eyes), or that the task is not theirs. A refusal about anything but
   * this task is returned as it is.
   */
  AuthorizationException inWords(AuthorizationException refused, String taskId, Authentication person) {
    List<MissingAuthorization> missing = refused.getMissingAuthorizations();
    boolean aboutThisTask = missing != null && missing.stream().anyMatch(m -> taskId.equals(m.getResourceId()));
    if (!aboutThisTask) {
      return refused;
    }
    String message;
    if (excludedUsers(taskId).contains(person.getUserId())) {
      TaskFacts task = facts(taskId);
      message = TaskHandOver.exclusion(task == null ? null : task.definitionKey(), true);
    } else {
      message = "This task is not offered to you, so you cannot claim or complete it.";
    }
    log.info("Refused: {} may not work on task {}: {}", person.getUserId(), taskId, message);
    AuthorizationException inWords = new AuthorizationException(message);
    inWords.initCause(refused);
    return inWords;
  }

  private void refuse(Authentication person, HandOver handOver, String message) {
    log.info("Refused: {} may not give task {} to {}: {}", person.getUserId(), handOver.taskId(),
        handOver.newAssignee() == null ? "its group" : handOver.newAssignee(), message);
    throw new AuthorizationException(message);
  }

  /** Whether the person reads the task (asked as them, with their authorisations). */
  private boolean sees(String taskId) {
    return configuration.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
  }

  /** The task's candidates, holder and exclusions, read as the application; null when there is no such task. */
  private TaskFacts facts(String taskId) {
    return SystemAccess.run(configuration, () -> {
      Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return null;
      }
      Set<String> groups = new TreeSet<>();
      Set<String> users = new TreeSet<>();
      for (IdentityLink link : configuration.getTaskService().getIdentityLinksForTask(taskId)) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          } else if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
        }
      }
      Map<String, String> names = new LinkedHashMap<>();
      if (!groups.isEmpty()) {
        configuration.getIdentityService().createGroupQuery().groupIdIn(groups.toArray(String[]::new)).list()
            .forEach(group -> names.put(group.getId(), group.getName()));
      }
      return new TaskFacts(task.getTaskDefinitionKey(), task.getAssignee(), groups, users, excludedUsers(taskId), names);
    });
  }

  /**
   * The people a task excludes: the users with a revoke authorisation on it (the requester of a
   * payment, on its approval; see {@code GrantAccessService.excludeFromTask}).
   */
  private Set<String> excludedUsers(String taskId) {
    return SystemAccess.run(configuration, () -> configuration.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).resourceType(Resources.TASK).resourceId(taskId).list()
        .stream().map(Authorization::getUserId).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet()));
  }

  private Set<String> groupsOf(String userId) {
    return SystemAccess.run(configuration, () -> configuration.getIdentityService().createGroupQuery()
        .groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toUnmodifiableSet()));
  }

  static boolean isAdministrator(Authentication person) {
    return person.getGroupIds() != null && person.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }
}
