package org.citygrants.validation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.citygrants.language.Languages;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;

/**
 * The sentences of the server's refusals of a submitted form, in the language of the person who
 * submitted it ({@link ReaderLanguage}; English outside a request): the bundle
 * {@code i18n/form-refusals} of the product's words ({@link Words}), with the numbers and days
 * written the reader's way.
 */
public final class RefusalMessages {

  private RefusalMessages() {}

  /** The sentence in the reader's language; every argument is text already (no number formatting by the pattern). */
  public static String text(String code, Object... arguments) {
    return Words.say(language(), code, arguments);
  }

  /** The reader's language. */
  public static Locale language() {
    return ReaderLanguage.current();
  }

  /** A number as the reader writes it: 15000 in English (as before), "15 000" in French. */
  static String number(BigDecimal number) {
    Locale language = language();
    if (Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
      return number.toPlainString();
    }
    NumberFormat format = NumberFormat.getNumberInstance(language);
    format.setMaximumFractionDigits(Math.max(0, number.scale()));
    return format.format(number);
  }

  /** A day in words in the reader's language ("20 November 2026", "20 novembre 2026"). */
  static String day(LocalDate day) {
    Locale language = language();
    return DateTimeFormatter.ofPattern(text("date.pattern"), language).format(day);
  }
}
