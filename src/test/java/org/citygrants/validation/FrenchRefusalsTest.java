package org.citygrants.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.citygrants.language.FormTexts;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A French reader's refused form is told why in French, the field named by the label their form
 * shows; an English reader's refusal is as it always was. The reader's language is what
 * {@link org.citygrants.language.ReaderLanguage} reads (set here as a request would set it).
 */
class FrenchRefusalsTest {

  private final FormInputValidator validator = new FormInputValidator();
  private final FormTexts texts = new FormTexts();

  @AfterEach
  void noReader() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void aFrenchCityIsToldInFrenchWithTheFieldsFrenchLabel() {
    FormFile application = FormFile.all().stream().filter(f -> f.formId().equals("grant-application")).findFirst().orElseThrow();
    Map<String, Object> tooLittle = new HashMap<>(application.validSubmission());
    tooLittle.put("requestedAmount", 400);

    LocaleContextHolder.setLocale(Locale.FRENCH);
    assertThatThrownBy(() -> validator.validate("grant-application", tooLittle, expression -> false))
        .isInstanceOfSatisfying(InputRejectedException.class, refused -> {
          assertThat(refused.getField()).isEqualTo("requestedAmount");
          assertThat(refused.getMessage()).isEqualTo("«\u00a0Montant demandé (EUR)\u00a0» doit être d'au moins 15\u202f000.");
        });
    Map<String, Object> growth = new HashMap<>(application.validSubmission());
    growth.put("objectiveType", "growth");
    assertThatThrownBy(() -> validator.validate("grant-application", growth, expression -> false))
        .hasMessage("«\u00a0Sur quoi porteront vos rapports\u00a0?\u00a0»\u00a0: choisissez l'une des options "
            + "(Impact\u00a0: un changement mesurable, Apprentissage\u00a0: ce que nous avons appris), et non «\u00a0growth\u00a0».");

    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThatThrownBy(() -> validator.validate("grant-application", tooLittle, expression -> false))
        .hasMessage("'Requested amount (EUR)' must be at least 15000.");
  }

  @Test
  void everyRequiredFieldOfEveryFormIsNamedByItsFrenchLabel() {
    LocaleContextHolder.setLocale(Locale.FRENCH);
    int checked = 0;
    for (FormFile form : FormFile.all()) {
      for (FormFile.Input input : form.inputs()) {
        if (!input.required()) {
          continue;
        }
        Map<String, Object> missing = new HashMap<>(form.validSubmission());
        missing.remove(input.key());
        String label = texts.label(form.formId(), input.key(), Locale.FRENCH).orElseThrow(
            () -> new AssertionError(form.formId() + "." + input.key() + " has no French label"));
        assertThatThrownBy(() -> validator.validate(form.formId(), missing, expression -> false))
            .as("%s.%s", form.formId(), input.key())
            .hasMessageStartingWith("«\u00a0" + label + "\u00a0»");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void aDayInThePastIsWrittenInFrench() {
    LocaleContextHolder.setLocale(Locale.FRENCH);
    assertThat(RefusalMessages.day(java.time.LocalDate.of(2027, 1, 15))).isEqualTo("15 janvier 2027");
    assertThat(RefusalMessages.text("date.inThePast", "Date de l'échange", "15 janvier 2027"))
        .isEqualTo("«\u00a0Date de l'échange\u00a0» doit être aujourd'hui ou plus tard\u00a0: le 15 janvier 2027 est déjà passé.");
  }

  @Test
  void everyRefusalHasItsSentenceInEveryLanguageWithTheSameValues() throws IOException {
    Properties english = load("/i18n/form-refusals.properties");
    for (String language : List.of("fr")) {
      Properties translated = load("/i18n/form-refusals_" + language + ".properties");
      assertThat(new TreeSet<>(translated.stringPropertyNames())).as(language)
          .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
      for (String key : english.stringPropertyNames()) {
        if (key.equals("date.pattern")) {
          continue;
        }
        assertThat(new MessageFormat(translated.getProperty(key)).getFormats().length).as("%s in %s", key, language)
            .isEqualTo(new MessageFormat(english.getProperty(key)).getFormats().length);
      }
    }
  }

  private static Properties load(String path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = FrenchRefusalsTest.class.getResourceAsStream(path)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
