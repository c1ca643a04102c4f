package org.citygrants.language;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * One translation file of the product: a Java properties file (UTF-8) beside what it translates,
 * named {@code <folder>/<name>_<language>.properties} ({@code forms/i18n/grant-application_fr.properties},
 * {@code bpmn/i18n/city-grant_fr.properties}). The English text stays in the source (the form, the
 * model, the YAML); a file holds one other language. Read with {@link ResourceBundle} and no
 * fallback: a language without its file, or a key without its line, keeps the English text,
 * whatever the server's own locale.
 */
public final class TranslationFile {

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private TranslationFile() {}

  /** The bundle's base name for a resource folder and a name: {@code forms/i18n} and {@code grant-application}. */
  static String baseName(String folder, String name) {
    return folder.isEmpty() ? name : folder.replace('/', '.') + "." + name;
  }

  /** The texts of one file in one language; empty when that file does not exist (English never has one). */
  public static Map<String, String> texts(String folder, String name, Locale language) {
    return bundle(folder, name, language).map(TranslationFile::asMap).orElse(Map.of());
  }

  /** The path of the file for a language, as a translator creates it. */
  public static String path(String folder, String name, Locale language) {
    return (folder.isEmpty() ? "" : folder + "/") + name + "_" + language.getLanguage() + ".properties";
  }

  private static Optional<ResourceBundle> bundle(String folder, String name, Locale language) {
    if (language == null || language.getLanguage().equals(Languages.FALLBACK.getLanguage())) {
      return Optional.empty();
    }
    try {
      ResourceBundle bundle = ResourceBundle.getBundle(baseName(folder, name),
          Locale.forLanguageTag(language.getLanguage()), TranslationFile.class.getClassLoader(), NO_FALLBACK);
      // a bundle found for another language (none here: no base file exists) is no translation
      return bundle.getLocale().getLanguage().equals(language.getLanguage()) ? Optional.of(bundle) : Optional.empty();
    } catch (MissingResourceException none) {
      return Optional.empty();
    }
  }

  private static Map<String, String> asMap(ResourceBundle bundle) {
    Map<String, String> texts = new TreeMap<>();
    for (String key : bundle.keySet()) {
      texts.put(key, bundle.getString(key));
    }
    return Map.copyOf(texts);
  }
}
