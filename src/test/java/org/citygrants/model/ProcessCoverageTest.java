package org.citygrants.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.citygrants.support.ProcessCoverage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every flow node and sequence flow of every process in bpmn/ was run by some test of this
 * build. Runs after every other test (its own Surefire execution, pom.xml
 * {@code process-coverage-gate}, reading what each test JVM recorded); fails the build below 100%
 * and writes target/process-coverage.txt.
 */
@Tag("coverage-gate")
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

  @Test
  void everyFlowNodeAndSequenceFlowIsCovered() throws IOException {
    List<String> report = new ArrayList<>();
    Set<String> missing = new TreeSet<>();
    int total = 0;
    int covered = 0;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          Set<String> elements = new TreeSet<>();
          collect(process, elements);
          Set<String> hit = ProcessCoverage.covered(process.getId());
          int hitCount = (int) elements.stream().filter(hit::contains).count();
          total += elements.size();
          covered += hitCount;
          report.add(String.format("%-28s %3d / %3d", process.getId(), hitCount, elements.size()));
          elements.stream().filter(e -> !hit.contains(e)).forEach(e -> missing.add(process.getId() + ": " + e));
        }
      }
    }
    report.add(String.format("%-28s %3d / %3d", "total", covered, total));
    report.add("not covered:");
    report.addAll(missing);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/process-coverage.txt"), report);
    assertThat(missing).as(String.join("\n", report)).isEmpty();
  }

  private static void collect(Process process, Set<String> ids) {
    BpmnModelInstance model = (BpmnModelInstance) process.getModelInstance();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (owner(node) == process) {
        ids.add(node.getId());
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (owner(flow) == process) {
        ids.add(flow.getId());
      }
    }
  }

  private static ModelElementInstance owner(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return parent;
  }
}
