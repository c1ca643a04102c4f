package org.citygrants.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** bpmn/advance-rate.dmn (hit policy FIRST): every rule and every input combination. */
class AdvanceRateDecisionTest {

  private static final DmnTables ADVANCE_RATE = DmnTables.of("advance-rate.dmn", "advance-rate");

  static Stream<Arguments> oneCasePerRule() {
    return Stream.of(
        Arguments.of("critical", "open-tender", "Rule_advance_rate_1", 50L),
        Arguments.of("critical", "simplified", "Rule_advance_rate_2", 40L),
        Arguments.of("critical", "none", "Rule_advance_rate_2", 40L),
        Arguments.of("tight", "open-tender", "Rule_advance_rate_3", 40L),
        Arguments.of("tight", "simplified", "Rule_advance_rate_4", 30L),
        Arguments.of("tight", "direct-award", "Rule_advance_rate_4", 30L),
        Arguments.of("comfortable", "open-tender", "Rule_advance_rate_5", 30L),
        Arguments.of("comfortable", "simplified", "Rule_advance_rate_6", 20L),
        Arguments.of("comfortable", "none", "Rule_advance_rate_6", 20L));
  }

  @ParameterizedTest(name = "{0} cash flow, {1} -> {2}: {3} %")
  @MethodSource("oneCasePerRule")
  void eachRuleGivesItsRate(String cashFlow, String route, String rule, long percent) {
    DmnTables.Evaluation evaluation = ADVANCE_RATE.evaluate(Map.of("cashFlowSituation", cashFlow, "procurementRoute", route));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs()).containsExactly(Map.entry("advanceRatePercent", percent));
  }

  @Test
  void theCasesAboveReachEveryRuleOfTheTable() {
    Set<String> rulesTested = new HashSet<>();
    oneCasePerRule().forEach(arguments -> rulesTested.add((String) arguments.get()[2]));
    assertThat(rulesTested).containsExactlyInAnyOrderElementsOf(ruleIds());
  }

  @Test
  void everyCombinationGetsARateBetweenTwentyAndFiftyPercentAndMoreCashTroubleNeverMeansLess() {
    List<String> cashFlows = List.of("comfortable", "tight", "critical");
    for (String route : List.of("none", "direct-award", "simplified", "open-tender")) {
      long previous = 0;
      for (String cashFlow : cashFlows) {
        long rate = (Long) ADVANCE_RATE.evaluate(Map.of("cashFlowSituation", cashFlow, "procurementRoute", route))
            .outputs().get("advanceRatePercent");
        assertThat(rate).as("%s/%s", cashFlow, route).isBetween(20L, 50L).isGreaterThanOrEqualTo(previous);
        previous = rate;
      }
    }
  }

  private static List<String> ruleIds() {
    return Dmn.readModelFromFile(new File("bpmn/advance-rate.dmn")).getModelElementsByType(Rule.class).stream()
        .map(Rule::getId).toList();
  }
}
