package org.citygrants.process;

import java.util.ArrayList;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds the application's BPMN parse listeners to the engine's, before or after its own. */
public final class ParseListeners {

  private ParseListeners() {}

  public static void addBeforeTheEngines(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(listener);
  }

  public static void addAfterTheEngines(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener);
  }

  /**
   * Adds {@code listener} as a built-in task listener for {@code event} ("create", "complete") to
   * every user task the predicate accepts, in every process the engine deploys.
   */
  public static void addUserTaskListener(ProcessEngineConfigurationImpl configuration, String event,
      Predicate<ActivityImpl> userTasks, TaskListener listener) {
    addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (userTasks.test(activity)) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .addBuiltInTaskListener(event, listener);
        }
      }
    });
  }
}
