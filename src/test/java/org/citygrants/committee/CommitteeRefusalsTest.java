package org.citygrants.committee;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The city's committee list refused in the words of the person who typed it. */
class CommitteeRefusalsTest {

  @AfterEach
  void noReader() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void aFrenchReaderIsToldInFrench() {
    LocaleContextHolder.setLocale(Locale.FRENCH);
    assertThatThrownBy(() -> CommitteeRegister.parse("committeeMembers", "Aïssata Traoré; maire\nJean Dupont"))
        .isInstanceOf(InputRejectedException.class)
        .hasMessageContaining("La ligne 2 (« Jean Dupont ») doit comporter au moins un nom et un rôle");
    assertThatThrownBy(() -> CommitteeRegister.parse("committeeMembers", "Aïssata Traoré; maire"))
        .hasMessageContaining("Un comité d’investissement compte au moins 3 membres ; 1 indiqués.");
  }

  @Test
  void anEnglishReaderKeepsTheEnglishWords() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThatThrownBy(() -> CommitteeRegister.parse("committeeMembers", "Ann Lee; mayor\nBob"))
        .hasMessageContaining("Line 2 ('Bob') needs at least a name and a role, separated by ';'.");
    assertThatThrownBy(() -> CommitteeRegister.parse("committeeMembers", "Ann Lee; mayor"))
        .hasMessageContaining("An investment committee needs at least 3 members; 1 given.");
  }
}
