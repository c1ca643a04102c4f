package org.citygrants.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.UnknownLedgerKeyException;

/**
 * What a grant is at one moment, to show that a refused request changed nothing: its variables,
 * its open tasks (with who holds them), its process instances, its register row and its ledger
 * statement.
 */
record GrantSnapshot(Map<String, Object> variables, List<String> tasks, List<String> instances,
    GrantRegister.GrantRecord record, GrantStatement statement) {

  static GrantSnapshot of(String grant, String mainInstance, RuntimeService runtimeService, TaskService taskService,
      GrantRegister register, LedgerService ledger) {
    List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).list().stream()
        .map(instance -> instance.getId() + " " + instance.getProcessDefinitionId() + " " + instance.isSuspended())
        .sorted().toList();
    Map<String, Object> variables = runtimeService.createProcessInstanceQuery().processInstanceId(mainInstance).count() == 0
        ? Map.of() : new TreeMap<>(runtimeService.getVariables(mainInstance));
    List<String> tasks = taskService.createTaskQuery().processInstanceBusinessKey(grant).list().stream()
        .map(task -> task.getId() + " " + task.getTaskDefinitionKey() + " " + task.getAssignee() + " " + task.getName()
            + " " + task.getDueDate() + " " + task.getOwner())
        .sorted().toList();
    GrantStatement statement;
    try {
      statement = ledger.statement(grant);
    } catch (UnknownLedgerKeyException notAwarded) {
      statement = null;
    }
    return new GrantSnapshot(variables, tasks, instances, register.find(grant).orElse(null), statement);
  }
}
