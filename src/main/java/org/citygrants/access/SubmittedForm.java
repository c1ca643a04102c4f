package org.citygrants.access;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.citygrants.access.EngineInputPolicy.StepForm;

/**
 * The values a person submits with a command that completes a task or starts a process, and the
 * form of that step. The engine keeps these in its commands' fields, not behind getters; a field
 * that cannot be read (a Camunda upgrade renamed it) refuses the command rather than let it
 * through unchecked, and {@code SubmittedFormTest} names the fields this depends on.
 */
abstract class SubmittedForm {

  /** The submission a command carries, if it completes a task or starts a process. */
  static Optional<SubmittedForm> of(Object command) {
    if (command instanceof CompleteTaskCmd) {
      return Optional.of(new OfTask(command, "variables"));
    }
    if (command instanceof SubmitTaskFormCmd) {
      return Optional.of(new OfTask(command, "properties"));
    }
    if (command instanceof SubmitStartFormCmd) {
      return Optional.of(new OfStartForm(command));
    }
    if (command instanceof StartProcessInstanceCmd) {
      return Optional.of(new OfStart(command));
    }
    return Optional.empty();
  }

  /** For a log line: the task or process definition a command acts on, as the command names it. */
  static String target(Object command) {
    for (String field : new String[] {"taskId", "processDefinitionId", "processDefinitionKey"}) {
      try {
        Object value = field(command, field);
        if (value != null) {
          return (field.equals("taskId") ? "task " : "process ") + value;
        }
      } catch (RuntimeException noSuchField) {
        // not this kind of command
      }
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
      return "process " + (builder.getProcessDefinitionKey() != null ? builder.getProcessDefinitionKey()
          : builder.getProcessDefinitionId());
    }
    return command.getClass().getSimpleName();
  }

  final Object command;

  SubmittedForm(Object command) {
    this.command = command;
  }

  abstract Map<String, Object> variables();

  abstract void replaceVariables(Map<String, Object> kept);

  /** The step's form; runs inside an engine command, without the person's authorisation checks. */
  abstract StepForm form(ProcessEngineConfigurationImpl configuration);

  static StepForm formOf(FormData data) {
    CamundaFormRef ref = data == null ? null : data.getCamundaFormRef();
    return ref == null ? StepForm.NONE : new StepForm(ref.getKey());
  }

  /** A field of an engine command; a field that cannot be read refuses the command. */
  @SuppressWarnings("unchecked")
  static <T> T field(Object command, String name) {
    try {
      return (T) field(command.getClass(), name).get(command);
    } catch (ReflectiveOperationException | RuntimeException e) {
      AuthorizationException refused = new AuthorizationException(
          "The command cannot be checked, so it is refused (" + command.getClass().getSimpleName() + "." + name + ").");
      refused.initCause(e);
      throw refused;
    }
  }

  @SuppressWarnings("unchecked")
  final <T> T read(Object target, String name) {
    return field(target, name);
  }

  final void write(Object target, String name, Object value) {
    try {
      field(target.getClass(), name).set(target, value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw unreadable(name, e);
    }
  }

  private static Field field(Class<?> of, String name) throws NoSuchFieldException {
    for (Class<?> type = of; type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException next) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(name);
  }

  private AuthorizationException unreadable(String name, Exception cause) {
    AuthorizationException refused = new AuthorizationException(
        "The submission cannot be checked, so it is refused (" + command.getClass().getSimpleName() + "." + name + ").");
    refused.initCause(cause);
    return refused;
  }

  /** A task completion ({@code complete}) or form submission ({@code submit-form}). */
  static final class OfTask extends SubmittedForm {
    private final String variablesField;

    OfTask(Object command, String variablesField) {
      super(command);
      this.variablesField = variablesField;
    }

    @Override
    Map<String, Object> variables() {
      return read(command, variablesField);
    }

    @Override
    void replaceVariables(Map<String, Object> kept) {
      write(command, variablesField, Variables.fromMap(kept));
    }

    @Override
    StepForm form(ProcessEngineConfigurationImpl configuration) {
      String taskId = read(command, "taskId");
      TaskEntity task = taskId == null ? null : Context.getCommandContext().getTaskManager().findTaskById(taskId);
      if (task == null) {
        return StepForm.UNKNOWN;
      }
      // the task's form as modelled (camunda:formRef): one read of the task, nothing else
      TaskDefinition definition = task.getTaskDefinition();
      Expression formKey = definition == null ? null : definition.getCamundaFormDefinitionKey();
      if (formKey == null) {
        return StepForm.NONE;
      }
      String key = formKey.getExpressionText();
      return key.contains("${") || key.contains("#{")
          ? formOf(configuration.getFormService().getTaskFormData(taskId)) : new StepForm(key);
    }
  }

  /** A start with a form submission ({@code process-definition/.../submit-form}). */
  static final class OfStartForm extends SubmittedForm {
    OfStartForm(Object command) {
      super(command);
    }

    @Override
    Map<String, Object> variables() {
      return read(command, "variables");
    }

    @Override
    void replaceVariables(Map<String, Object> kept) {
      write(command, "variables", Variables.fromMap(kept));
    }

    @Override
    StepForm form(ProcessEngineConfigurationImpl configuration) {
      String definitionId = read(command, "processDefinitionId");
      return startForm(configuration, configuration.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionId(definitionId).singleResult());
    }
  }

  /** A start ({@code process-definition/.../start}, {@code RuntimeService.startProcessInstance...}). */
  static final class OfStart extends SubmittedForm {
    OfStart(Object command) {
      super(command);
    }

    private ProcessInstantiationBuilderImpl builder() {
      return read(command, "instantiationBuilder");
    }

    @Override
    Map<String, Object> variables() {
      return builder().getVariables();
    }

    @Override
    void replaceVariables(Map<String, Object> kept) {
      VariableMap variables = (VariableMap) builder().getVariables();
      variables.keySet().retainAll(kept.keySet());
    }

    @Override
    StepForm form(ProcessEngineConfigurationImpl configuration) {
      ProcessInstantiationBuilderImpl builder = builder();
      ProcessDefinition definition;
      if (builder.getProcessDefinitionId() != null) {
        definition = configuration.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionId(builder.getProcessDefinitionId()).singleResult();
      } else {
        ProcessDefinitionQuery query = configuration.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(builder.getProcessDefinitionKey()).latestVersion();
        String tenant = builder.getProcessDefinitionTenantId();
        definition = (tenant == null ? query : query.tenantIdIn(tenant)).list().stream().findFirst().orElse(null);
      }
      return startForm(configuration, definition);
    }
  }

  static StepForm startForm(ProcessEngineConfigurationImpl configuration, ProcessDefinition definition) {
    if (definition == null) {
      return StepForm.UNKNOWN;
    }
    FormService forms = configuration.getFormService();
    return formOf(forms.getStartFormData(definition.getId()));
  }
}
