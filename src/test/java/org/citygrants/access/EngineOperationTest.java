package org.citygrants.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.NativeTaskQueryImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * How the engine-side policy names what a command asks for, who may ask for it, and that it can
 * read the values a completion or a start carries: without an engine, so a Camunda upgrade that
 * renames a command or one of its fields fails here first.
 */
class EngineOperationTest {

  @Test
  void commandsAreNamedByWhatTheyDo() {
    assertThat(EngineOperation.of(new TaskQueryImpl())).isEqualTo(EngineOperation.READ);
    assertThat(EngineOperation.of(new GetTaskFormVariablesCmd("t", null, true))).isEqualTo(EngineOperation.READ);
    assertThat(EngineOperation.of(new CompleteTaskCmd("t", Map.of()))).isEqualTo(EngineOperation.WORK_ON_TASK);
    assertThat(EngineOperation.of(new SubmitTaskFormCmd("t", Map.of(), false, false))).isEqualTo(EngineOperation.WORK_ON_TASK);
    assertThat(EngineOperation.of(new ClaimTaskCmd("t", "lyon"))).isEqualTo(EngineOperation.WORK_ON_TASK);
    assertThat(EngineOperation.of(new AddCommentCmd("t", null, "hello"))).isEqualTo(EngineOperation.COMMENT);
    assertThat(EngineOperation.of(new SubmitStartFormCmd("d", null, Map.of()))).isEqualTo(EngineOperation.START_PROCESS);
    assertThat(EngineOperation.of(new SetTaskVariablesCmd("t", Map.of("coach", "lyon"), false)))
        .isEqualTo(EngineOperation.WRITE_VARIABLES);
    assertThat(EngineOperation.of(new HandleTaskBpmnErrorCmd("t", "GRANT_STOPPED")))
        .isEqualTo(EngineOperation.THROW_BPMN_ERROR);
    assertThat(EngineOperation.of(new ModifyProcessInstanceCmd(null))).isEqualTo(EngineOperation.MODIFY_INSTANCE);
    assertThat(EngineOperation.of(new StartProcessInstanceAtActivitiesCmd(null)))
        .isEqualTo(EngineOperation.START_WITH_INSTRUCTIONS);
    assertThat(EngineOperation.of(new CorrelateMessageCmd(
        new MessageCorrelationBuilderImpl(mock(CommandExecutor.class), "EarlyStopRequested"), false, false, false)))
        .isEqualTo(EngineOperation.CORRELATE_MESSAGE);
    assertThat(EngineOperation.of(new SetJobRetriesCmd("j", null, 3, null, false))).isEqualTo(EngineOperation.JOBS_AND_INCIDENTS);
    assertThat(EngineOperation.of(new DeployCmd(null))).isEqualTo(EngineOperation.DEPLOY);
    assertThat(EngineOperation.of(new NativeTaskQueryImpl((CommandExecutor) null)))
        .as("hand-written SQL escapes the authorisation checks").isEqualTo(EngineOperation.ADMINISTER);
    Command<Void> unnamed = context -> null;
    assertThat(EngineOperation.of(unnamed)).as("deny by default").isEqualTo(EngineOperation.OTHER);
  }

  @Test
  void peopleMayWorkOnTasksAndStartProcessesButNothingAroundTheForms() {
    List<String> city = List.of("city-lyon");
    List<String> officer = List.of("programme-officers");
    for (EngineOperation allowed : List.of(EngineOperation.READ, EngineOperation.WORK_ON_TASK,
        EngineOperation.START_PROCESS, EngineOperation.COMMENT)) {
      assertThat(Roles.mayAsk(allowed, city)).as("%s", allowed).isTrue();
    }
    for (EngineOperation refused : List.of(EngineOperation.WRITE_VARIABLES, EngineOperation.THROW_BPMN_ERROR,
        EngineOperation.MODIFY_INSTANCE, EngineOperation.START_WITH_INSTRUCTIONS, EngineOperation.CORRELATE_MESSAGE,
        EngineOperation.JOBS_AND_INCIDENTS, EngineOperation.DEPLOY, EngineOperation.CHANGE_TASK,
        EngineOperation.EVALUATE_DECISION, EngineOperation.ADMINISTER, EngineOperation.OTHER)) {
      assertThat(Roles.mayAsk(refused, city)).as("city: %s", refused).isFalse();
      assertThat(Roles.mayAsk(refused, officer)).as("officer: %s", refused).isFalse();
      assertThat(Roles.mayAsk(refused, List.of("camunda-admin"))).as("admin: %s", refused).isTrue();
    }
    assertThat(Roles.mayAsk(EngineOperation.MODIFY_INSTANCE, null)).isFalse();
  }

  @Test
  void theValuesOfACompletionOrAStartCanBeReadAndCut() {
    Map<String, Object> values = new HashMap<>(Map.of("hypotheses", "h", "coach", "lyon"));
    SubmittedForm completion = SubmittedForm.of(new CompleteTaskCmd("task-1", values)).orElseThrow();
    assertThat(completion.variables()).containsOnlyKeys("hypotheses", "coach");
    completion.replaceVariables(Map.of("hypotheses", "h"));
    assertThat(completion.variables()).containsOnlyKeys("hypotheses");
    assertThat(completion.<String>read(completion.command, "taskId")).isEqualTo("task-1");

    SubmittedForm submitted = SubmittedForm.of(new SubmitTaskFormCmd("task-2", values, false, false)).orElseThrow();
    assertThat(submitted.variables()).containsKeys("coach");
    SubmittedForm startForm = SubmittedForm.of(new SubmitStartFormCmd("definition", null, values)).orElseThrow();
    assertThat(startForm.variables()).containsKeys("coach");
    assertThat(startForm.<String>read(startForm.command, "processDefinitionId")).isEqualTo("definition");

    ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl)
        ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "city-grant")
            .setVariables(Variables.fromMap(values));
    SubmittedForm start = SubmittedForm.of(new StartProcessInstanceCmd(builder)).orElseThrow();
    assertThat(start.variables()).containsOnlyKeys("hypotheses", "coach");
    start.replaceVariables(Map.of("coach", "lyon"));
    assertThat(builder.getVariables()).containsOnlyKeys("coach");

    assertThat(SubmittedForm.of(new ClaimTaskCmd("t", "lyon"))).isEmpty();
  }

  @Test
  void aFieldThatCannotBeReadRefusesTheCommand() {
    SubmittedForm completion = SubmittedForm.of(new CompleteTaskCmd("task-1", Map.of())).orElseThrow();
    assertThatThrownBy(() -> completion.read(completion.command, "renamedInANewCamunda"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("refused");
  }
}
