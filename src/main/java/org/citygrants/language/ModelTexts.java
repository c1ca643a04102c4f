package org.citygrants.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The names people read from the process models in their language: the process's name (Tasklist's
 * "Start process"), each user task's name and description (the task list, the task, mails) and
 * each start event's name. The model ({@code bpmn/<process>.bpmn}) holds the English, as modellers
 * edit it; each other language is a file beside it, {@code bpmn/i18n/<process id>_<language>.properties},
 * keyed by element id:
 *
 * <pre>
 * city-grant.name=Subvention d'expérimentation pour une ville
 * Task_AcceptAward.name=Accepter la subvention
 * Task_AcceptAward.documentation=L'équipe de la ville lit les conditions ...
 * </pre>
 *
 * A description with an expression ({@code ${spendingFlag}}) keeps it in the translation: the
 * value the engine put in the English description goes into the same place of the translation.
 */
public class ModelTexts {

  /**
   * The one instance, also the Spring bean ({@link LanguageConfiguration}): the mails' and pages'
   * static wording ({@link Words#taskName}) reads the same files through it.
   */
  private static final ModelTexts SHARED = new ModelTexts();

  public static ModelTexts shared() {
    return SHARED;
  }

  /** Where the translation files are, on the classpath (the top-level {@code bpmn/} folder). */
  public static final String FOLDER = "bpmn/i18n";
  /** The models whose texts are translated. */
  static final String MODELS = "classpath*:bpmn/*.bpmn";

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private static final Pattern VARIABLE = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  private final Map<String, Map<String, String>> files = new ConcurrentHashMap<>();
  private volatile Map<String, Map<String, String>> english;

  /** A user task's name in a language; empty when the language has none (English: the model's). */
  public Optional<String> taskName(String processDefinitionKey, String taskDefinitionKey, Locale language) {
    return text(processDefinitionKey, taskDefinitionKey + ".name", language);
  }

  /**
   * A user task's name in a language, its process unknown (a task id is unique across the models,
   * see ModelTranslationsTest); empty when no model has it or the language has no translation.
   */
  public Optional<String> taskName(String taskDefinitionKey, Locale language) {
    String key = taskDefinitionKey + ".name";
    return englishTexts().entrySet().stream()
        .filter(model -> model.getValue().containsKey(key))
        .map(model -> text(model.getKey(), key, language))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** A process's name in a language, as "Start process" lists it. */
  public Optional<String> processName(String processDefinitionKey, Locale language) {
    return text(processDefinitionKey, processDefinitionKey + ".name", language);
  }

  /**
   * A task's description in a language, given the description the engine wrote from the model's
   * English documentation (with its expressions' values); empty when there is no translation or the
   * description is not the model's (someone rewrote it).
   */
  public Optional<String> taskDescription(String processDefinitionKey, String taskDefinitionKey, String description,
      Locale language) {
    return taskDescription(processDefinitionKey, taskDefinitionKey, description, language, variable -> Optional.empty());
  }

  /**
   * The same, with the value of an expression that names a variable ({@code ${spendingFlag}}) taken
   * from {@code valueInLanguage} where it has one (the variable's words in the reader's language),
   * else as the engine wrote it into the description.
   */
  public Optional<String> taskDescription(String processDefinitionKey, String taskDefinitionKey, String description,
      Locale language, Function<String, Optional<String>> valueInLanguage) {
    String key = taskDefinitionKey + ".documentation";
    Optional<String> translation = text(processDefinitionKey, key, language);
    String template = englishTexts(processDefinitionKey).get(key);
    if (translation.isEmpty() || template == null || description == null) {
      return Optional.empty();
    }
    return fill(template, translation.get(), description, valueInLanguage);
  }

  /** The variables a task's description names in expressions ({@code ${spendingFlag}}: spendingFlag). */
  public List<String> variablesInDescription(String processDefinitionKey, String taskDefinitionKey) {
    String template = englishTexts(processDefinitionKey).get(taskDefinitionKey + ".documentation");
    List<String> names = new ArrayList<>();
    if (template != null) {
      Matcher expression = EXPRESSION.matcher(template);
      while (expression.find()) {
        variableOf(expression.group()).ifPresent(names::add);
      }
    }
    return names;
  }

  /** The variable an expression is ({@code ${spendingFlag}}), if it is one and no more. */
  private static Optional<String> variableOf(String expression) {
    Matcher variable = VARIABLE.matcher(expression);
    return variable.matches() ? Optional.of(variable.group(1)) : Optional.empty();
  }

  /** One text of a model in a language ({@code "Task_AcceptAward.name"}). */
  public Optional<String> text(String processDefinitionKey, String key, Locale language) {
    return Optional.ofNullable(translations(processDefinitionKey, language).get(key));
  }

  /** The translations of a model for a language, by key; empty for English and a language without its file. */
  public Map<String, String> translations(String processDefinitionKey, Locale language) {
    if (processDefinitionKey == null || language == null
        || Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
      return Map.of();
    }
    return files.computeIfAbsent(processDefinitionKey + "_" + language.getLanguage(),
        file -> TranslationFile.texts(FOLDER, processDefinitionKey, language));
  }

  /**
   * The texts of a model people read, by process id and then by translation key, in the model's
   * order: the process's name, each user task's name and documentation, each start event's name.
   */
  public static Map<String, Map<String, String>> texts(BpmnModelInstance model) {
    Map<String, Map<String, String>> byProcess = new LinkedHashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      Map<String, String> texts = new LinkedHashMap<>();
      put(texts, process.getId() + ".name", process.getName());
      for (UserTask task : all(process, UserTask.class)) {
        put(texts, task.getId() + ".name", task.getName());
        put(texts, task.getId() + ".documentation", documentation(task));
      }
      for (StartEvent start : all(process, StartEvent.class)) {
        put(texts, start.getId() + ".name", start.getName());
      }
      byProcess.put(process.getId(), texts);
    }
    return byProcess;
  }

  /** The English texts of the deployed models ({@code bpmn/*.bpmn}), by process id. */
  public Map<String, Map<String, String>> englishTexts() {
    Map<String, Map<String, String>> texts = english;
    if (texts == null) {
      texts = new LinkedHashMap<>();
      try {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(MODELS)) {
          try (InputStream in = resource.getInputStream()) {
            texts.putAll(texts(Bpmn.readModelFromStream(in)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      english = texts = Map.copyOf(texts);
    }
    return texts;
  }

  private Map<String, String> englishTexts(String processDefinitionKey) {
    return englishTexts().getOrDefault(processDefinitionKey, Map.of());
  }

  /**
   * The translation with each expression replaced by the value it had in the description written
   * from the English template; empty when the description does not follow the template.
   */
  static Optional<String> fill(String englishTemplate, String translation, String description) {
    return fill(englishTemplate, translation, description, variable -> Optional.empty());
  }

  static Optional<String> fill(String englishTemplate, String translation, String description,
      Function<String, Optional<String>> valueInLanguage) {
    StringBuilder regex = new StringBuilder();
    Matcher expression = EXPRESSION.matcher(englishTemplate);
    List<String> names = new ArrayList<>();
    int end = 0;
    while (expression.find()) {
      regex.append(Pattern.quote(englishTemplate.substring(end, expression.start()))).append("(.*?)");
      names.add(expression.group());
      end = expression.end();
    }
    regex.append(Pattern.quote(englishTemplate.substring(end)));
    Matcher written = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(description.strip());
    if (!written.matches()) {
      return Optional.empty();
    }
    String filled = translation;
    for (int i = 0; i < names.size(); i++) {
      String writtenValue = written.group(i + 1);
      String value = variableOf(names.get(i)).flatMap(valueInLanguage).orElse(writtenValue);
      filled = filled.replace(names.get(i), value);
    }
    return Optional.of(filled);
  }

  private static <T extends ModelElementInstance> Collection<T> all(Process process, Class<T> type) {
    return process.getModelInstance().getModelElementsByType(type).stream()
        .filter(element -> processOf(element) == process).toList();
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  private static String documentation(BaseElement element) {
    return element.getDocumentations().stream().map(Documentation::getTextContent).map(String::strip)
        .filter(text -> !text.isEmpty()).findFirst().orElse(null);
  }

  private static void put(Map<String, String> texts, String key, String text) {
    if (text != null && !text.isBlank()) {
      texts.put(key, text.strip());
    }
  }
}
