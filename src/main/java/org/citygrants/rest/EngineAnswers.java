package org.citygrants.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.citygrants.language.FilterTexts;
import org.citygrants.language.FormTexts;
import org.citygrants.language.Languages;
import org.citygrants.language.ModelTexts;
import org.citygrants.language.Words;
import org.citygrants.process.WordedVariable;

/**
 * The engine REST API's answers that Tasklist shows a person, in that person's language: Camunda
 * Forms (a task's and a start event's deployed form), tasks (names and descriptions, in the task
 * list of a filter, a task query or one task, plain JSON or HAL), process definitions ("Start
 * process") and the filters themselves, and the variables a form or a task list shows that Java
 * wrote in words ({@link WordedVariable}: the reader's language's copy in place of the English).
 * Only texts change; ids, keys, other values and the shape of the answer stay as the engine wrote them.
 */
public class EngineAnswers {

  /** Which answer a request gets, by its path under the API's root. */
  public enum Kind { FORM, FORM_VARIABLES, TASKS, PROCESS_DEFINITIONS, FILTERS }

  /**
   * The values of variables as the tasks of an answer see them (their execution's, else their
   * process instance's): the words in the reader's language that Java wrote beside the English
   * ({@code spendingFlag_fr}, {@link WordedVariable}), for the columns and descriptions of a task list.
   */
  @FunctionalInterface
  public interface TaskVariables {

    /** A task of the answer, and the variables wanted for it. */
    record Wanted(String taskId, String executionId, String processInstanceId, Set<String> names) {}

    /** The values found (strings), by task id and variable name; a variable not set is left out. */
    Map<String, Map<String, String>> of(List<Wanted> wanted);

    TaskVariables NONE = wanted -> Map.of();
  }

  private static final String ONE = "[^/]+";
  private static final String DEFINITION = "(?:key/" + ONE + "(?:/tenant-id/" + ONE + ")?|" + ONE + ")";
  /** In this order: the first that matches. */
  private static final List<Map.Entry<Pattern, Kind>> PATHS = List.of(
      Map.entry(Pattern.compile("task/" + ONE + "/deployed-form"), Kind.FORM),
      Map.entry(Pattern.compile("task/" + ONE + "/form-variables"), Kind.FORM_VARIABLES),
      Map.entry(Pattern.compile("process-definition/" + DEFINITION + "/form-variables"), Kind.FORM_VARIABLES),
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
  private final TaskVariables taskVariables;

  public EngineAnswers(FormTexts forms, ModelTexts models, FilterTexts filters,
      Function<String, Optional<String>> processKeyOfDefinition) {
    this(forms, models, filters, processKeyOfDefinition, TaskVariables.NONE);
  }

  /**
   * @param processKeyOfDefinition the process key of a process definition id, for a task whose
   *     answer does not carry its process definition
   * @param taskVariables the words in the reader's language of the variables a task list shows
   */
  public EngineAnswers(FormTexts forms, ModelTexts models, FilterTexts filters,
      Function<String, Optional<String>> processKeyOfDefinition, TaskVariables taskVariables) {
    this.forms = forms;
    this.models = models;
    this.filters = filters;
    this.processKeyOfDefinition = processKeyOfDefinition;
    this.taskVariables = taskVariables;
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
      case FORM_VARIABLES -> formVariables(json, language);
      case TASKS -> tasks(json, language);
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

  /**
   * A form's variables ({@code name: {type, value, valueInfo}}): a variable that Java wrote in words
   * has its value in the reader's language where a copy {@code <name>_<language>} is among them
   * (Tasklist asks a Camunda Form for all the task's variables); the copies themselves are left out.
   */
  private static void formVariables(JsonNode json, Locale language) {
    if (!(json instanceof ObjectNode variables)) {
      return;
    }
    List<String> names = new ArrayList<>();
    variables.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String copy = WordedVariable.nameIn(name, language);
      if (!copy.equals(name) && variables.get(copy) instanceof ObjectNode inLanguage
          && inLanguage.path("value").isTextual()) {
        variables.set(name, inLanguage.deepCopy());
      }
    }
    String suffix = "_" + language.getLanguage();
    names.stream().filter(name -> name.endsWith(suffix) && variables.has(name.substring(0, name.length() - suffix.length())))
        .forEach(variables::remove);
  }

  /** A task, a list of tasks or a HAL answer with embedded tasks and process definitions. */
  private void tasks(JsonNode json, Locale language) {
    Map<String, String> keysOfDefinitions = new HashMap<>();
    List<ObjectNode> tasks = new ArrayList<>();
    if (json.isArray()) {
      each(json, tasks::add);
    } else if (json instanceof ObjectNode task && task.has("taskDefinitionKey")) {
      tasks.add(task);
    } else {
      embeddedDefinitions(json, language, keysOfDefinitions);
      each(json.path("_embedded").path("task"), tasks::add);
    }
    tasks.forEach(task -> embeddedDefinitions(task, language, keysOfDefinitions));
    Map<String, Map<String, String>> inLanguage = wordsInLanguage(tasks, language, keysOfDefinitions);
    tasks.forEach(task -> task(task, language, keysOfDefinitions,
        inLanguage.getOrDefault(task.path("id").asText(), Map.of())));
  }

  /**
   * The words in the reader's language of the variables the tasks show: the columns of a task list
   * ({@code _embedded.variable}) and the variables their descriptions name, asked for all tasks at once.
   */
  private Map<String, Map<String, String>> wordsInLanguage(List<ObjectNode> tasks, Locale language,
      Map<String, String> keysOfDefinitions) {
    if (Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
      return Map.of();
    }
    List<TaskVariables.Wanted> wanted = new ArrayList<>();
    for (ObjectNode task : tasks) {
      Set<String> names = new LinkedHashSet<>();
      for (JsonNode variable : task.path("_embedded").path("variable")) {
        if (variable.path("value").isTextual()) {
          names.add(WordedVariable.nameIn(variable.path("name").asText(), language));
        }
      }
      String taskKey = task.path("taskDefinitionKey").asText(null);
      if (task.path("description").isTextual() && taskKey != null) {
        models.variablesInDescription(processKey(task, keysOfDefinitions), taskKey)
            .forEach(name -> names.add(WordedVariable.nameIn(name, language)));
      }
      if (!names.isEmpty() && task.hasNonNull("id")) {
        wanted.add(new TaskVariables.Wanted(task.path("id").asText(), task.path("executionId").asText(null),
            task.path("processInstanceId").asText(null), names));
      }
    }
    return wanted.isEmpty() ? Map.of() : taskVariables.of(wanted);
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

  private String processKey(ObjectNode task, Map<String, String> keysOfDefinitions) {
    String definitionId = task.path("processDefinitionId").asText(null);
    return definitionId == null ? "" : keysOfDefinitions.computeIfAbsent(definitionId,
        id -> processKeyOfDefinition.apply(id).orElse(""));
  }

  private void task(ObjectNode task, Locale language, Map<String, String> keysOfDefinitions,
      Map<String, String> inLanguage) {
    // the candidate groups Tasklist's task view names ("Chargé·es de programme", not "Programme officers"):
    // the HAL task embeds them beside its identity links (and, in some answers, inside them)
    each(task.path("_embedded").path("group"), group -> groupName(group, language));
    for (JsonNode link : task.path("_embedded").path("identityLink")) {
      each(link.path("_embedded").path("group"), group -> groupName(group, language));
    }
    for (JsonNode variable : task.path("_embedded").path("variable")) {
      String words = inLanguage.get(WordedVariable.nameIn(variable.path("name").asText(), language));
      if (words != null && variable instanceof ObjectNode column && column.path("value").isTextual()) {
        column.put("value", words);
      }
    }
    String definitionId = task.path("processDefinitionId").asText(null);
    String taskKey = task.path("taskDefinitionKey").asText(null);
    if (definitionId == null || taskKey == null) {
      return; // a task of no process (a case, or one an administrator made)
    }
    String processKey = processKey(task, keysOfDefinitions);
    if (task.path("name").isTextual()) {
      models.taskName(processKey, taskKey, language).ifPresent(name -> task.put("name", name));
    }
    if (task.path("description").isTextual()) {
      models.taskDescription(processKey, taskKey, task.get("description").asText(), language,
              variable -> Optional.ofNullable(inLanguage.get(WordedVariable.nameIn(variable, language))))
          .ifPresent(description -> task.put("description", description));
    }
  }

  private static void groupName(ObjectNode group, Locale language) {
    if (group.path("id").isTextual()) {
      String stored = group.path("name").isTextual() ? group.get("name").asText() : group.get("id").asText();
      group.put("name", Words.groupName(group.get("id").asText(), stored, language));
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
