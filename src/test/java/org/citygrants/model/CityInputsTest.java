package org.citygrants.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every input a city types, and who uses it: a form of someone else that shows it (read-only),
 * Java that reads the variable (delegates, listeners; {@code api/}: an export; {@code notification/}:
 * a mail), an expression of a BPMN or DMN model. An input nobody uses fails the test, and so does a
 * grant asking a city more than {@value #MAX_DISTINCT_INPUTS} distinct inputs. The list is written
 * to {@code target/city-inputs.txt}.
 *
 * <p>City forms: the start form of {@code city-grant} and the forms of its user tasks whose
 * candidate group is the city team. An input asked on several city forms has one key, so the
 * engine prefills it with what the city entered before: it is counted once, never asked twice.
 */
class CityInputsTest {

  /** 43 after issue 14; 45 with the learning activity a city may plan with an experiment (issue 16, both optional). */
  static final int MAX_DISTINCT_INPUTS = 45;
  private static final Path BPMN = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");
  private static final Path JAVA = Path.of("src/main/java/org/citygrants");
  private static final String CITY_TEAM = "${grantRoles.cityTeam(execution)}";
  /** Forms a city meets only on a detour: the simplest grant does not show them. */
  private static final Set<String> DETOURS = Set.of("strengthen-preparation", "revise-activity-plan");
  private static final Set<String> NOT_INPUTS = Set.of("text", "button", "spacer", "separator", "image", "html", "group");
  private static final Pattern HIDDEN_UNLESS_OBJECTIVE = Pattern.compile("=\\s*objectiveType\\s*!=\\s*\"(\\w+)\"\\s*");

  private final ObjectMapper json = new ObjectMapper();

  record Input(String key, String form, boolean required, String hideExpression) {}

  @Test
  void everyCityInputIsUsedAndAGrantAsksAtMostFortyFiveDistinctInputs() throws IOException {
    List<String> cityForms = cityForms();
    Map<String, List<Input>> inputs = new LinkedHashMap<>();
    Map<String, Set<String>> shownOn = new TreeMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        String form = file.getFileName().toString().replace(".form", "");
        for (JsonNode component : components(file)) {
          if (!isInput(component)) {
            continue;
          }
          String key = component.path("key").asText();
          if (isReadOnly(component)) {
            shownOn.computeIfAbsent(key, k -> new TreeSet<>()).add(form);
          } else if (cityForms.contains(form)) {
            inputs.computeIfAbsent(key, k -> new ArrayList<>()).add(new Input(key, form,
                component.path("validate").path("required").asBoolean(false),
                component.path("conditional").path("hide").asText(null)));
          }
        }
      }
    }
    inputs = inFormOrder(inputs, cityForms);
    Map<String, String> javaSources = javaSources();
    Map<String, String> constants = variableConstants(javaSources.get("process/CityGrantProcess.java"));
    String models = modelExpressions();

    StringBuilder report = new StringBuilder("City inputs: key | city forms | used by\n");
    List<String> unused = new ArrayList<>();
    for (Map.Entry<String, List<Input>> entry : inputs.entrySet()) {
      String key = entry.getKey();
      Set<String> askedOn = new LinkedHashSet<>();
      entry.getValue().forEach(input -> askedOn.add(input.form()));
      List<String> uses = new ArrayList<>();
      Set<String> viewers = new TreeSet<>(shownOn.getOrDefault(key, Set.of()));
      viewers.removeAll(askedOn);
      if (!viewers.isEmpty()) {
        uses.add("shown on " + String.join(", ", viewers));
      }
      Set<String> readers = readers(key, constants.get(key), javaSources);
      readers.stream().filter(r -> !r.startsWith("api/") && !r.startsWith("notification/"))
          .reduce((a, b) -> a + ", " + b).ifPresent(r -> uses.add("read by " + r));
      readers.stream().filter(r -> r.startsWith("api/")).reduce((a, b) -> a + ", " + b)
          .ifPresent(r -> uses.add("exported by " + r));
      readers.stream().filter(r -> r.startsWith("notification/")).reduce((a, b) -> a + ", " + b)
          .ifPresent(r -> uses.add("mailed by " + r));
      if (Pattern.compile("\\b" + Pattern.quote(key) + "\\b").matcher(models).find()) {
        uses.add("in a BPMN/DMN expression");
      }
      if (uses.isEmpty()) {
        unused.add(key);
      }
      report.append(key).append(" | ").append(String.join(", ", askedOn)).append(" | ")
          .append(uses.isEmpty() ? "USED NOWHERE" : String.join("; ", uses)).append('\n');
    }

    List<String> simplest = cityForms.stream().filter(f -> !DETOURS.contains(f)).toList();
    int simplestInputs = 0;
    int simplestRequired = 0;
    for (List<Input> asked : inputs.values()) {
      for (Input input : asked) {
        if (simplest.contains(input.form()) && shownForAnImpactGrant(input)) {
          simplestInputs++;
          simplestRequired += input.required() ? 1 : 0;
        }
      }
    }
    report.append(String.format("%nSimplest grant (impact, one experiment, one progress report): %d forms, %d inputs, "
        + "%d required.%nDistinct inputs over a grant: %d (at most %d). City forms: %s%n",
        simplest.size(), simplestInputs, simplestRequired, inputs.size(), MAX_DISTINCT_INPUTS, String.join(", ", cityForms)));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/city-inputs.txt"), report);

    assertThat(unused).as("city inputs used nowhere (see target/city-inputs.txt)").isEmpty();
    assertThat(inputs).as("distinct inputs a city is asked over a grant").hasSizeLessThanOrEqualTo(MAX_DISTINCT_INPUTS);
  }

  /** The inputs in the order a city meets them. */
  private static Map<String, List<Input>> inFormOrder(Map<String, List<Input>> inputs, List<String> cityForms) {
    Map<String, List<Input>> ordered = new LinkedHashMap<>();
    for (String form : cityForms) {
      inputs.forEach((key, asked) -> {
        if (asked.get(0).form().equals(form) || asked.stream().anyMatch(i -> i.form().equals(form))) {
          ordered.putIfAbsent(key, asked);
        }
      });
    }
    return ordered;
  }

  /** The start form and the city team's user tasks' forms of city-grant, in model order. */
  private static List<String> cityForms() {
    BpmnModelInstance model = Bpmn.readModelFromFile(BPMN.resolve("city-grant.bpmn").toFile());
    Set<String> forms = new LinkedHashSet<>();
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        forms.add(start.getCamundaFormRef());
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (CITY_TEAM.equals(task.getCamundaCandidateGroups()) && task.getCamundaFormRef() != null) {
        forms.add(task.getCamundaFormRef());
      }
    }
    return List.copyOf(forms);
  }

  private List<JsonNode> components(Path file) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    collect(json.readTree(file.toFile()).path("components"), all);
    return all;
  }

  private static void collect(JsonNode components, List<JsonNode> all) {
    for (JsonNode component : components) {
      all.add(component);
      collect(component.path("components"), all);
    }
  }

  private static boolean isInput(JsonNode component) {
    return component.hasNonNull("key") && !NOT_INPUTS.contains(component.path("type").asText());
  }

  private static boolean isReadOnly(JsonNode component) {
    return component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
  }

  private static boolean shownForAnImpactGrant(Input input) {
    if (input.hideExpression() == null) {
      return true;
    }
    Matcher objective = HIDDEN_UNLESS_OBJECTIVE.matcher(input.hideExpression());
    return !objective.matches() || objective.group(1).equals("impact");
  }

  /** Main Java sources by path under org/citygrants. */
  private static Map<String, String> javaSources() throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(JAVA)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(JAVA.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return sources;
  }

  /** Variable name to constant name, as CityGrantProcess declares them. */
  private static Map<String, String> variableConstants(String source) {
    Map<String, String> constants = new TreeMap<>();
    Matcher declaration = Pattern.compile("ProcessVariable<[^>]+>\\s+(\\w+)\\s*=\\s*ProcessVariable\\.of\\(\"(\\w+)\"")
        .matcher(source);
    while (declaration.find()) {
      constants.put(declaration.group(2), declaration.group(1));
    }
    return constants;
  }

  /** Java that reads the variable: by its constant of CityGrantProcess, or by name (a string literal). */
  private static Set<String> readers(String key, String constant, Map<String, String> sources) {
    Set<String> readers = new TreeSet<>();
    Pattern byConstant = constant == null ? null : Pattern.compile("\\b" + constant + "\\b");
    for (Map.Entry<String, String> source : sources.entrySet()) {
      // the declarations, the form validator (it reads every field) and the API's documentation examples
      if (source.getKey().equals("process/CityGrantProcess.java") || source.getKey().startsWith("validation/")
          || source.getKey().equals("api/ApiExamples.java")) {
        continue;
      }
      String text = source.getValue();
      if (text.contains("\"" + key + "\"") || (byConstant != null && byConstant.matcher(text).find())) {
        readers.add(source.getKey());
      }
    }
    return readers;
  }

  /** Expressions of the BPMN and DMN models: ${...}, conditions, DMN input expressions. */
  private static String modelExpressions() throws IOException {
    StringBuilder expressions = new StringBuilder();
    Pattern expression = Pattern.compile("\\$\\{[^}]*}|<(?:bpmn:)?conditionExpression[^>]*>[^<]*<|<inputExpression[^>]*>\\s*<text>[^<]*<");
    try (Stream<Path> files = Files.list(BPMN)) {
      // the models themselves, not their translations (bpmn/i18n)
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Matcher found = expression.matcher(Files.readString(file));
        while (found.find()) {
          expressions.append(found.group()).append('\n');
        }
      }
    }
    return expressions.toString();
  }
}
