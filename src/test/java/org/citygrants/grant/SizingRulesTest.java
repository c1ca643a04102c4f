package org.citygrants.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.citygrants.config.GrantDurations;
import org.citygrants.ledger.LedgerProperties;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.Test;

/** The sizing rules without an engine: every refusal names its field, an award keeps the proposals. */
class SizingRulesTest {

  private final SizingRules rules = new SizingRules(LedgerProperties.defaults(), new GrantDurations());

  private static SizingRules.Decision award(Long amount, String reason, String preparation, String programme) {
    return new SizingRules.Decision("award", null, amount, 20000, 40000, reason, preparation, "P4M", programme, "P18M");
  }

  @Test
  void anAwardInsideTheBandKeepsWhatTheRulesProposed() {
    SizingRules.Award award = rules.check(award(30000L, null, null, ""));
    assertThat(award.amount()).isEqualByComparingTo("30000");
    assertThat(award.preparationTime()).isEqualTo("P4M");
    assertThat(award.programmeDuration()).isEqualTo("P18M");
    assertThat(rules.check(award(30000L, null, " P6M ", "P24M")).preparationTime()).isEqualTo("P6M");
  }

  @Test
  void anAwardOutsideTheBandNeedsAReason() {
    assertRefused(() -> rules.check(award(45000L, "  ", null, null)), "sizingReason",
        "The amount is outside the proposed band of 20,000 to 40,000 EUR: say why in 'Reason for the amount'.");
    assertThat(rules.check(award(45000L, "The city co-funds the works.", null, null)).amount()).isEqualByComparingTo("45000");
  }

  @Test
  void anAwardStaysBetweenTheMinimumViableAmountAndTheCap() {
    assertRefused(() -> rules.check(award(14999L, "small", null, null)), "awardedAmount", "minimum viable amount");
    assertRefused(() -> rules.check(award(50001L, "big", null, null)), "awardedAmount", "cap");
    assertRefused(() -> rules.check(award(null, null, null, null)), "awardedAmount", "needs an amount");
  }

  @Test
  void durationsAreChosenFromTheListInWords() {
    assertRefused(() -> rules.check(award(30000L, null, "four months", null)), "preparationTime",
        "Choose the preparation time from the list, from 1 month to 9 months.");
    assertRefused(() -> rules.check(award(30000L, null, null, "P1X")), "programmeDuration",
        "Choose the programme duration from the list, from 6 months to 24 months.");
    assertRefused(() -> rules.check(award(30000L, null, "P2Y", null)), "preparationTime", "from the list");
    assertThat(SizingRules.inWords("P1M")).isEqualTo("1 month");
    assertThat(SizingRules.inWords("P18M")).isEqualTo("18 months");
  }

  @Test
  void theProposedAwardIsWhatTheCityAskedForWithinTheBand() {
    assertThat(rules.proposedAward(25000L, 20000L, 40000L)).isEqualTo(25000L);
    assertThat(rules.proposedAward(50000L, 20000L, 40000L)).isEqualTo(40000L);
    assertThat(rules.proposedAward(15000L, 20000L, 40000L)).isEqualTo(20000L);
    assertThat(rules.proposedAward(null, 20000L, 40000L)).isEqualTo(20000L);
  }

  /** What the sizing rules may propose, the form offers and the server accepts are the same durations. */
  @Test
  void theFormOffersTheDurationsTheRulesAllowAndEveryDurationTheDmnProposes() throws Exception {
    com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(new java.io.File("forms/size-grant.form"));
    java.util.Map<String, java.util.List<String>> offered = new java.util.HashMap<>();
    java.util.Map<String, java.util.List<String>> labels = new java.util.HashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode component : form.path("components")) {
      java.util.List<String> values = new java.util.ArrayList<>();
      java.util.List<String> words = new java.util.ArrayList<>();
      component.path("values").forEach(v -> {
        values.add(v.path("value").asText());
        words.add(v.path("label").asText());
      });
      offered.put(component.path("key").asText(), values);
      labels.put(component.path("key").asText(), words);
    }
    assertThat(offered.get("preparationTime")).isEqualTo(SizingRules.PREPARATION_TIMES);
    assertThat(offered.get("programmeDuration")).isEqualTo(SizingRules.PROGRAMME_DURATIONS);
    assertThat(offered.get("proposedPreparationTime")).isEqualTo(SizingRules.PREPARATION_TIMES);
    assertThat(offered.get("proposedProgrammeDuration")).isEqualTo(SizingRules.PROGRAMME_DURATIONS);
    assertThat(labels.get("preparationTime")).contains("2 months", "3 months", "6 months").noneMatch(l -> l.startsWith("P"));
    assertThat(labels.get("programmeDuration")).contains("12 months", "15 months", "18 months");
    String dmn = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/grant-sizing.dmn"));
    java.util.regex.Matcher proposal = java.util.regex.Pattern
        .compile("OutputEntry_grant_sizing_\\d+_([01])\"><text>&quot;(P\\d+M)&quot;|OutputEntry_grant_sizing_\\d+_([01])\"><text>\"(P\\d+M)\"")
        .matcher(dmn);
    int found = 0;
    while (proposal.find()) {
      String column = proposal.group(1) != null ? proposal.group(1) : proposal.group(3);
      String duration = proposal.group(2) != null ? proposal.group(2) : proposal.group(4);
      assertThat("0".equals(column) ? SizingRules.PREPARATION_TIMES : SizingRules.PROGRAMME_DURATIONS)
          .as("DMN proposal %s", duration).contains(duration);
      found++;
    }
    assertThat(found).as("durations the DMN proposes").isEqualTo(16);
  }

  @Test
  void aDeclineNeedsAReasonTheCityReads() {
    SizingRules.Decision withoutReason = new SizingRules.Decision("decline", " ", null, 20000, 40000, null, null, null,
        null, null);
    assertRefused(() -> rules.check(withoutReason), "declineReason", "Say why");
    assertThat(rules.check(new SizingRules.Decision("decline", "Not ready this year.", null, 20000, 40000, null, null,
        null, null, null))).isNull();
  }

  private static void assertRefused(Runnable check, String field, String message) {
    assertThatThrownBy(check::run).isInstanceOfSatisfying(InputRejectedException.class, e -> {
      assertThat(e.getField()).isEqualTo(field);
      assertThat(e.getMessage()).contains(message);
    });
  }
}
