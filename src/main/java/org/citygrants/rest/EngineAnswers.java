package org.citygrants.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.citygrants.language.FilterTexts;
import org.citygrants.language.FormTexts;
import org.citygrants.language.ModelTexts;

/**
 * The engine REST API's answers that Tasklist shows a person, in that person's language: Camunda
 * Forms (a task's and a start event's deployed form), tasks (names and descriptions, in the task
 * list of a filter, a task query or one task, plain JSON or HAL), process definitions ("Start
 * process") and the filters themselves. Only texts change; ids, keys, values and the shape of the
 * answer stay as the engine wrote them.
 */
public class EngineAnswers {

  /** Which answer a request gets, by its path under the API's root. */
  public enum Kind { FORM, TASKS, PROCESS_DEFINITIONS, FILTERS }

  private static final String ONE = "[^/]+";
  private static final String DEFINITION = "(?:key/" + ONE + "(?:/tenant-id/" + ONE + ")?|" + ONE + ")";
  /** In this order: the first that matches. */
  private static final List<Map.Entry<Pattern, Kind>> PATHS = List.of(
      Map.entry(Pattern.compile("task/" + ONE + "/deployed-form"), Kind.FORM),
      Map.entry(Pattern.compile("process-definition/" + DEFINITION + "/deployed-start-form"), Kind.FORM),
      Map.entry(Pattern.compile("task(?:/" + ONE + ")?"), Kind.TASKS),
      Map.entry(Pattern.compile("filter/" + ONE + "/(?:list|singleResult)"), Kind.TASKS),
      Map.entry(Pattern.compile("process-definition(?:/" + DEFINITION + ")?"), Kind.PROCESS_DEFINITIONS),
      Map.entry(Pattern.compile("filter(?:/" + ONE + ")?"), Kind.FILTERS));

  private final ObjectMapper mapper = new ObjectMapper();
  private final FormTexts forms;
  private final ModelTexts models;
  private final FilterTexts filters;
  private final Function<String, Optional<String>> processKeyOfDefinition;

  /**
   * @param processKeyOfDefinition the process key of a process definition id, for a task whose
   *     answer does not carry its process definition
   */
  public EngineAnswers(FormTexts forms, ModelTexts models, FilterTexts filters,
      Function<String, Optional<String>> processKeyOfDefinition) {
    this.forms = forms;
    this.models = models;
    this.filters = filters;
    this.processKeyOfDefinition = processKeyOfDefinition;
  }

  /**
   * What a path under the API's root answers ({@code task/4711/deployed-form}: a form), if it is one
   * of the answers translated; a path that does not match (no answer a person reads) is left alone.
   */
  public static Optional<Kind> kindOf(String pathUnderRoot) {
    String path = pathUnderRoot.replaceAll("/{2,}", "/").replaceAll("^/|/$", "");
    int parameters = path.indexOf(';');
    String bare = parameters < 0 ? path : path.substring(0, parameters);
    return PATHS.stream().filter(entry -> entry.getKey().matcher(bare).matches()).map(Map.Entry::getValue).findFirst();
  }

  /** The answer in the reader's language; the same bytes when nothing in it is translated or it is no JSON. */
  public byte[] translate(Kind kind, byte[] answer, Locale language) {
    if (kind == Kind.FORM) {
      return forms.translate(answer, language);
    }
    JsonNode json;
    try {
      json = mapper.readTree(answer);
    } catch (IOException notJson) {
      return answer;
    }
    if (json == null) {
      return answer;
    }
    switch (kind) {
      case TASKS -> tasks(json, language, new HashMap<>());
      case PROCESS_DEFINITIONS -> each(json, definition -> processDefinition(definition, language));
      case FILTERS -> each(json, filter -> filters.translate(filter, language));
      default -> { }
    }
    try {
      return mapper.writeValueAsBytes(json);
    } catch (IOException e) {
      return answer;
    }
  }

  /** A task, a list of tasks or a HAL answer with embedded tasks and process definitions. */
  private void tasks(JsonNode json, Locale language, Map<String, String> keysOfDefinitions) {
    if (json.isArray()) {
      each(json, task -> task(task, language, keysOfDefinitions));
    } else if (json instanceof ObjectNode task && task.has("taskDefinitionKey")) {
      task(task, language, keysOfDefinitions);
    } else {
      embeddedDefinitions(json, language, keysOfDefinitions);
      each(json.path("_embedded").path("task"), task -> task(task, language, keysOfDefinitions));
    }
  }

  /** The process definitions a HAL answer embeds: translated, and their keys noted for its tasks. */
  private void embeddedDefinitions(JsonNode json, Locale language, Map<String, String> keysOfDefinitions) {
    for (JsonNode definition : json.path("_embedded").path("processDefinition")) {
      keysOfDefinitions.put(definition.path("id").asText(), definition.path("key").asText());
      if (definition instanceof ObjectNode object) {
        processDefinition(object, language);
      }
    }
  }

  private void task(ObjectNode task, Locale language, Map<String, String> keysOfDefinitions) {
    embeddedDefinitions(task, language, keysOfDefinitions);
    String definitionId = task.path("processDefinitionId").asText(null);
    String taskKey = task.path("taskDefinitionKey").asText(null);
    if (definitionId == null || taskKey == null) {
      return; // a task of no process (a case, or one an administrator made)
    }
    String processKey = keysOfDefinitions.computeIfAbsent(definitionId,
        id -> processKeyOfDefinition.apply(id).orElse(""));
    if (task.path("name").isTextual()) {
      models.taskName(processKey, taskKey, language).ifPresent(name -> task.put("name", name));
    }
    if (task.path("description").isTextual()) {
      models.taskDescription(processKey, taskKey, task.get("description").asText(), language)
          .ifPresent(description -> task.put("description", description));
    }
  }

  private void processDefinition(ObjectNode definition, Locale language) {
    if (definition.path("name").isTextual()) {
      models.processName(definition.path("key").asText(), language).ifPresent(name -> definition.put("name", name));
    }
  }

  private static void each(JsonNode json, java.util.function.Consumer<ObjectNode> action) {
    if (json.isArray()) {
      json.forEach(element -> {
        if (element instanceof ObjectNode object) {
          action.accept(object);
        }
      });
    } else if (json instanceof ObjectNode object) {
      action.accept(object);
    }
  }
}
