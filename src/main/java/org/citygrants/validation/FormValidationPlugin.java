package org.citygrants.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.citygrants.process.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Validates every user-task completion and every process start that has a Camunda Form against
 * that form's rules, on the server. A parse listener adds the checks to each such element, so a
 * modeller who links a new form gets its validation without touching Java.
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {


  private final FormInputValidator validator;

  public FormValidationPlugin(FormInputValidator validator) {
    this.validator = validator;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addBeforeTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formId = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        if (formId == null || formId.contains("${")) {
          return;
        }
        TaskListener check = task -> {
          Map<String, Object> values = read(task, validator.schema(formId).variableNames());
          task.getExecution().setVariables(validator.validate(formId, values, hidden(values)));
        };
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formId = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        if (formId == null || formId.contains("${") || !(scope instanceof ProcessDefinitionImpl)) {
          return;
        }
        ExecutionListener check = execution -> {
          // a calling process (call activity) passes its own data; the form is for people
          if (execution.getProcessInstance().getSuperExecution() == null) {
            Map<String, Object> values = read(execution, validator.schema(formId).variableNames());
            execution.setVariables(validator.validate(formId, values, hidden(values)));
          }
        };
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, check);
      }
    });
  }

  /**
   * The values of the variables a form's validation reads, from the scope and its parents, unset
   * ones left out; only these are deserialised, not every variable of the grant.
   */
  static Map<String, Object> read(VariableScope scope, Set<String> names) {
    Map<String, Object> values = new HashMap<>();
    for (String name : names) {
      Object value = scope.getVariable(name);
      if (value != null) {
        values.put(name, value);
      }
    }
    return values;
  }

  /**
   * Evaluates a form's {@code conditional.hide} FEEL expression (e.g. {@code =objectiveType != "impact"}),
   * parsed once per rule ({@link HideRules}).
   */
  static Predicate<String> hidden(Map<String, Object> variables) {
    return expression -> HideRules.holds(expression, variables);
  }
}
