package org.citygrants.access;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;

/**
 * What a command asks of the engine, as {@link EngineInputPolicy} sees it. Every command a person
 * sends (through Tasklist, Cockpit, the engine REST API or the Java API) is one of these; a command
 * that is none of the named ones is {@link #OTHER}, which only administrators may run. Who may do
 * what is {@link Roles#ENGINE_OPERATIONS}.
 */
public enum EngineOperation {

  READ("read"),
  SIGN_IN("sign in"),
  CHANGE_OWN_ACCOUNT("change a user's profile or password"),
  WORK_ON_TASK("claim or complete a task"),
  REASSIGN_TASK("assign or release a task"),
  COMMENT("comment on a task"),
  START_PROCESS("start a process at its start event"),
  START_WITH_INSTRUCTIONS("start a process elsewhere than at its start event"),
  WRITE_VARIABLES("write variables outside a form"),
  CHANGE_TASK("change a task's properties, people or attachments"),
  THROW_BPMN_ERROR("throw a BPMN error or escalation from a task"),
  MODIFY_INSTANCE("modify, migrate, suspend, restart or delete a process instance"),
  CORRELATE_MESSAGE("send a message or a signal to a process"),
  JOBS_AND_INCIDENTS("act on jobs, external tasks or incidents"),
  DEPLOY("deploy, change or delete a process or decision model"),
  EVALUATE_DECISION("evaluate a decision"),
  ADMINISTER("administer users, groups, authorisations, filters or the engine"),
  OTHER("run an engine command the application does not name");

  private final String description;

  EngineOperation(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  private static final Map<EngineOperation, Set<String>> COMMANDS = Map.ofEntries(
      Map.entry(SIGN_IN, Set.of("CheckPassword", "GetPasswordPolicyCmd")),
      Map.entry(CHANGE_OWN_ACCOUNT, Set.of("SaveUserCmd")),
      Map.entry(WORK_ON_TASK, Set.of("ClaimTaskCmd", "CompleteTaskCmd", "SubmitTaskFormCmd")),
      Map.entry(REASSIGN_TASK, Set.of("AssignTaskCmd")),
      Map.entry(COMMENT, Set.of("AddCommentCmd")),
      Map.entry(START_PROCESS, Set.of("StartProcessInstanceCmd", "SubmitStartFormCmd")),
      Map.entry(START_WITH_INSTRUCTIONS, Set.of("StartProcessInstanceAtActivitiesCmd")),
      Map.entry(WRITE_VARIABLES, Set.of("SetTaskVariablesCmd", "SetExecutionVariablesCmd", "PatchTaskVariablesCmd",
          "PatchExecutionVariablesCmd", "RemoveTaskVariablesCmd", "RemoveExecutionVariablesCmd",
          "SetVariablesToProcessInstancesBatchCmd", "ResolveTaskCmd")),
      Map.entry(CHANGE_TASK, Set.of("SaveTaskCmd", "CreateTaskCmd", "DeleteTaskCmd", "DelegateTaskCmd", "SetTaskOwnerCmd",
          "SetTaskNameCmd", "SetTaskDescriptionCmd", "SetTaskPriorityCmd", "SetTaskDueDateCmd", "SetTaskFollowUpDateCmd",
          "AddUserIdentityLinkCmd", "AddGroupIdentityLinkCmd", "DeleteUserIdentityLinkCmd", "DeleteGroupIdentityLinkCmd",
          "CreateAttachmentCmd", "SaveAttachmentCmd", "DeleteAttachmentCmd", "UpdateCommentCmd", "DeleteTaskCommentCmd",
          "DeleteProcessInstanceCommentCmd")),
      Map.entry(THROW_BPMN_ERROR, Set.of("HandleTaskBpmnErrorCmd", "HandleTaskEscalationCmd")),
      Map.entry(MODIFY_INSTANCE, Set.of("ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
          "ProcessInstanceModificationCmd", "ProcessInstanceModificationBatchCmd", "RestartProcessInstancesCmd",
          "SetProcessDefinitionVersionCmd", "MigrateProcessInstanceCmd", "MigrateProcessInstanceBatchCmd",
          "DeleteProcessInstanceCmd", "DeleteProcessInstancesCmd", "DeleteProcessInstanceBatchCmd",
          "SuspendProcessInstanceCmd", "ActivateProcessInstanceCmd", "UpdateProcessInstancesSuspendStateCmd",
          "UpdateProcessInstancesSuspendStateBatchCmd")),
      Map.entry(CORRELATE_MESSAGE, Set.of("CorrelateMessageCmd", "CorrelateAllMessageCmd", "MessageEventReceivedCmd",
          "SignalCmd", "SignalEventReceivedCmd", "EvaluateStartConditionCmd")),
      Map.entry(JOBS_AND_INCIDENTS, Set.of("ExecuteJobsCmd", "SetJobRetriesCmd", "SetJobsRetriesBatchCmd", "SetJobDuedateCmd",
          "RecalculateJobDuedateCmd", "SetJobPriorityCmd", "SetJobDefinitionPriorityCmd", "SuspendJobCmd", "ActivateJobCmd",
          "SuspendJobDefinitionCmd", "ActivateJobDefinitionCmd", "DeleteJobCmd", "UnlockJobCmd", "CreateIncidentCmd",
          "ResolveIncidentCmd", "SetAnnotationForIncidentCmd", "FetchExternalTasksCmd", "CompleteExternalTaskCmd",
          "HandleExternalTaskFailureCmd", "HandleExternalTaskBpmnErrorCmd", "ExtendLockOnExternalTaskCmd",
          "LockExternalTaskCmd", "UnlockExternalTaskCmd", "SetExternalTaskRetriesCmd", "SetExternalTasksRetriesCmd",
          "SetExternalTaskPriorityCmd")),
      Map.entry(DEPLOY, Set.of("DeployCmd", "DeleteDeploymentCmd", "RegisterDeploymentCmd", "UnregisterDeploymentCmd",
          "DeleteProcessDefinitionsByIdsCmd", "DeleteProcessDefinitionsByKeyCmd", "SuspendProcessDefinitionCmd",
          "ActivateProcessDefinitionCmd", "UpdateProcessDefinitionHistoryTimeToLiveCmd",
          "UpdateDecisionDefinitionHistoryTimeToLiveCmd", "RegisterProcessApplicationCmd",
          "UnregisterProcessApplicationCmd")),
      Map.entry(EVALUATE_DECISION, Set.of("EvaluateDecisionCmd", "EvaluateDecisionTableCmd")));

  /** Engine commands that only read although their names do not say so. */
  private static final Set<String> OTHER_READS = Set.of("AuthorizationCheckCmd", "CreateUserQueryCmd",
      "CreateGroupQueryCmd", "CreateTenantQueryCmd", "ExecuteFilterListCmd", "ExecuteFilterListPageCmd",
      "ExecuteFilterCountCmd", "ExecuteFilterSingleResultCmd", "FindActiveActivityIdsCmd", "DetermineHistoryLevelCmd",
      "IsIdentityServiceReadOnlyCmd", "IsTelemetryEnabledCmd");

  private static final String ENGINE = "org.camunda.bpm.engine.impl.";
  /** The webapps' own list and count queries (Cockpit's process instance lists, Tasklist's and Cockpit's plugins). */
  private static final Set<String> WEBAPP_QUERY_PACKAGES = Set.of("org.camunda.bpm.webapp.impl.db.",
      "org.camunda.bpm.cockpit.impl.plugin.", "org.camunda.bpm.tasklist.impl.plugin.", "org.camunda.bpm.admin.impl.plugin.");

  /** The operation a command stands for. */
  public static EngineOperation of(Object command) {
    if (command instanceof AbstractNativeQuery<?, ?>) {
      return ADMINISTER; // hand-written SQL, outside the authorisation checks
    }
    if (command instanceof AbstractQuery<?, ?>) {
      return READ;
    }
    if (command instanceof org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd) {
      return WORK_ON_TASK; // the engine's completion, or the application's claim-and-complete built on it
    }
    Class<?> type = command.getClass();
    String name = type.getName();
    String simpleName = type.getSimpleName();
    if (name.startsWith(ENGINE)) {
      for (Map.Entry<EngineOperation, Set<String>> operation : COMMANDS.entrySet()) {
        if (operation.getValue().contains(simpleName)) {
          return operation.getKey();
        }
      }
      if (OTHER_READS.contains(simpleName) || (simpleName.startsWith("Get") && simpleName.endsWith("Cmd"))) {
        return READ;
      }
      return OTHER;
    }
    if (WEBAPP_QUERY_PACKAGES.stream().anyMatch(name::startsWith) && simpleName.contains("Query")) {
      return READ;
    }
    return OTHER;
  }
}
