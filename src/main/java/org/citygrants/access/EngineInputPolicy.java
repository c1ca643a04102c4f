package org.citygrants.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.RefusalLogging;
import org.citygrants.process.SystemAccess;
import org.citygrants.validation.FormInputValidator;
import org.citygrants.validation.FormSchema;
import org.citygrants.validation.RefusalMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a person may ask of the engine, enforced inside it: a command interceptor sees every
 * command a signed-in person sends, whatever carried it (Tasklist, Cockpit, the engine REST API
 * under any spelling of its paths, the webapps' copy of it, the Java API), before the engine runs
 * it. For everyone but administrators:
 * <ul>
 *   <li>the operation must be one the person's groups may ask for ({@link Roles#ENGINE_OPERATIONS});
 *       anything else is refused ({@link AuthorizationException}, 403 over REST), unnamed commands
 *       included: deny by default;</li>
 *   <li>a task completion or a process start may set only the fields of that step's Camunda Form,
 *       as plain values (text, number, true/false): any other name is refused, naming it
 *       ({@link InputRejectedException}, 400 over REST); a read-only field of the form is dropped,
 *       since the form shows it without letting the person change it. The form's own rules are
 *       then checked by {@code FormValidationPlugin}.</li>
 *   <li>a task changes hands (an assignment, a release, a claim made for someone else) only as
 *       {@link TaskHandOver} allows: within the group the task is offered to, by its members or its
 *       leads, never to someone the task excludes (four eyes, which holds for administrators too);
 *       the engine's refusal of a claim or a completion is put into words.</li>
 * </ul>
 * Commands the engine runs inside another command (delegates, listeners), commands without a
 * signed-in user (the job executor, start-up) and the application's own calls through
 * {@link SystemAccess} are not the person's input and pass; the engine's authorisations still apply.
 */
@Component
public class EngineInputPolicy extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineInputPolicy.class);

  /** Value types a Camunda Form field produces. */
  private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "short", "integer", "long", "double", "null");

  private final FormInputValidator forms;
  private final ObjectProvider<RoleAuthorizations> memberships;

  public EngineInputPolicy(FormInputValidator forms, ObjectProvider<RoleAuthorizations> memberships) {
    this.forms = forms;
    this.memberships = memberships;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new Guard(configuration));
  }

  private final class Guard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private final TaskAssignmentGuard tasks;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
      this.tasks = new TaskAssignmentGuard(configuration);
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() == null && (command instanceof CreateMembershipCmd
          || command instanceof DeleteMembershipCmd)) {
        return changeMembership(command);
      }
      if (Context.getCommandContext() == null && !SystemAccess.isActive()) {
        Authentication person = configuration.getIdentityService().getCurrentAuthentication();
        if (person != null && person.getUserId() != null) {
          try {
            return asPerson(command, person);
          } catch (RuntimeException failure) {
            InputRejectedException refused = RefusalLogging.refusal(failure);
            if (refused != null) {
              log.info("Refused input from {} on {}: field '{}': {}", person.getUserId(), SubmittedForm.target(command),
                  refused.getField(), refused.getMessage());
            }
            throw ClaimedTaskGuard.unwrapped(failure);
          }
        }
      }
      return next.execute(command);
    }

    private <T> T asPerson(Command<T> command, Authentication person) {
      check(command, person);
      Optional<TaskAssignmentGuard.HandOver> handOver = TaskAssignmentGuard.of(command, person.getUserId());
      if (handOver.isPresent()) {
        // the engine's TASK_WORK lets a candidate claim but not release or reassign: the
        // application decides who may move a task to whom (TaskHandOver), then moves it
        tasks.check(handOver.get(), person);
        return SystemAccess.run(configuration, () -> next.execute(command));
      }
      String taskId = TaskAssignmentGuard.workedOn(command);
      if (taskId != null) {
        tasks.checkAdministratorNotExcluded(taskId, person);
        try {
          return next.execute(command);
        } catch (AuthorizationException refused) {
          throw tasks.inWords(refused, taskId, person);
        }
      }
      return next.execute(command);
    }

    /**
     * A membership created or deleted (in Admin, by a seed): what follows from it is kept by
     * {@link RoleAuthorizations#memberJoined} and {@link RoleAuthorizations#memberLeft}. The person's
     * own rights were checked by the engine (only administrators manage memberships).
     */
    private <T> T changeMembership(Command<T> command) {
      Authentication person = configuration.getIdentityService().getCurrentAuthentication();
      if (person != null && person.getUserId() != null && !SystemAccess.isActive()) {
        check(command, person);
      }
      T result = next.execute(command);
      String userId = SubmittedForm.field(command, "userId");
      String groupId = SubmittedForm.field(command, "groupId");
      RoleAuthorizations roles = memberships.getIfAvailable();
      if (userId != null && groupId != null && roles != null) {
        if (command instanceof CreateMembershipCmd) {
          roles.memberJoined(userId, groupId);
        } else {
          roles.memberLeft(userId, groupId);
        }
      }
      return result;
    }

    private void check(Command<?> command, Authentication person) {
      if (person.getGroupIds() != null && person.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
        return;
      }
      EngineOperation operation = EngineOperation.of(command);
      if (!Roles.mayAsk(operation, person.getGroupIds())) {
        log.info("Refused: {} may not {} ({})", person.getUserId(), operation.description(), command.getClass().getName());
        throw new AuthorizationException("You may not " + operation.description()
            + ": a grant changes only through its forms, by starting a process or completing a task.");
      }
      SubmittedForm.of(command).ifPresent(submitted -> {
        Map<String, Object> variables = submitted.variables();
        if (variables == null || variables.isEmpty()) {
          return;
        }
        StepForm step = SystemAccess.run(configuration, () -> submitted.form(configuration));
        if (step == StepForm.UNKNOWN) {
          return; // no such task or process: the engine answers for itself
        }
        Map<String, Object> kept = fieldsOnly(step, variables);
        if (kept.size() != variables.size()) {
          submitted.replaceVariables(kept);
        }
      });
    }
  }

  /**
   * The submitted values that are the form's editable fields; refuses any other name and any value
   * that is not plain, drops read-only fields.
   */
  private Map<String, Object> fieldsOnly(StepForm step, Map<String, Object> variables) {
    FormSchema form = step.formId() == null ? null : forms.schema(step.formId());
    Map<String, Object> kept = new LinkedHashMap<>();
    for (String name : variables.keySet()) {
      // typed as sent: a serialized object stays serialized (reading its value would fail)
      Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      if (form == null) {
        throw new InputRejectedException(name, RefusalMessages.text("form.none", shown(name)));
      }
      if (form.isReadOnly(name)) {
        continue;
      }
      if (!form.isEditable(name)) {
        throw new InputRejectedException(name, RefusalMessages.text("form.notAField", shown(name), form.formId()));
      }
      if (!isPlain(value)) {
        throw new InputRejectedException(name, RefusalMessages.text("form.notPlain", name));
      }
      kept.put(name, value);
    }
    return kept;
  }

  private static boolean isPlain(Object value) {
    if (value instanceof TypedValue typed) {
      // a Java value put without a type (the Java API) is untyped: judge the value itself
      return typed.getType() == null ? isPlain(typed.getValue()) : PLAIN_TYPES.contains(typed.getType().getName());
    }
    return value == null || value instanceof String || value instanceof Boolean || value instanceof Short
        || value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
        || value instanceof java.math.BigDecimal;
  }

  private static String shown(String name) {
    return name.length() <= 60 ? name : name.substring(0, 60) + "...";
  }

  /** The Camunda Form of a task or start event: its id, none ({@code formId} null), or no such step. */
  record StepForm(String formId) {
    static final StepForm UNKNOWN = new StepForm("\u0000unknown");
    static final StepForm NONE = new StepForm(null);
  }
}
