package org.citygrants.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** bpmn/grant-sizing.dmn (hit policy FIRST): every rule, its boundary, and the programme's money limits. */
class GrantSizingDecisionTest {

  private static final DmnTables SIZING = DmnTables.of("grant-sizing.dmn", "grant-sizing");
  private static final List<String> ROUTES = List.of("none", "direct-award", "simplified", "open-tender");
  private static final List<String> DEPTHS = List.of("inform", "consult", "co-design", "co-decide");
  private static final List<Long> POPULATIONS = List.of(1000L, 499_999L, 500_000L, 20_000_000L);

  static Stream<Arguments> oneCasePerRule() {
    return Stream.of(
        // route, depth, population, rule, preparation, programme, min, max
        Arguments.of("open-tender", "co-design", 500_000L, "Rule_grant_sizing_1", "P6M", "P18M", 40000L, 50000L),
        Arguments.of("open-tender", "co-decide", 2_000_000L, "Rule_grant_sizing_1", "P6M", "P18M", 40000L, 50000L),
        Arguments.of("open-tender", "co-design", 499_999L, "Rule_grant_sizing_2", "P5M", "P15M", 30000L, 50000L),
        Arguments.of("open-tender", "inform", 2_000_000L, "Rule_grant_sizing_2", "P5M", "P15M", 30000L, 50000L),
        Arguments.of("simplified", "co-design", 520_000L, "Rule_grant_sizing_3", "P4M", "P15M", 30000L, 50000L),
        Arguments.of("simplified", "co-decide", 500_000L, "Rule_grant_sizing_3", "P4M", "P15M", 30000L, 50000L),
        Arguments.of("direct-award", "co-design", 500_000L, "Rule_grant_sizing_4", "P4M", "P15M", 30000L, 45000L),
        Arguments.of("none", "co-decide", 3_000_000L, "Rule_grant_sizing_4", "P4M", "P15M", 30000L, 45000L),
        Arguments.of("none", "co-design", 499_999L, "Rule_grant_sizing_5", "P3M", "P12M", 25000L, 40000L),
        Arguments.of("simplified", "co-decide", 80_000L, "Rule_grant_sizing_5", "P3M", "P12M", 25000L, 40000L),
        Arguments.of("simplified", "consult", 2_000_000L, "Rule_grant_sizing_6", "P3M", "P12M", 20000L, 40000L),
        Arguments.of("simplified", "inform", 1000L, "Rule_grant_sizing_6", "P3M", "P12M", 20000L, 40000L),
        Arguments.of("direct-award", "consult", 500_000L, "Rule_grant_sizing_7", "P3M", "P12M", 25000L, 40000L),
        Arguments.of("none", "inform", 20_000_000L, "Rule_grant_sizing_7", "P3M", "P12M", 25000L, 40000L),
        Arguments.of("none", "inform", 499_999L, "Rule_grant_sizing_8", "P2M", "P12M", 15000L, 30000L),
        Arguments.of("direct-award", "consult", 1000L, "Rule_grant_sizing_8", "P2M", "P12M", 15000L, 30000L));
  }

  @ParameterizedTest(name = "{0}, {1}, {2} inhabitants -> {3}")
  @MethodSource("oneCasePerRule")
  void eachRuleProposesItsSizing(String route, String depth, long population, String rule, String preparation,
      String programme, long min, long max) {
    DmnTables.Evaluation evaluation = SIZING.evaluate(inputs(route, depth, population));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "proposedPreparationTime", preparation, "proposedProgrammeDuration", programme,
        "proposedAmountMin", min, "proposedAmountMax", max));
  }

  @Test
  void theCasesAboveReachEveryRuleOfTheTable() {
    Set<String> rulesTested = new HashSet<>();
    oneCasePerRule().forEach(arguments -> rulesTested.add((String) arguments.get()[3]));
    assertThat(rulesTested).containsExactlyInAnyOrderElementsOf(ruleIds());
  }

  @Test
  void everyInputCombinationGetsABandWithinTheProgrammesLimits() {
    Set<String> rulesHit = new HashSet<>();
    for (String route : ROUTES) {
      for (String depth : DEPTHS) {
        for (long population : POPULATIONS) {
          DmnTables.Evaluation evaluation = SIZING.evaluate(inputs(route, depth, population));
          rulesHit.add(evaluation.matchedRule());
          long min = (Long) evaluation.outputs().get("proposedAmountMin");
          long max = (Long) evaluation.outputs().get("proposedAmountMax");
          assertThat(min).as("minimum for %s/%s/%d", route, depth, population).isGreaterThanOrEqualTo(15000L);
          assertThat(max).as("maximum for %s/%s/%d", route, depth, population).isLessThanOrEqualTo(50000L)
              .isGreaterThanOrEqualTo(min);
          assertThat((String) evaluation.outputs().get("proposedPreparationTime")).matches("P\\d+M");
          assertThat((String) evaluation.outputs().get("proposedProgrammeDuration")).matches("P\\d+M");
        }
      }
    }
    assertThat(rulesHit).as("every rule is reachable").containsExactlyInAnyOrderElementsOf(ruleIds());
  }

  @Test
  void noRuleProposesLessThanTheMinimumViableAmountNorMoreThanTheCap() {
    DecisionTable table = model().getModelElementsByType(DecisionTable.class).iterator().next();
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int minIndex = indexOf(outputs, "proposedAmountMin");
    int maxIndex = indexOf(outputs, "proposedAmountMax");
    assertThat(table.getRules()).hasSize(8);
    for (Rule rule : table.getRules()) {
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      long min = Long.parseLong(entries.get(minIndex).getTextContent().trim());
      long max = Long.parseLong(entries.get(maxIndex).getTextContent().trim());
      assertThat(min).as("proposedAmountMin of %s", rule.getId()).isGreaterThanOrEqualTo(15000L);
      assertThat(max).as("proposedAmountMax of %s", rule.getId()).isBetween(min, 50000L);
    }
  }

  private static Map<String, Object> inputs(String route, String depth, long population) {
    return Map.of("procurementRoute", route, "participationDepth", depth, "population", population);
  }

  private static List<String> ruleIds() {
    return model().getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
  }

  private static DmnModelInstance model() {
    return Dmn.readModelFromFile(new File("bpmn/grant-sizing.dmn"));
  }

  private static int indexOf(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    throw new AssertionError("no output " + name);
  }
}
