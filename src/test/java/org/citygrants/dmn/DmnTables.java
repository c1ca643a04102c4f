package org.citygrants.dmn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A decision table of bpmn/ evaluated by a plain Camunda DMN engine (no process engine), with the
 * ids of the rules that matched each evaluation.
 */
final class DmnTables {

  private final DmnDecision decision;
  private final DmnEngine engine;
  private final List<String> lastMatchedRules = new ArrayList<>();

  private DmnTables(String file, String decisionKey) {
    DmnDecisionTableEvaluationListener listener = this::remember;
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(listener))
        .buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("bpmn", file))) {
      decision = engine.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bpmn/" + file, e);
    }
  }

  static DmnTables of(String file, String decisionKey) {
    return new DmnTables(file, decisionKey);
  }

  /** One evaluation: its single result (FIRST hit policy) and the rule that produced it. */
  record Evaluation(String matchedRule, Map<String, Object> outputs) {}

  Evaluation evaluate(Map<String, Object> inputs) {
    lastMatchedRules.clear();
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.fromMap(inputs));
    if (lastMatchedRules.size() != 1) {
      throw new AssertionError("expected exactly one matched rule for " + inputs + ", got " + lastMatchedRules);
    }
    return new Evaluation(lastMatchedRules.get(0), result.getSingleResult().getEntryMap());
  }

  private void remember(DmnDecisionTableEvaluationEvent event) {
    for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
      lastMatchedRules.add(rule.getId());
    }
  }
}
