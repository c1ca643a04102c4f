package org.citygrants.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Test-only engine plugin recording every flow node entered and every sequence flow taken, per
 * process, across all tests of the run; {@code ProcessCoverageTest} asserts 100% at the end.
 *
 * <p>Surefire runs the tests in two JVMs side by side and the check in a third one after them
 * (pom.xml, execution {@code process-coverage-gate}): when the system property
 * {@value #DIRECTORY_PROPERTY} names a directory, each JVM writes what it covered there as it
 * exits ({@code <pid>.txt}, one {@code processKey elementId} per line) and {@link #covered}
 * merges those files with what this JVM saw itself.
 */
@Component
public class ProcessCoverage extends AbstractProcessEnginePlugin {

  static final String DIRECTORY_PROPERTY = "citygrants.coverage.dir";

  private static final Map<String, Set<String>> COVERED = new ConcurrentHashMap<>();

  static {
    String directory = System.getProperty(DIRECTORY_PROPERTY);
    if (directory != null && !directory.isBlank()) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(directory)), "process-coverage-writer"));
    }
  }

  /** The elements of this process covered by this JVM and by the test JVMs that wrote their files. */
  public static Set<String> covered(String processKey) {
    Set<String> covered = new TreeSet<>(COVERED.getOrDefault(processKey, Set.of()));
    String directory = System.getProperty(DIRECTORY_PROPERTY);
    if (directory != null && !directory.isBlank() && Files.isDirectory(Path.of(directory))) {
      try (Stream<Path> files = Files.list(Path.of(directory))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
          for (String line : Files.readAllLines(file)) {
            String[] keyAndElement = line.split(" ", 2);
            if (keyAndElement.length == 2 && keyAndElement[0].equals(processKey)) {
              covered.add(keyAndElement[1]);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the process coverage in " + directory, e);
      }
    }
    return covered;
  }

  private static void write(Path directory) {
    List<String> lines = new ArrayList<>();
    COVERED.forEach((key, elements) -> elements.forEach(element -> lines.add(key + " " + element)));
    if (lines.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(directory);
      Files.write(directory.resolve(ProcessHandle.current().pid() + ".txt"), lines);
    } catch (IOException e) {
      System.err.println("process coverage not written to " + directory + ": " + e);
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        instrument(processDefinition.getKey(), processDefinition);
      }
    });
  }

  private static void instrument(String processKey, ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      String id = activity.getId();
      if (!id.contains("#")) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, execution -> record(processKey, id));
      }
      for (PvmTransition outgoing : activity.getOutgoingTransitions()) {
        TransitionImpl transition = (TransitionImpl) outgoing;
        String flowId = transition.getId();
        transition.addExecutionListener(execution -> record(processKey, flowId));
      }
      instrument(processKey, activity);
    }
  }

  private static void record(String processKey, String elementId) {
    COVERED.computeIfAbsent(processKey, k -> ConcurrentHashMap.newKeySet()).add(elementId);
  }
}
