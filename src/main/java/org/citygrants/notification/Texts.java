package org.citygrants.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.citygrants.language.Words;

/** Small text helpers of the notices: column-safe lengths and dates as city officials read them. */
final class Texts {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH);

  private Texts() {}

  /** Cuts a text to fit a column of the given length, marking the cut. */
  static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1) + "…";
  }

  static LocalDate day(Date date) {
    return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }

  /** "Friday 15 January 2027": a day nobody misreads, whatever their country's date order. */
  static String longDay(LocalDate day) {
    return LONG_DAY.format(day);
  }

  static String format(Date date) {
    return DAY.format(day(date));
  }

  /** A due date in a subject or a list, in the reader's language: 2027-01-15, vendredi 15 janvier 2027. */
  static String format(Date date, java.util.Locale language) {
    return Words.shortDay(day(date), language);
  }

  static String format(LocalDate day, java.util.Locale language) {
    return Words.shortDay(day, language);
  }

  static String longDay(LocalDate day, java.util.Locale language) {
    return Words.longDay(day, language);
  }
}
