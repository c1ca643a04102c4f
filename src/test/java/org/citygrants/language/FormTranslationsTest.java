package org.citygrants.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every human text of every Camunda Form has a translation in every language of the product, and
 * no translation points at nothing: a new field cannot ship half-translated, a renamed key fails.
 * A translated form differs from the deployed one in its texts only, and keeps the variables its
 * texts show ({{awardTerms}}).
 */
class FormTranslationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");
  private final FormTexts texts = new FormTexts();

  @TestFactory
  Stream<DynamicTest> everyFormIsTranslatedWholly() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Resource file : forms()) {
      JsonNode form = read(file);
      String formId = form.path("id").asText();
      for (Locale language : ProductLanguages.translated()) {
        tests.add(DynamicTest.dynamicTest(formId + " in " + language, () -> {
          Map<String, String> english = FormTexts.texts(form);
          Map<String, String> translated = texts.translations(formId, language);
          String file1 = TranslationFile.path(FormTexts.FOLDER, formId, language);
          assertThat(new TreeSet<>(english.keySet())).as("texts of %s without a line in %s", formId, file1)
              .isSubsetOf(translated.keySet());
          assertThat(new TreeSet<>(translated.keySet())).as("lines of %s that name no text of %s", file1, formId)
              .isSubsetOf(english.keySet());
          translated.forEach((key, text) -> {
            assertThat(text).as("%s in %s", key, file1).isNotBlank();
            assertThat(templates(text)).as("the variables %s shows, in %s", key, file1)
                .isEqualTo(templates(english.get(key)));
          });
        }));
      }
    }
    assertThat(tests).as("forms found").hasSizeGreaterThanOrEqualTo(38);
    return tests.stream();
  }

  @Test
  void aTranslatedFormDiffersInItsTextsOnly() throws IOException {
    for (Resource file : forms()) {
      JsonNode form = read(file);
      for (Locale language : ProductLanguages.translated()) {
        JsonNode translated = texts.translate(form, language);
        assertThat(translated).as("%s is translated", file.getFilename()).isNotSameAs(form);
        assertThat(withoutTexts(translated)).as("%s apart from its texts", file.getFilename()).isEqualTo(withoutTexts(form));
        assertThat(form).as("the deployed form is left as it is").isEqualTo(read(file));
      }
    }
  }

  @Test
  void theApplicationFormInFrench() throws IOException {
    JsonNode form = texts.translate(read(new PathMatchingResourcePatternResolver()
        .getResource("classpath:forms/grant-application.form")), Locale.FRENCH);
    JsonNode amount = component(form, "requestedAmount");
    assertThat(amount.path("label").asText()).isEqualTo("Montant demandé (EUR)");
    assertThat(amount.path("validate").path("min").asInt()).isEqualTo(15000);
    assertThat(amount.path("appearance").path("suffixAdorner").asText()).isEqualTo("€");
    JsonNode objective = component(form, "objectiveType");
    assertThat(objective.path("values").get(0).path("value").asText()).isEqualTo("impact");
    assertThat(objective.path("values").get(0).path("label").asText()).isEqualTo("Impact\u00a0: un changement mesurable");
    assertThat(texts.label("grant-application", "challenge", Locale.FRENCH)).hasValue("Le défi de votre ville");
    assertThat(texts.optionLabel("grant-application", "procurementRoute", "open-tender", Locale.FRENCH))
        .hasValue("Appel d'offres ouvert");
    assertThat(texts.translations("grant-application", Locale.ENGLISH)).isEmpty();
    assertThat(texts.translations("grant-application", Locale.forLanguageTag("pt"))).as("no file: English").isEmpty();
  }

  @Test
  void englishReadersGetTheFormAsDeployedByteForByte() throws IOException {
    byte[] deployed;
    try (InputStream in = getClass().getResourceAsStream("/forms/size-grant.form")) {
      deployed = in.readAllBytes();
    }
    assertThat(texts.translate(deployed, Locale.ENGLISH)).isSameAs(deployed);
    assertThat(new String(texts.translate(deployed, Locale.FRENCH), java.nio.charset.StandardCharsets.UTF_8))
        .contains("Dimensionner la subvention").contains("\"key\":\"awardedAmount\"");
  }

  static JsonNode component(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no component " + key);
  }

  /** The form with every human text blanked: what must not change. */
  private static JsonNode withoutTexts(JsonNode form) {
    JsonNode copy = form.deepCopy();
    blank(copy);
    return copy;
  }

  private static void blank(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String property : List.of("label", "description", "placeholder", "text", "dateLabel", "timeLabel", "title",
          "prefixAdorner", "suffixAdorner")) {
        if (FormTexts.isHumanText(object.get(property))) {
          object.put(property, "");
        }
      }
    }
    node.forEach(FormTranslationsTest::blank);
  }

  private static Set<String> templates(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = TEMPLATE.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  static Resource[] forms() throws IOException {
    return new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
  }

  static JsonNode read(Resource file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return JSON.readTree(in);
    }
  }
}
