package org.citygrants.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.citygrants.config.GrantDurations;
import org.citygrants.language.Words;
import org.citygrants.ledger.LedgerProperties;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The staff's refusals (officers, managers, coaches, finance) in the language of the person acting:
 * the sizing rules as a plain unit, and every staff refusal of the bundle has a French text of its own.
 */
class StaffRefusalsTest {

  private final SizingRules rules = new SizingRules(LedgerProperties.defaults(), new GrantDurations());

  @AfterEach
  void noReader() {
    LocaleContextHolder.resetLocaleContext();
  }

  private static SizingRules.Decision award(Long amount, String reason, String preparation, String programme) {
    return new SizingRules.Decision("award", null, amount, 20000, 40000, reason, preparation, "P4M", programme, "P18M");
  }

  @Test
  void aFrenchOfficerSizingAGrantIsToldInFrench() {
    LocaleContextHolder.setLocale(Locale.FRENCH);
    assertThatThrownBy(() -> rules.check(award(45000L, " ", null, null))).isInstanceOf(InputRejectedException.class)
        .hasMessage("Le montant sort de la fourchette proposée, de 20\u202f000 à 40\u202f000 EUR : dites pourquoi dans "
            + "« Motif du montant ».");
    assertThatThrownBy(() -> rules.check(award(14999L, "petit", null, null)))
        .hasMessage("La subvention doit atteindre au moins le montant minimum viable de 15\u202f000,00 EUR, en dessous "
            + "duquel une équipe ne peut pas travailler.");
    assertThatThrownBy(() -> rules.check(award(30000L, null, "quatre mois", null)))
        .hasMessage("Choisissez la durée de préparation dans la liste, de 1 mois à 9 mois.");
    assertThatThrownBy(() -> rules.check(new SizingRules.Decision("decline", null, null, 20000, 40000, null, null, "P4M",
        null, "P18M"))).hasMessage("Dites pourquoi la subvention est refusée : la ville le lira.");
  }

  @Test
  void anEnglishOfficerKeepsTheEnglishWords() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThatThrownBy(() -> rules.check(award(45000L, " ", null, null)))
        .hasMessage("The amount is outside the proposed band of 20,000 to 40,000 EUR: say why in 'Reason for the amount'.");
    assertThatThrownBy(() -> rules.check(award(50001L, "big", null, null)))
        .hasMessage("The award cannot exceed the programme's cap of 50,000.00 EUR.");
    assertThatThrownBy(() -> rules.check(award(30000L, null, null, "P1X")))
        .hasMessage("Choose the programme duration from the list, from 6 months to 24 months.");
  }

  /** A staff refusal (refused.*) or a ledger refusal left in English in the French bundle fails here. */
  @Test
  void everyStaffAndLedgerRefusalHasAFrenchTextOfItsOwn() throws IOException {
    Properties english = load("/i18n/refusals.properties");
    Properties french = load("/i18n/refusals_fr.properties");
    List<String> untranslated = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      boolean refusal = key.startsWith("refused.") || key.startsWith("ledger.") && !key.startsWith("ledger.line.");
      if (refusal && english.getProperty(key).equals(french.getProperty(key))) {
        untranslated.add(key);
      }
    }
    // "{0} mois" is the French of both "{0} month" and "{0} months"
    assertThat(untranslated).isEmpty();
    assertThat(english.stringPropertyNames().stream().filter(key -> key.startsWith("refused.")).count())
        .as("the staff's refusals are in the bundle").isGreaterThan(40);
    assertThat(Words.say(Locale.FRENCH, "refused.task.notYours", "Approuver le paiement (quatre yeux)"))
        .isEqualTo("« Approuver le paiement (quatre yeux) » ne fait pas partie de vos tâches.");
  }

  private static Properties load(String resource) throws IOException {
    Properties texts = new Properties();
    try (Reader in = new InputStreamReader(StaffRefusalsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      texts.load(in);
    }
    return texts;
  }
}
