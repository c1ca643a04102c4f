package org.citygrants.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The hide rules parsed once ({@link HideRules}) decide as the engine's own FEEL facade, which parsed
 * them at every completion: every rule of every form, with each variable it reads unset, empty, a
 * word the forms compare with, true, false, zero and a number.
 */
class HideRulesTest {

  private static final FeelEngine ENGINES_FEEL = new ScalaFeelEngineFactory().createInstance();
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"]*\"");
  private static final Set<String> KEYWORDS = Set.of("null", "or", "and", "not", "true", "false");
  private static final List<Object> SAMPLES = Arrays.asList(null, "", "impact", "learning", "decline", "extend",
      "question", "anything", true, false, 0L, 5L, 2.5d);

  @TestFactory
  Stream<DynamicTest> everyFormsHideRuleDecidesAsTheEnginesFeel() throws IOException {
    Set<String> rules = new LinkedHashSet<>();
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        // every component's rule, input fields or not (texts and groups are hidden too)
        new ObjectMapper().readTree(in).findValues("conditional").forEach(c -> {
          if (c.hasNonNull("hide")) {
            rules.add(c.get("hide").asText());
          }
        });
      }
    }
    assertThat(rules).as("the forms' hide rules").hasSizeGreaterThan(25);
    return rules.stream().map(rule -> dynamicTest(rule, () -> {
      List<String> names = names(rule);
      assertThat(names).as("variables of %s", rule).isNotEmpty();
      int decided = 0;
      for (Object sample : SAMPLES) {
        Map<String, Object> values = new HashMap<>();
        if (sample != null) {
          names.forEach(name -> values.put(name, sample));
        }
        Object engines = enginesAnswer(rule, values);
        if (engines instanceof FeelException) {
          assertThatThrownBy(() -> HideRules.holds(rule, values)).as("%s with %s", rule, values)
              .isInstanceOf(FeelException.class);
        } else {
          assertThat(HideRules.holds(rule, values)).as("%s with %s", rule, values)
              .isEqualTo(Boolean.TRUE.equals(engines));
          decided++;
        }
      }
      assertThat(decided).as("samples %s decided without failure", rule).isGreaterThan(0);
    }));
  }

  @Test
  void aRuleIsParsedOnceAndDecidesForEachCallsOwnValues() {
    String rule = "=objectiveType != \"impact\"";
    assertThat(HideRules.holds(rule, Map.of("objectiveType", "impact"))).isFalse();
    assertThat(HideRules.holds(rule, Map.of("objectiveType", "learning"))).isTrue();
    assertThat(HideRules.holds(rule, Map.of())).as("unset").isTrue();
  }

  @Test
  void aRuleThatDoesNotParseIsAnErrorNotAHiddenField() {
    assertThatThrownBy(() -> HideRules.holds("=objectiveType !=", Map.of("objectiveType", "impact")))
        .isInstanceOf(FeelException.class).hasMessageContaining("objectiveType !=");
  }

  private static Object enginesAnswer(String rule, Map<String, Object> values) {
    try {
      return ENGINES_FEEL.evaluateSimpleExpression(rule.substring(1), Variables.fromMap(values).asVariableContext());
    } catch (FeelException e) {
      return e;
    }
  }

  private static List<String> names(String rule) {
    List<String> names = new ArrayList<>();
    Matcher matcher = NAME.matcher(STRING_LITERAL.matcher(rule).replaceAll(" "));
    while (matcher.find()) {
      if (!KEYWORDS.contains(matcher.group()) && !names.contains(matcher.group())) {
        names.add(matcher.group());
      }
    }
    return names;
  }
}
