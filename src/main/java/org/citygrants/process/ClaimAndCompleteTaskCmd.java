package org.citygrants.process;

import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A task's completion with what must come before it in the same engine command: the person's
 * checks and, for a group task, the claim (issue 17). It is the engine's own completion command, so
 * whatever guards completions (access.EngineInputPolicy: the operation, the form's fields and rules,
 * before anything changes) guards this one; the engine checks the claim's and the completion's
 * rights as always, and flushes once, when the command ends.
 */
final class ClaimAndCompleteTaskCmd extends CompleteTaskCmd {

  private static final long serialVersionUID = 1L;

  private final transient Runnable beforeCompletion;

  ClaimAndCompleteTaskCmd(String taskId, Map<String, Object> variables, Runnable beforeCompletion) {
    super(taskId, variables);
    this.beforeCompletion = beforeCompletion;
  }

  @Override
  public VariableMap execute(CommandContext commandContext) {
    beforeCompletion.run();
    return super.execute(commandContext);
  }
}
