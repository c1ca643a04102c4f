package org.citygrants.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A ledger refusal keeps its text key and its parts, and is worded when someone reads it: the
 * English message stays as it was, a French reader reads French, amounts and names in their words.
 */
class RefusalsInTheReadersLanguageTest {

  @Test
  void theFourEyesRefusalInEnglishAndInFrench() {
    FourEyesViolationException refusal = new FourEyesViolationException("LYON-2026:advance");

    assertThat(refusal.getMessage()).isEqualTo(
        "You requested the advance yourself, so another finance officer must approve it: release the task for a colleague.");
    assertThat(refusal.messageIn(Locale.FRENCH, who -> who)).isEqualTo(
        "Vous avez demandé vous-même l’avance : un autre responsable financier doit l’approuver. "
            + "Libérez la tâche pour un ou une collègue.");
    assertThat(new FourEyesViolationException("LYON-2026:tranche-2").messageIn(Locale.FRENCH, who -> who))
        .startsWith("Vous avez demandé vous-même la tranche 2 :");
  }

  @Test
  void amountsAreWrittenAsTheReaderWritesThem() {
    InsufficientCapitalException refusal = new InsufficientCapitalException("ledger.paymentBeyondAward",
        Said.paymentStartingASentence("LYON-2026:tranche-1"), Said.amount(new BigDecimal("45000.00"), "EUR"), "LYON-2026",
        Said.amount(new BigDecimal("40000.00"), "EUR"), Said.amount(new BigDecimal("40000.00"), "EUR"),
        Said.amount(BigDecimal.ZERO.setScale(2), "EUR"), Said.amount(BigDecimal.ZERO.setScale(2), "EUR"));

    assertThat(refusal.getMessage()).isEqualTo("Tranche 1 of 45,000.00 EUR is more than grant LYON-2026 has left to pay: "
        + "at most 40,000.00 EUR (awarded 40,000.00 EUR, paid 0.00 EUR, awaiting approval or payment 0.00 EUR).");
    assertThat(refusal.messageIn(Locale.FRENCH, who -> who).replace('\u202f', ' ').replace('\u00a0', ' '))
        .isEqualTo("La tranche 1 de 45 000,00 EUR dépasse ce qu’il reste à verser sur la subvention LYON-2026 : "
            + "au plus 40 000,00 EUR (attribués 40 000,00 EUR, versés 0,00 EUR, en attente d’approbation ou de "
            + "versement 0,00 EUR).");
  }

  @Test
  void aRefusalNamingAPersonCallsThemByNameInTheirLanguage() {
    PaymentStateException refusal = new PaymentStateException("finance2", "ledger.paymentRejected",
        Said.paymentStartingASentence("LYON-2026:advance"), "Missing invoice", Said.payment("LYON-2026:advance"));

    assertThat(refusal.messageNaming(id -> "Amara Okafor")).isEqualTo(
        "The advance was rejected by Amara Okafor (\"Missing invoice\"): it must be requested again before it can be approved.");
    assertThat(refusal.messageIn(Locale.FRENCH, id -> "Amara Okafor")).isEqualTo(
        "L’avance : Amara Okafor a refusé ce paiement (« Missing invoice ») ; il faut en refaire la demande avant de pouvoir l’approuver.");
  }

  @Test
  void theRefusalsOfClosingASpendingDecisionARecoveryAndAnAmountInFrench() {
    LedgerException pending = new LedgerException("LEDGER_REFUSED", null, "ledger.cannotClose.pending", "LYON-2026",
        Said.amount(new BigDecimal("1000.00"), "EUR"));
    assertThat(pending.getMessage()).isEqualTo("Grant LYON-2026 cannot be closed yet: payments of 1,000.00 EUR are requested"
        + " or approved and not paid out; pay them out or reject them first.");
    assertThat(pending.messageIn(Locale.FRENCH, who -> who)).isEqualTo("La subvention LYON-2026 ne peut pas encore être"
        + " clôturée : des paiements de 1\u202f000,00 EUR sont demandés ou approuvés sans être versés ; versez-les ou"
        + " refusez-les d’abord.");
    LedgerException noExcess = new LedgerException("LEDGER_REFUSED", null, "ledger.noExcessToDecide",
        Said.commitment("LYON-2026:experiment-1"));
    assertThat(noExcess.getMessage()).isEqualTo("No spending above the budget of experiment 1 waits for a decision.");
    assertThat(noExcess.messageIn(Locale.FRENCH, who -> who))
        .isEqualTo("Aucune dépense dépassant le budget de l’expérimentation 1 n’attend de décision.");
    LedgerException cents = org.assertj.core.api.Assertions.catchThrowableOfType(LedgerException.class,
        () -> Money.positive(new BigDecimal("12.345"), Said.paymentStartingASentence("LYON-2026:tranche-2")));
    assertThat(cents.getMessage()).isEqualTo("Tranche 2: the amount 12.345 has more than two decimals (cents); nothing was rounded.");
    assertThat(cents.messageIn(Locale.FRENCH, who -> who))
        .isEqualTo("La tranche 2 : le montant 12.345 a plus de deux décimales (centimes) ; rien n’a été arrondi.");
  }
}
