package org.citygrants.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * A person's input the programme refuses ({@link InputRejectedException}) is an answer, not a
 * failure: the engine logs it at debug level instead of an ERROR with a stack trace (as it does
 * for its own bad requests), and {@code access.EngineInputPolicy} writes the one INFO line an
 * operator needs (who, which task or process, which field, why). The same refusal met by the job
 * executor, with nobody signed in, stays an ERROR: nobody was there to read the answer.
 */
@Component
public class RefusalLogging extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandContextFactory factory = new CommandContextFactory() {
      @Override
      public CommandContext createCommandContext() {
        return new CommandContext(processEngineConfiguration) {
          @Override
          protected boolean shouldLogFine(Throwable exception) {
            return super.shouldLogFine(exception) || (getAuthenticatedUserId() != null && refusal(exception) != null);
          }
        };
      }
    };
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
  }

  /** The refusal of a person's input behind this exception, or null. */
  public static InputRejectedException refusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputRejectedException refused) {
        return refused;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
