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
}
