package org.citygrants.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The default split of the awarded capital over the budget lines, and its configuration. */
class BudgetSplitTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
      .withUserConfiguration(LedgerConfiguration.class);

  @Test
  void theDefaultSplitGivesSeventyPercentToExperimentsAndAddsUpToTheAward() {
    Map<BudgetLine, BigDecimal> allocation = new BudgetSplit(LedgerProperties.defaults().budgetSplit())
        .allocate(new BigDecimal("20000.01"));

    assertThat(allocation).containsExactly(
        Map.entry(BudgetLine.EXPERIMENTS, new BigDecimal("14000.01")),
        Map.entry(BudgetLine.LEARNING_ACTIVITIES, new BigDecimal("3000.00")),
        Map.entry(BudgetLine.COMMITTEE, new BigDecimal("1000.00")),
        Map.entry(BudgetLine.COACHING, new BigDecimal("2000.00")));
  }

  @Test
  void theSplitAndTheCurrencyAreReadFromGrantMoneySettings() {
    context.withPropertyValues(
            "grant.money.currency=EUR",
            "grant.money.minimum-viable-amount=15000",
            "grant.money.budget-split.experiments=80",
            "grant.money.budget-split.learning-activities=20")
        .run(ctx -> {
          LedgerProperties properties = ctx.getBean(LedgerProperties.class);
          assertThat(properties.currency()).isEqualTo("EUR");
          assertThat(new BudgetSplit(properties.budgetSplit()).allocate(new BigDecimal("10000.00"))).containsExactly(
              Map.entry(BudgetLine.EXPERIMENTS, new BigDecimal("8000.00")),
              Map.entry(BudgetLine.LEARNING_ACTIVITIES, new BigDecimal("2000.00")),
              Map.entry(BudgetLine.COMMITTEE, new BigDecimal("0.00")),
              Map.entry(BudgetLine.COACHING, new BigDecimal("0.00")));
        });
  }

  @Test
  void withoutSettingsTheDefaultsApply() {
    context.run(ctx -> assertThat(ctx.getBean(LedgerProperties.class)).isEqualTo(LedgerProperties.defaults()));
  }

  @Test
  void aSplitThatDoesNotAddUpToAHundredIsRefused() {
    assertThatThrownBy(() -> new BudgetSplit(Map.of("experiments", new BigDecimal("90"))))
        .hasMessageContaining("must add up to 100 %, not 90 %");
    assertThatThrownBy(() -> new BudgetSplit(Map.of("travel", new BigDecimal("100"))))
        .hasMessageContaining("unknown budget line 'travel'");
  }
}
