package org.citygrants.language;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * The language a person chose, stored with the user in the engine's identity (its user info
 * {@value #USER_INFO_KEY}, set from the identities YAML or by the person on their pages), and
 * which language to speak to them in: their choice, else what their browser asks for, else
 * English. Mails have no browser: the recipient's choice or English.
 */
@Service
public class LanguagePreferences {

  public static final String USER_INFO_KEY = "language";

  private final IdentityService identityService;
  private final Languages languages;

  public LanguagePreferences(IdentityService identityService, Languages languages) {
    this.identityService = identityService;
    this.languages = languages;
  }

  /** The language the user chose, if they chose a supported one. */
  public Optional<Locale> chosenBy(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return languages.supportedOf(identityService.getUserInfo(userId, USER_INFO_KEY));
  }

  /**
   * Stores the user's choice; {@code null} or blank forgets it (their browser decides again).
   *
   * @throws UnsupportedLanguageException when the tag names no supported language
   */
  public void choose(String userId, String tag) {
    Locale language = tag == null || tag.isBlank() ? null
        : languages.supportedOf(tag).orElseThrow(() -> new UnsupportedLanguageException(tag, languages));
    // Over HTTP the person is the engine's authenticated user, and the engine refuses people every
    // command the application does not name (access.EngineInputPolicy), setting user info included:
    // the application stores the choice itself, for this user only, as the demo seeding does
    org.camunda.bpm.engine.impl.identity.Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      if (language == null) {
        identityService.deleteUserInfo(userId, USER_INFO_KEY);
      } else {
        identityService.setUserInfo(userId, USER_INFO_KEY, language.getLanguage());
      }
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  /** The language of a page or an answer for this user and their browser's {@code Accept-Language}. */
  public Locale forReader(String userId, String acceptLanguage) {
    return chosenBy(userId).orElseGet(() -> languages.bestFor(acceptLanguage));
  }

  /** The language of a mail to this user: their choice, English when they made none. */
  public Locale forRecipient(String userId) {
    return chosenBy(userId).orElse(Languages.FALLBACK);
  }

  /** A language tag that names no supported language. */
  public static class UnsupportedLanguageException extends IllegalArgumentException {
    public UnsupportedLanguageException(String tag, Languages languages) {
      super("\"" + tag + "\" is not one of the product's languages (" + String.join(", ", languages.languages()) + ").");
    }
  }
}
