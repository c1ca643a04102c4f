package org.citygrants.process;

import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that starts processes, correlates messages and completes tasks on behalf of a
 * person: REST controllers, the cohort view, demo seeding, the benchmark and tests go through
 * it, so every call carries the person's identity (initiator, four eyes, audit trail).
 */
@Service
public class ProcessGateway {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ProcessEngineConfiguration configuration;

  public ProcessGateway(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
      ProcessEngineConfiguration configuration) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.configuration = configuration;
  }

  /** A city team member applies for a grant: the application variables are the start form's. */
  public ProcessInstance applyForGrant(String userId, Map<String, Object> application) {
    return as(userId, () -> runtimeService.startProcessInstanceByKey(CityGrantProcess.PROCESS_ID, application));
  }

  /**
   * Starts the handling of a change to a grant (grant-change) as the person who asked, on the
   * application's authority: the caller (grant.change.GrantChanges) checked who they are to the
   * grant and what they ask; the person stays the authenticated user, so the history names them.
   */
  public ProcessInstance startGrantChange(String userId, String grantReference, Map<String, Object> variables) {
    return as(userId, () -> SystemAccess.run(configuration, () -> runtimeService.startProcessInstanceByKey(
        GrantChangeProcess.PROCESS_ID, grantReference, variables)));
  }

  /** Ends a change's instance that can no longer be decided (its grant stopped or ended), on the application's authority. */
  public void endGrantChange(String processInstanceId, String reason) {
    SystemAccess.run(configuration, () -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
        runtimeService.deleteProcessInstance(processInstanceId, reason, true);
      }
      return null;
    });
  }

  /** Writes variables of a grant's own instance (a change applied to it), on the application's authority. */
  public void setGrantVariables(String grantInstanceId, Map<String, Object> variables) {
    SystemAccess.run(configuration, () -> {
      runtimeService.setVariables(grantInstanceId, variables);
      return null;
    });
  }

  /** A variable of a grant's own instance, read on the application's authority; null when absent. */
  public Object grantVariable(String grantInstanceId, String name) {
    return SystemAccess.run(configuration, () -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(grantInstanceId).count() == 0 ? null : runtimeService.getVariable(grantInstanceId, name));
  }

  /** A programme manager launches a cohort: one city grant per city code. */
  public ProcessInstance launchProgramme(String userId, String programmeName, List<String> cityCodes) {
    return as(userId, () -> runtimeService.startProcessInstanceByKey(ProgrammeProcess.PROCESS_ID, Map.of(
        ProgrammeProcess.PROGRAMME_NAME.name(), programmeName,
        ProgrammeProcess.COHORT_CITIES.name(), String.join(", ", cityCodes))));
  }

  /**
   * Completes a task as the given person, claiming it first when it is still a group task; the
   * person must be its assignee or one of its candidates.
   *
   * <p>One engine command (issue 17): the read, the checks, the claim and the completion share one
   * command context, so the task is read and its rights checked once, and the engine flushes once
   * at the end, as a bare engine's completion does; before, each was a command of its own with its
   * own authorisation prelude, re-select and flush. A colleague's completion of the same task at
   * the same moment now surfaces as the engine's optimistic-locking failure when this command ends:
   * it is answered as before, a {@link ConcurrentChangeException} (409).
   */
  @Transactional
  public void completeTask(String userId, String taskId, Map<String, Object> variables) {
    Task[] seen = new Task[1];
    try {
      as(userId, () -> ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired()
          .execute(new ClaimAndCompleteTaskCmd(taskId, variables, () -> checkAndClaim(userId, taskId, seen))));
    } catch (TaskNotAvailableException e) {
      throw e;
    } catch (ProcessEngineException e) {
      // the engine wraps a task listener's refusal; callers get the refusal itself
      if (Refusals.refusal(e).isPresent()) {
        throw (RuntimeException) Refusals.refusal(e).get();
      }
      if (seen[0] != null && Refusals.concurrentWrite(e)) {
        // a colleague (or the same person in another tab) completed or claimed it at the same moment
        throw new ConcurrentChangeException(seen[0], e);
      }
      if (seen[0] != null && e instanceof AuthorizationException && gone(taskId)) {
        throw new ConcurrentChangeException(seen[0], e);
      }
      throw e;
    }
  }

  /** Inside the completion's command: the task as this person sees it, the checks, the claim of a group task. */
  private void checkAndClaim(String userId, String taskId, Task[] seen) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      Task hidden = SystemAccess.run(configuration, () -> taskService.createTaskQuery().taskId(taskId).singleResult());
      throw new TaskNotAvailableException(hidden == null ? Words.say("refused.task.gone")
          : Words.say("refused.task.notYours", nameOf(hidden)));
    }
    seen[0] = task;
    if (task.isSuspended()) {
      // the grant is paused (grant.pause): its tasks wait for the resume
      throw new TaskNotAvailableException(org.citygrants.language.Words.say("pause.taskOfPausedGrant", task.getName()));
    }
    if (task.getAssignee() == null) {
      if (!candidate(task, userId)) {
        // a task claimed or completed meanwhile is no longer an unassigned candidate's either
        if (gone(taskId) || claimedMeanwhile(taskId)) {
          throw new ConcurrentChangeException(task, null);
        }
        throw new TaskNotAvailableException(Words.say("refused.task.notYours", nameOf(task)));
      }
      try {
        taskService.claim(taskId, userId);
      } catch (AuthorizationException e) {
        // a task completed by someone else meanwhile takes its permissions with it
        throw gone(taskId) ? new ConcurrentChangeException(task, e) : e;
      } catch (ProcessEngineException e) {
        // a candidate's claim of an unassigned task fails only when someone claimed or completed it meanwhile
        throw new ConcurrentChangeException(task, e);
      }
    } else if (!task.getAssignee().equals(userId)) {
      throw new TaskNotAvailableException(Words.say("refused.task.colleague", nameOf(task)));
    }
  }

  /**
   * Whether the person is a candidate of the unassigned task, from the task's identity links the
   * command has loaded already (a candidate user, or a candidate group the person is in), without a
   * candidate query of its own. The engine's authorisation of the claim decides again.
   */
  private boolean candidate(Task task, String userId) {
    org.camunda.bpm.engine.impl.identity.Authentication current = identityService.getCurrentAuthentication();
    List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    return ((TaskEntity) task).getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(link -> userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())));
  }

  private boolean claimedMeanwhile(String taskId) {
    return SystemAccess.run(configuration, () -> taskService.createTaskQuery().taskId(taskId).taskAssigned().count() == 1);
  }

  private boolean gone(String taskId) {
    return SystemAccess.run(configuration, () -> taskService.createTaskQuery().taskId(taskId).count() == 0);
  }

  /** Whether the grant is paused (grant.pause): its instance suspended, so it takes no message and hands no task over. */
  public boolean paused(String grantReference) {
    return SystemAccess.run(configuration, () -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(grantReference).processDefinitionKey(CityGrantProcess.PROCESS_ID).suspended()
        .count() > 0);
  }

  /**
   * Stops a grant as the given officer: the {@code EarlyStopRequested} message with the reason.
   * The application stops a grant on its own authority once its early-stop use case has checked the
   * officer and the grant (grant.EarlyStop): officers hold no right to edit instances. The officer
   * stays the authenticated user, so the user operation log names them.
   *
   * @throws InputRejectedException when the grant is already being stopped and settled
   */
  public void stopGrant(String userId, String grantReference, String reason) {
    if (paused(grantReference)) {
      // a suspended instance takes no message: the officer resumes the grant first (grant.pause)
      throw new InputRejectedException("grantReference",
          org.citygrants.language.Words.say("pause.stopWhilePaused", grantReference));
    }
    try {
      as(userId, () -> SystemAccess.run(configuration, () -> runtimeService
          .createMessageCorrelation(CityGrantProcess.MESSAGE_EARLY_STOP)
          .processInstanceBusinessKey(grantReference)
          .setVariable(CityGrantProcess.EARLY_STOP_REASON.name(), reason)
          .setVariable(CityGrantProcess.STOPPED_BY.name(), userId)
          .correlateWithResult()));
    } catch (MismatchingMessageCorrelationException e) {
      throw new InputRejectedException("grantReference", Words.say("refused.stop.alreadyStopping", grantReference));
    }
  }

  /**
   * A grant's coach changes: its coach tasks still open go to the new coach, those of the grant's
   * own instance and of the instances started for it (a change waiting for the coach's agreement,
   * {@code grant-change}, whose business key is the grant's reference), and so does the {@code coach}
   * variable the forms and later steps read. The caller checked that the person may decide it.
   *
   * @return the ids of the tasks handed over
   */
  public List<String> handOverCoachTasks(String grantInstanceId, String grantReference, String previousCoach,
      String newCoach) {
    return SystemAccess.run(configuration, () -> {
      runtimeService.setVariable(grantInstanceId, CityGrantProcess.COACH.name(), newCoach);
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grantReference)
          .processDefinitionKey(GrantChangeProcess.PROCESS_ID).active().list()
          .forEach(change -> runtimeService.setVariable(change.getId(), CityGrantProcess.COACH.name(), newCoach));
      if (previousCoach == null) {
        return List.of();
      }
      java.util.Set<String> moved = new java.util.LinkedHashSet<>();
      taskService.createTaskQuery().processInstanceId(grantInstanceId).taskAssignee(previousCoach).list()
          .forEach(task -> moved.add(task.getId()));
      taskService.createTaskQuery().processInstanceBusinessKey(grantReference).taskAssignee(previousCoach).list()
          .forEach(task -> moved.add(task.getId()));
      moved.forEach(taskId -> taskService.setAssignee(taskId, newCoach));
      return List.copyOf(moved);
    });
  }

  /**
   * Runs {@code work} on a paused grant as if it were running, in the caller's transaction: the
   * grant's suspended instances (its own, those it called, those started for it) are activated,
   * {@code work} runs, and they are suspended again before anything is committed, so no job
   * executor ever sees them active and no deadline moves. For what a pause must not hold up, such
   * as handing a departed coach's tasks to the next one. On a running grant {@code work} just runs.
   */
  public <T> T withPausedGrantActive(String grantReference, Supplier<T> work) {
    List<String> suspended = SystemAccess.run(configuration, () -> {
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      java.util.Deque<String> next = new java.util.ArrayDeque<>();
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grantReference).list()
          .forEach(instance -> next.add(instance.getId()));
      while (!next.isEmpty()) {
        String id = next.poll();
        if (seen.add(id)) {
          runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list()
              .forEach(called -> next.add(called.getId()));
        }
      }
      return seen.isEmpty() ? List.<String>of() : runtimeService.createProcessInstanceQuery()
          .processInstanceIds(seen).suspended().list().stream().map(ProcessInstance::getId).toList();
    });
    SystemAccess.run(configuration, () -> {
      suspended.forEach(id -> runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate());
      return null;
    });
    try {
      return work.get();
    } finally {
      SystemAccess.run(configuration, () -> {
        suspended.forEach(id -> runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend());
        return null;
      });
    }
  }

  private <T> T as(String userId, Supplier<T> action) {
    // the caller may already act as someone (a REST request's user): put that back afterwards
    Authentication previous = identityService.getCurrentAuthentication();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }

  /** The task is gone, taken by someone else, or not this person's. */
  public static class TaskNotAvailableException extends RuntimeException {
    public TaskNotAvailableException(String message) {
      super(message);
    }

    TaskNotAvailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Someone else claimed or completed the task at the same moment (the engine's optimistic locking
   * or a concurrent claim refused the change); nothing of this attempt was kept.
   */
  /** A task's name as the person acting reads it (the models' translation in their language). */
  private static String nameOf(Task task) {
    return Words.taskName(task.getTaskDefinitionKey(), task.getName(), ReaderLanguage.current());
  }

  public static class ConcurrentChangeException extends TaskNotAvailableException {
    ConcurrentChangeException(Task task, Throwable cause) {
      super(Words.say("refused.task.concurrent", nameOf(task)), cause);
    }
  }
}
