package org.citygrants.language;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The language of the person the current request is for, wherever the code runs in it (a
 * controller, the engine REST API, a listener or delegate the engine calls while completing a
 * task): set for every request by {@link ReaderLanguageFilter}, and English where no request is
 * (the job executor, start-up).
 */
public final class ReaderLanguage {

  private ReaderLanguage() {}

  public static Locale current() {
    LocaleContext context = LocaleContextHolder.getLocaleContext();
    Locale locale = context == null ? null : context.getLocale();
    return locale == null ? Languages.FALLBACK : locale;
  }
}
