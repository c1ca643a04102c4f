package org.citygrants.config;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO-8601 durations as the engine's timers understand them: a date part (P1Y2M3W4D) and an
 * optional time part (T1H30M). java.time splits these into Period and Duration; this class adds
 * either to a date so that P3M means three calendar months and PT5M five minutes.
 */
public final class IsoDurations {

  private static final Pattern ISO = Pattern.compile("^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$");
  private static final Pattern SPLIT = Pattern.compile("^(P[^T]*)(T.*)?$");

  private IsoDurations() {}

  public static boolean isValid(String value) {
    return value != null && ISO.matcher(value).matches();
  }

  static String checked(String property, String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "grant.durations." + property + " must be an ISO-8601 duration such as P3M or PT10M, not '" + value + "'");
    }
    return value;
  }

  public static Date plus(Date from, String isoDuration) {
    return Date.from(plus(ZonedDateTime.ofInstant(from.toInstant(), ZoneId.systemDefault()), isoDuration).toInstant());
  }

  public static Date minus(Date from, String isoDuration) {
    ZonedDateTime start = ZonedDateTime.ofInstant(from.toInstant(), ZoneId.systemDefault());
    Parts parts = parts(isoDuration);
    return Date.from(start.minus(parts.period).minus(parts.duration).toInstant());
  }

  public static ZonedDateTime plus(ZonedDateTime from, String isoDuration) {
    Parts parts = parts(isoDuration);
    return from.plus(parts.period).plus(parts.duration);
  }

  private record Parts(Period period, Duration duration) {}

  private static Parts parts(String iso) {
    if (!isValid(iso)) {
      throw new IllegalArgumentException("not an ISO-8601 duration: '" + iso + "'");
    }
    Matcher m = SPLIT.matcher(iso);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an ISO-8601 duration: '" + iso + "'");
    }
    try {
      Period period = "P".equals(m.group(1)) ? Period.ZERO : Period.parse(m.group(1));
      Duration duration = m.group(2) == null ? Duration.ZERO : Duration.parse("P" + m.group(2));
      return new Parts(period, duration);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 duration: '" + iso + "'", e);
    }
  }
}
