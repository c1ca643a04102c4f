package org.citygrants.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.citygrants.identity.IdentitySeed.FilterSpec;
import org.citygrants.identity.IdentitySeed.TaskQuerySpec;

/** Builds the task query and the Tasklist properties of a saved filter from its spec. */
final class TaskFilterQueries {

  /** Sort keys usable in {@code sort: [dueDate asc, created desc]}. */
  private static final Map<String, Function<TaskQuery, TaskQuery>> SORT_KEYS = Map.of(
      "dueDate", TaskQuery::orderByDueDate,
      "followUpDate", TaskQuery::orderByFollowUpDate,
      "created", TaskQuery::orderByTaskCreateTime,
      "lastUpdated", TaskQuery::orderByLastUpdated,
      "priority", TaskQuery::orderByTaskPriority,
      "name", TaskQuery::orderByTaskName,
      "assignee", TaskQuery::orderByTaskAssignee);

  private TaskFilterQueries() {}

  /**
   * The filter's query; {@code member} (or null) replaces {@link FilterSpec#MEMBER} in process
   * variable values.
   */
  static TaskQuery query(TaskService taskService, TaskQuerySpec spec, List<String> sort, String member) {
    TaskQuery q = taskService.createTaskQuery();
    apply(q, spec.assignee(), TaskQuery::taskAssignee, TaskQuery::taskAssigneeExpression);
    apply(q, spec.candidateUser(), TaskQuery::taskCandidateUser, TaskQuery::taskCandidateUserExpression);
    apply(q, spec.involvedUser(), TaskQuery::taskInvolvedUser, TaskQuery::taskInvolvedUserExpression);
    List<String> groups = spec.candidateGroups();
    if (groups.size() == 1 && isExpression(groups.get(0))) {
      q.taskCandidateGroupInExpression(groups.get(0));
    } else if (!groups.isEmpty()) {
      q.taskCandidateGroupIn(groups);
    }
    if (Boolean.TRUE.equals(spec.includeAssigned())) {
      q.includeAssignedTasks(); // needs a candidate criterion, set above
    }
    if (!spec.taskDefinitionKeyIn().isEmpty()) {
      q.taskDefinitionKeyIn(spec.taskDefinitionKeyIn().toArray(String[]::new));
    }
    if (!spec.processDefinitionKeyIn().isEmpty()) {
      q.processDefinitionKeyIn(spec.processDefinitionKeyIn().toArray(String[]::new));
    }
    spec.processVariables().forEach((name, value) ->
        q.processVariableValueEquals(name, member != null && FilterSpec.MEMBER.equals(value) ? member : value));
    for (String key : sort) {
      String[] parts = key.trim().split("\\s+");
      Function<TaskQuery, TaskQuery> orderBy = SORT_KEYS.get(parts[0]);
      if (orderBy == null) {
        throw new IllegalArgumentException("unknown filter sort key '" + parts[0] + "', use one of " + SORT_KEYS.keySet());
      }
      boolean descending = parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).startsWith("desc");
      TaskQuery ordered = orderBy.apply(q);
      if (descending) {
        ordered.desc();
      } else {
        ordered.asc();
      }
    }
    return q;
  }

  /** Tasklist's filter properties: description, priority, color, refresh and variable columns. */
  static Map<String, Object> properties(FilterSpec spec, IdentitySeed.FilterDefaults defaults) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (spec.description() != null) {
      properties.put("description", spec.description());
    }
    properties.put("priority", spec.priority() == null ? 0 : spec.priority());
    if (spec.color() != null) {
      properties.put("color", spec.color());
    }
    Boolean refresh = spec.refresh() != null ? spec.refresh() : defaults.refresh();
    properties.put("refresh", Boolean.TRUE.equals(refresh));
    var columns = spec.variables() != null ? spec.variables() : defaults.variables();
    List<Map<String, String>> variables = new ArrayList<>();
    if (columns != null) {
      columns.forEach(c -> variables.add(Map.of("name", c.name(), "label", c.label())));
    }
    properties.put("variables", variables);
    return properties;
  }

  static List<String> sort(FilterSpec spec, IdentitySeed.FilterDefaults defaults) {
    if (spec.sort() != null) {
      return spec.sort();
    }
    return defaults.sort() == null ? List.of() : defaults.sort();
  }

  private static void apply(TaskQuery q, String value,
      BiFunction<TaskQuery, String, TaskQuery> literal, BiFunction<TaskQuery, String, TaskQuery> expression) {
    if (value != null) {
      (isExpression(value) ? expression : literal).apply(q, value);
    }
  }

  private static boolean isExpression(String value) {
    return value.startsWith("${") || value.startsWith("#{");
  }
}
