package org.citygrants.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The advance rate the deployed rules ({@code advance-rate.dmn}) would give a grant today, for the
 * award terms and the payment calendar before the procurement plan is approved (when the process
 * decides the rate for good, in Task_DetermineAdvanceRate). Evaluated by a DMN engine of its own,
 * so that reading a page writes no decision history.
 */
@Component
public class AdvanceRateRules {

  static final String DECISION = "advance-rate";

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public AdvanceRateRules(RepositoryService repository) {
    this.repository = repository;
  }

  /** The rate in percent for the city's cash-flow situation and procurement route; empty without rules. */
  public Optional<Long> rateFor(String cashFlowSituation, String procurementRoute) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    DmnDecision decision = parsed.computeIfAbsent(definition.getId(), this::parse);
    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue("cashFlowSituation", cashFlowSituation).putValue("procurementRoute", procurementRoute))
        .getFirstResult();
    Object rate = result == null ? null : result.getSingleEntry();
    return rate instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
  }

  private DmnDecision parse(String definitionId) {
    try (InputStream model = repository.getDecisionModel(definitionId)) {
      return dmn.parseDecision(DECISION, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
