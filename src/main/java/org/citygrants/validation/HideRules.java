package org.citygrants.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.spin.SpinValueMapperFactory;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.CustomValueMapper;

/**
 * The forms' {@code conditional.hide} rules (FEEL, e.g. {@code =objectiveType != "impact"}), each
 * parsed once and then evaluated at every completion and start with that step's values (issue 17:
 * the engine's FEEL facade parses the expression again at every call). The FEEL engine is built as
 * the DMN engine builds its own (Java and Spin values, no external functions), so a rule means
 * the same here as in a decision; {@code HideRulesTest} compares the two on every rule of the forms.
 */
final class HideRules {

  private static final FeelEngineApi FEEL = feelEngine();

  /** A form's rules are few and fixed (about 30 distinct ones in {@code forms/}); keyed by their text. */
  private static final Map<String, ParsedExpression> PARSED = new ConcurrentHashMap<>();

  private HideRules() {}

  /** Whether the rule holds for these values (unset variables are absent from the map: null in FEEL). */
  static boolean holds(String rule, Map<String, Object> values) {
    ParsedExpression parsed = PARSED.computeIfAbsent(rule, HideRules::parse);
    EvaluationResult result = FEEL.evaluate(parsed, values);
    if (!result.isSuccess()) {
      throw new FeelException("FEEL hide rule '" + rule + "' failed: " + result.failure().message());
    }
    return Boolean.TRUE.equals(result.result());
  }

  private static ParsedExpression parse(String rule) {
    ParseResult parsed = FEEL.parseExpression(rule.startsWith("=") ? rule.substring(1) : rule);
    if (!parsed.isSuccess()) {
      throw new FeelException("FEEL hide rule '" + rule + "' does not parse: " + parsed.failure().message());
    }
    return parsed.parsedExpression();
  }

  private static FeelEngineApi feelEngine() {
    FeelEngineBuilder builder = FeelEngineBuilder.create().withCustomValueMapper(new JavaValueMapper())
        .withEnabledExternalFunctions(false);
    CustomValueMapper spin = new SpinValueMapperFactory().createInstance();
    return (spin == null ? builder : builder.withCustomValueMapper(spin)).build();
  }
}
