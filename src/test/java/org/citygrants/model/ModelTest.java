package org.citygrants.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The models as the house style wants them, without an engine: readable ids (no Modeler defaults),
 * a history time to live and a version tag on every process, a Camunda Form that exists for every
 * user task and form start event, no scripts and no Java classes (Spring beans by name), and every
 * bean a delegate expression names exists.
 */
class ModelTest {

  private static final Path BPMN = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");
  /** What the Modeler generates: Activity_0abc123, Flow_1xyz9ab, Gateway_0xts8xh... */
  private static final Pattern MODELER_DEFAULT = Pattern.compile("[A-Za-z]+_[0-9][0-9a-z]{6}");
  private static final Pattern READABLE_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");
  /** A delegate expression, or an expression calling into a bean: ${registerGrantDelegate}, ${taskDue.standard()}. */
  private static final Pattern BEAN = Pattern.compile(
      "delegateExpression=\"\\$\\{([a-zA-Z][A-Za-z0-9]*)}|\\$\\{([a-zA-Z][A-Za-z0-9]*)\\.");

  @Test
  void everyModelFollowsTheHouseStyle() throws IOException {
    Set<String> beans = springBeans();
    List<String> problems = new ArrayList<>();
    List<Path> models;
    try (Stream<Path> files = Files.list(BPMN)) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : models) {
      String xml = Files.readString(file);
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": process " + process.getId() + " has no history time to live");
        }
        if (process.getCamundaVersionTag() == null) {
          problems.add(file + ": process " + process.getId() + " has no version tag");
        }
      }
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        String id = element.getId();
        if (id == null || element.getElementType().getTypeName().startsWith("BPMN")) {
          continue;
        }
        if (MODELER_DEFAULT.matcher(id).matches() || (!READABLE_ID.matcher(id).matches() && !isTopLevel(element))) {
          problems.add(file + ": " + element.getElementType().getTypeName() + " id '" + id + "' is not readable");
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        checkForm(problems, file, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding());
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          checkForm(problems, file, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding());
        }
      }
      if (!model.getModelElementsByType(ScriptTask.class).isEmpty() || xml.contains("camunda:script")
          || xml.contains("camunda:class=")) {
        problems.add(file + ": scripts or camunda:class (delegates are Spring beans referenced by ${beanName})");
      }
      Matcher bean = BEAN.matcher(xml);
      while (bean.find()) {
        String name = bean.group(1) != null ? bean.group(1) : bean.group(2);
        if (!beans.contains(name) && !PROCESS_NAMES.contains(name)) {
          problems.add(file + ": ${" + name + "...} names no Spring bean");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Names an expression may call into that are not beans: the engine's own, and the DMN result read by an output mapping. */
  private static final Set<String> PROCESS_NAMES = Set.of("execution", "task", "sizingProposal");

  private static boolean isTopLevel(BaseElement element) {
    // processes, definitions-level messages and errors keep the process's own naming (city-grant, Message_...)
    return element instanceof Process || element.getElementType().getTypeName().equals("message")
        || element.getElementType().getTypeName().equals("error");
  }

  private static void checkForm(List<String> problems, Path file, String element, String formRef, String binding) {
    if (formRef == null) {
      problems.add(file + ": " + element + " has no Camunda Form");
      return;
    }
    if (!"deployment".equals(binding)) {
      problems.add(file + ": " + element + " binds its form '" + binding + "', not 'deployment'");
    }
    Path form = FORMS.resolve(formRef + ".form");
    if (!Files.isRegularFile(form)) {
      problems.add(file + ": " + element + " needs forms/" + formRef + ".form");
      return;
    }
    try {
      JsonNode json = new ObjectMapper().readTree(form.toFile());
      if (!formRef.equals(json.path("id").asText())) {
        problems.add(form + ": id '" + json.path("id").asText() + "' is not its file name");
      }
      if (!"7.24.0".equals(json.path("executionPlatformVersion").asText())) {
        problems.add(form + ": executionPlatformVersion is not 7.24.0");
      }
    } catch (IOException e) {
      problems.add(form + ": not JSON (" + e.getMessage() + ")");
    }
  }

  /** Spring beans of the application: @Component("name") or the class name starting in lower case. */
  private static Set<String> springBeans() throws IOException {
    Set<String> beans = new HashSet<>();
    Pattern named = Pattern.compile("@(?:Component|Service|Repository)\\(\"([A-Za-z0-9]+)\"\\)");
    Pattern annotated = Pattern.compile("@(?:Component|Service|Repository|Configuration)\\b[\\s\\S]*?(?:class|record) ([A-Z][A-Za-z0-9]*)");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String java = Files.readString(source);
        Matcher name = named.matcher(java);
        while (name.find()) {
          beans.add(name.group(1));
        }
        Matcher type = annotated.matcher(java);
        if (type.find()) {
          beans.add(Character.toLowerCase(type.group(1).charAt(0)) + type.group(1).substring(1));
        }
      }
    }
    return beans;
  }
}
