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
    assertRefused(() -> rules.check(award(45000L, "  ", null, null)), "sizingReason", "outside the proposed band");
    assertThat(rules.check(award(45000L, "The city co-funds the works.", null, null)).amount()).isEqualByComparingTo("45000");
  }

  @Test
  void anAwardStaysBetweenTheMinimumViableAmountAndTheCap() {
    assertRefused(() -> rules.check(award(14999L, "small", null, null)), "awardedAmount", "minimum viable amount");
    assertRefused(() -> rules.check(award(50001L, "big", null, null)), "awardedAmount", "cap");
    assertRefused(() -> rules.check(award(null, null, null, null)), "awardedAmount", "needs an amount");
  }

  @Test
  void durationsAreIsoDurations() {
    assertRefused(() -> rules.check(award(30000L, null, "four months", null)), "preparationTime", "ISO-8601");
    assertRefused(() -> rules.check(award(30000L, null, null, "P1X")), "programmeDuration", "ISO-8601");
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
