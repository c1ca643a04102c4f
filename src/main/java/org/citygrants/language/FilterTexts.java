package org.citygrants.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters' names, descriptions and variable column labels in the reader's language.
 * The filters are created in English from {@code tasklist-filters.yaml}; each other language is a
 * file beside it, {@code tasklist-filters_<language>.properties}, keyed by the filter's name as a
 * slug ({@link #slug}: "Coach: my cities' tasks" is {@code coach-my-cities-tasks}) and by the
 * variable's name for a column:
 *
 * <pre>
 * my-tasks.name=Mes tâches
 * my-tasks.description=Les tâches qui me sont attribuées
 * variable.grantReference=Subvention
 * </pre>
 */
@Component
public class FilterTexts {

  /** The file's name on the classpath, beside {@code tasklist-filters.yaml}. */
  public static final String NAME = "tasklist-filters";

  private final Map<String, Map<String, String>> files = new ConcurrentHashMap<>();

  /** The translation key of a filter's text: its English name as a slug, then the property. */
  public static String filterKey(String englishName, String property) {
    return slug(englishName) + "." + property;
  }

  /** The translation key of a variable column's label. */
  public static String variableKey(String variableName) {
    return "variable." + variableName;
  }

  /** "Coach: my cities' tasks" as {@code coach-my-cities-tasks}: lower case, words joined by hyphens. */
  public static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
  }

  public Map<String, String> translations(Locale language) {
    if (language == null || Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
      return Map.of();
    }
    return files.computeIfAbsent(language.getLanguage(), file -> TranslationFile.texts("", NAME, language));
  }

  /**
   * Translates one filter of the engine REST API's answer in place ({@code name},
   * {@code properties.description}, {@code properties.variables[].label}); a filter the file does not
   * name (one an administrator made) keeps its texts.
   */
  public void translate(ObjectNode filter, Locale language) {
    Map<String, String> texts = translations(language);
    if (texts.isEmpty() || !filter.path("name").isTextual()) {
      return;
    }
    String englishName = filter.path("name").asText();
    put(filter, "name", texts.get(filterKey(englishName, "name")));
    if (filter.path("properties") instanceof ObjectNode properties) {
      put(properties, "description", texts.get(filterKey(englishName, "description")));
      for (JsonNode column : properties.path("variables")) {
        if (column instanceof ObjectNode variable) {
          put(variable, "label", texts.get(variableKey(variable.path("name").asText())));
        }
      }
    }
  }

  private static void put(ObjectNode node, String property, String translation) {
    if (translation != null && node.path(property).isTextual()) {
      node.put(property, translation);
    }
  }
}
