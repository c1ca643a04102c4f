package org.citygrants.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text of the mails, pages and refusals has a text in every language of the product, with
 * the same {0} placeholders, and none is broken by MessageFormat's quoting (an apostrophe written
 * once would swallow the rest of a message). A plain unit test: the bundles as files, no Spring.
 */
class LanguageBundlesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
  /** An apostrophe MessageFormat would take as a quote: one not doubled. */
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  static Stream<Arguments> bundlesAndLanguages() {
    List<String> languages = new Languages(null).languages();
    return Words.BUNDLES.stream().flatMap(bundle -> languages.stream().filter(l -> !l.equals("en"))
        .map(language -> Arguments.of(bundle, language)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("bundlesAndLanguages")
  void everyKeyHasATextInTheLanguageWithTheSamePlaceholders(String bundle, String language) {
    Properties english = load(bundle + ".properties");
    Properties translated = load(bundle + "_" + language + ".properties");
    assertThat(english).as("%s has texts", bundle).isNotEmpty();
    assertThat(new TreeSet<>(translated.stringPropertyNames())).as("keys of %s_%s", bundle, language)
        .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    for (String key : english.stringPropertyNames()) {
      String text = translated.getProperty(key);
      assertThat(text).as("%s in %s", key, language).isNotBlank();
      assertThat(placeholders(text)).as("placeholders of %s in %s", key, language)
          .isEqualTo(placeholders(english.getProperty(key)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundleFiles")
  void noTextIsBrokenByMessageFormatQuoting(String file) {
    Properties texts = load(file);
    for (String key : texts.stringPropertyNames()) {
      String text = texts.getProperty(key);
      assertThat(LONE_APOSTROPHE.matcher(text).find()).as("%s in %s has an apostrophe written once (write '' or ’)", key, file)
          .isFalse();
      Object[] args = placeholders(text).stream().map(n -> "«" + n + "»").toArray();
      Object[] wide = new Object[10];
      for (int i = 0; i < wide.length; i++) {
        wide[i] = "«" + i + "»";
      }
      String formatted = new MessageFormat(text, Locale.ENGLISH).format(wide);
      assertThat(formatted).as("%s in %s, formatted", key, file).doesNotContain("{").hasSizeGreaterThan(0);
      assertThat(args).isNotNull();
    }
  }

  static Stream<String> bundleFiles() {
    return Words.BUNDLES.stream().flatMap(bundle -> new Languages(null).languages().stream()
        .map(language -> bundle + (language.equals("en") ? "" : "_" + language) + ".properties"));
  }

  /** Words reads the same files: a French reader gets French, an English one English, amounts and days as each writes them. */
  @org.junit.jupiter.api.Test
  void wordsSpeakTheReadersLanguage() {
    assertThat(Words.say(Locale.FRENCH, "mail.greeting", "Claire")).isEqualTo("Bonjour Claire,");
    assertThat(Words.say(Locale.ENGLISH, "mail.greeting", "Claire")).isEqualTo("Hello Claire,");
    // a language without texts reads English, never the server's own locale
    assertThat(Words.say(Locale.GERMAN, "mail.greeting", "Claire")).isEqualTo("Hello Claire,");
    assertThat(Words.say(Locale.ENGLISH, "mail.reminder.partOfCityGrant", "Lyon", "LYON-2026"))
        .isEqualTo("It is part of Lyon's grant LYON-2026.");
    assertThat(Words.amount(new java.math.BigDecimal("40000.00"), "EUR", Locale.ENGLISH)).isEqualTo("40,000.00 EUR");
    assertThat(Words.amount(new java.math.BigDecimal("40000.00"), "EUR", Locale.FRENCH).replace('\u202f', ' ')
        .replace('\u00a0', ' ')).isEqualTo("40 000,00 EUR");
    java.time.LocalDate day = java.time.LocalDate.of(2027, 1, 15);
    assertThat(Words.longDay(day, Locale.FRENCH)).isEqualTo("vendredi 15 janvier 2027");
    assertThat(Words.longDay(day, Locale.ENGLISH)).isEqualTo("Friday 15 January 2027");
    assertThat(Words.shortDay(day, Locale.ENGLISH)).isEqualTo("2027-01-15");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Properties load(String file) {
    Properties properties = new Properties();
    try (InputStream in = LanguageBundlesTest.class.getClassLoader().getResourceAsStream(file)) {
      assertThat(in).as("%s", file).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }
}
