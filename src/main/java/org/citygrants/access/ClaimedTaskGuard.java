package org.citygrants.access;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.citygrants.process.ParseListeners;
import org.citygrants.process.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A task someone has claimed is theirs to complete: a colleague who completes it anyway (the
 * engine only asks whether they may work on the task, which every candidate may) is refused in
 * words, and may take it over first ({@link TaskHandOver}) when the holder is away. Checked in the
 * completion itself, as a complete listener of every user task, whatever carried the request.
 * Administrators, the engine's own work (no signed-in user) and the application's use cases
 * ({@link SystemAccess}) pass.
 */
@Component
public class ClaimedTaskGuard extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ClaimedTaskGuard.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addUserTaskListener(configuration, TaskListener.EVENTNAME_COMPLETE, userTask -> true,
        ClaimedTaskGuard::onlyItsHolderCompletes);
  }

  static void onlyItsHolderCompletes(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    if (context == null || SystemAccess.isActive()) {
      return;
    }
    String person = context.getAuthenticatedUserId();
    List<String> groups = context.getAuthenticatedGroupIds();
    String holder = task.getAssignee();
    if (person == null || holder == null || holder.equals(person)
        || (groups != null && groups.contains(Groups.CAMUNDA_ADMIN))) {
      return;
    }
    String message = "This task is being worked on by " + nameOf(task, holder)
        + ". Ask them to finish it, or take it over first if they are away.";
    log.info("Refused: {} may not complete task {} held by {}", person, task.getId(), holder);
    throw new HeldByAnother(message);
  }

  /**
   * The refusal, as the engine's authorisation refusal (403 over REST). The engine wraps what a task
   * listener throws; {@code EngineInputPolicy} hands this one back unwrapped ({@link #unwrapped}).
   */
  static final class HeldByAnother extends AuthorizationException {
    HeldByAnother(String message) {
      super(message);
    }
  }

  /** The refusal behind an exception the engine wrapped, or the exception itself. */
  static RuntimeException unwrapped(RuntimeException failure) {
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof HeldByAnother refused) {
        return refused;
      }
    }
    return failure;
  }

  private static String nameOf(DelegateTask task, String userId) {
    User user = SystemAccess.run(task.getProcessEngine().getProcessEngineConfiguration(), () ->
        task.getProcessEngineServices().getIdentityService().createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return "a colleague";
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? "a colleague" : name;
  }
}
