package org.citygrants.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Test-only engine plugin recording every flow node entered and every sequence flow taken, per
 * process, across all tests of the run; {@code ProcessCoverageTest} asserts 100% at the end.
 */
@Component
public class ProcessCoverage extends AbstractProcessEnginePlugin {

  private static final Map<String, Set<String>> COVERED = new ConcurrentHashMap<>();

  public static Set<String> covered(String processKey) {
    return COVERED.getOrDefault(processKey, Set.of());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        instrument(processDefinition.getKey(), processDefinition);
      }
    });
  }

  private static void instrument(String processKey, ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      String id = activity.getId();
      if (!id.contains("#")) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, execution -> record(processKey, id));
      }
      for (PvmTransition outgoing : activity.getOutgoingTransitions()) {
        TransitionImpl transition = (TransitionImpl) outgoing;
        String flowId = transition.getId();
        transition.addExecutionListener(execution -> record(processKey, flowId));
      }
      instrument(processKey, activity);
    }
  }

  private static void record(String processKey, String elementId) {
    COVERED.computeIfAbsent(processKey, k -> ConcurrentHashMap.newKeySet()).add(elementId);
  }
}
