package org.citygrants.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine calls the application makes on its own authority, once one of its use cases has checked
 * who may do what (an officer stops a grant, a manager moves a coach, a city user's completion
 * grants its coach read access): they run without the signed-in person's authorisation checks and
 * are not held to the engine's input policy, which governs what people send. The person stays
 * the engine's authenticated user, so the user operation log still names them.
 *
 * <p>Inside a running engine command (a delegate, a listener) the work joins that command; outside
 * it runs as one new command that joins the caller's transaction. Nothing a client sends can open
 * this scope: only Java code of the application calls it.
 */
public final class SystemAccess {

  private static final ThreadLocal<Integer> DEPTH = new ThreadLocal<>();

  private SystemAccess() {}

  /** Whether the current thread is inside {@link #run}. */
  public static boolean isActive() {
    return DEPTH.get() != null;
  }

  public static <T> T run(ProcessEngineConfiguration configuration, Supplier<T> work) {
    Integer depth = DEPTH.get();
    DEPTH.set(depth == null ? 1 : depth + 1);
    try {
      CommandContext context = Context.getCommandContext();
      if (context != null) {
        return context.runWithoutAuthorization(work::get);
      }
      return ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired()
          .execute(command -> command.runWithoutAuthorization(work::get));
    } finally {
      if (depth == null) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  public static void run(ProcessEngineConfiguration configuration, Runnable work) {
    run(configuration, () -> {
      work.run();
      return null;
    });
  }
}
