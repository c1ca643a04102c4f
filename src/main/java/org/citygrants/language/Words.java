package org.citygrants.language;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The product's own words in the reader's language: mails, the grant page and the cohort view,
 * refusals of the API, the ledger and the forms, the award's terms and agreement. The texts are data, one
 * Spring {@link MessageSource} over the bundles {@link #BUNDLES} ({@code i18n/mails.properties},
 * {@code i18n/mails_fr.properties}, ...), English the default; a language is added by adding its
 * files. Every message goes through {@link java.text.MessageFormat}, so an apostrophe in a bundle
 * is written twice ({@code ''}) and French uses the typographic one (’).
 *
 * <p>Static on purpose: the words are needed in value code that has no Spring bean at hand (the
 * grant's phases, the pure payment calendar, the ledger's refusals, unit tests without Spring).
 * Amounts and dates follow the language too ({@link #amount}, {@link #longDay}).
 */
public final class Words {

  /** The bundles, each with an English file and one per other language (a test checks they agree). */
  public static final List<String> BUNDLES = List.of("i18n/mails", "i18n/award", "i18n/pages", "i18n/refusals",
      "i18n/form-refusals", "i18n/evidence", "i18n/pauses", "i18n/changes");

  private static final MessageSource MESSAGES = messageSource();

  private Words() {}

  private static MessageSource messageSource() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames(BUNDLES.toArray(String[]::new));
    source.setDefaultEncoding("UTF-8");
    // English is the base file, never the server's locale: a French server still mails English to English readers
    source.setFallbackToSystemLocale(false);
    source.setAlwaysUseMessageFormat(true);
    return source;
  }

  /** The message source itself (for Spring code that takes one). */
  public static MessageSource source() {
    return MESSAGES;
  }

  /** The text of {@code key} in {@code language} (English when the language has none), its {0}... filled in. */
  public static String say(Locale language, String key, Object... args) {
    return MESSAGES.getMessage(key, args, language == null ? Languages.FALLBACK : language);
  }

  /** The same in the language of the person the current request is for. */
  public static String say(String key, Object... args) {
    return say(ReaderLanguage.current(), key, args);
  }

  /** Whether {@code key} has a text (in English, so in every language). */
  public static boolean has(String key) {
    return MESSAGES.getMessage(key, null, null, Languages.FALLBACK) != null;
  }

  /**
   * A task's name as its reader reads it: the models' translation ({@code bpmn/i18n}, {@link
   * ModelTexts}) in their language, else the name the engine gives (the model's English).
   */
  public static String taskName(String taskDefinitionKey, String engineName, Locale language) {
    String english = engineName != null && !engineName.isBlank() ? engineName : taskDefinitionKey;
    return taskDefinitionKey == null ? english : ModelTexts.shared().taskName(taskDefinitionKey, language).orElse(english);
  }

  /**
   * A group as people read it: its stored name in English; in another language its text
   * {@code group.<id>} where the bundles have one ("Chargé·es de programme"), else its stored name.
   */
  public static String groupName(String groupId, String storedName, Locale language) {
    String key = "group." + groupId;
    boolean english = language == null || Languages.FALLBACK.getLanguage().equals(language.getLanguage());
    return english || !has(key) ? storedName : say(language, key);
  }

  /**
   * An amount with thousands separated and cents, as people of the language write it: 40,000.00 in
   * English, 40 000,00 in French (the narrow no-break space Java's French format gives). Never rounds.
   */
  public static String amount(BigDecimal amount, Locale language) {
    Locale locale = language == null || Languages.FALLBACK.getLanguage().equals(language.getLanguage())
        ? Locale.ENGLISH : language;
    DecimalFormat format = new DecimalFormat("#,##0.00#########", DecimalFormatSymbols.getInstance(locale));
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(amount);
  }

  /** {@link #amount} followed by the currency: 40,000.00 EUR, 40 000,00 EUR. */
  public static String amount(BigDecimal amount, String currency, Locale language) {
    return amount(amount, language) + " " + currency;
  }

  /** "Friday 15 January 2027", "vendredi 15 janvier 2027": a day nobody misreads. */
  public static String longDay(LocalDate day, Locale language) {
    return DateTimeFormatter.ofPattern(say(language, "format.longDay"), localeOf(language)).format(day);
  }

  /** A day in the language's pattern for short mentions (subjects, lists): 2027-01-15, 15/01/2027. */
  public static String shortDay(LocalDate day, Locale language) {
    return DateTimeFormatter.ofPattern(say(language, "format.shortDay"), localeOf(language)).format(day);
  }

  /** A moment: "3 December 2026, 10:15 (CET)", "3 décembre 2026 à 10:15 (CET)". */
  public static String moment(Instant instant, Locale language) {
    return DateTimeFormatter.ofPattern(say(language, "format.moment"), localeOf(language))
        .format(instant.atZone(ZoneId.systemDefault()));
  }

  private static Locale localeOf(Locale language) {
    return language == null ? Languages.FALLBACK : language;
  }
}
