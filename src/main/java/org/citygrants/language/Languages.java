package org.citygrants.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The languages people read the product in: English first (the fallback when nothing else is
 * known), then the others, from {@code grant.languages}. Adding a language is adding its tag here
 * and its translation files beside the forms, the process models, the mails and the pages; the
 * tests fail while one of them lacks a text in a listed language.
 */
@ConfigurationProperties(prefix = "grant")
public record Languages(List<String> languages) {

  public static final Locale FALLBACK = Locale.ENGLISH;

  public Languages {
    languages = languages == null || languages.isEmpty() ? List.of("en", "fr")
        : languages.stream().map(tag -> Locale.forLanguageTag(tag.trim()).getLanguage()).distinct().toList();
    if (!languages.contains(FALLBACK.getLanguage())) {
      throw new IllegalArgumentException("grant.languages must contain en, the language every text is written in first");
    }
  }

  /** The supported languages as locales (language only, no country), English first. */
  public List<Locale> supported() {
    return languages.stream().map(Locale::forLanguageTag).toList();
  }

  /** The supported language a tag names ("fr", "fr-FR", "FR"), if any. */
  public Optional<Locale> supportedOf(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
    return languages.contains(language) ? Optional.of(Locale.forLanguageTag(language)) : Optional.empty();
  }

  /**
   * The supported language a browser asks for first in its {@code Accept-Language} header
   * ("fr-FR,fr;q=0.9,en;q=0.8" gives French), English when it names none or the header is
   * malformed.
   */
  public Locale bestFor(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return FALLBACK;
    }
    try {
      return Locale.LanguageRange.parse(acceptLanguage).stream()
          .map(range -> supportedOf(range.getRange()))
          .flatMap(Optional::stream)
          .findFirst()
          .orElse(FALLBACK);
    } catch (IllegalArgumentException malformed) {
      return FALLBACK;
    }
  }
}
