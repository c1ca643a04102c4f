package org.citygrants.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Tasklist filters of tasklist-filters.yaml: every name, description and column label translated, nothing stale. */
class FilterTranslationsTest {

  private final FilterTexts texts = new FilterTexts();

  @Test
  void everyFilterTextIsTranslatedAndNoLineIsStale() throws IOException {
    Set<String> keys = englishKeys();
    assertThat(keys).contains("my-tasks.name", "coach-my-cities-tasks.description", "variable.grantReference");
    for (Locale language : ProductLanguages.translated()) {
      Map<String, String> translated = texts.translations(language);
      assertThat(translated.keySet()).as("tasklist-filters_%s.properties", language).containsAll(keys);
      assertThat(keys).as("lines of tasklist-filters_%s.properties that name no filter", language)
          .containsAll(translated.keySet());
      translated.values().forEach(text -> assertThat(text).isNotBlank());
    }
  }

  @Test
  void aFilterAsTheEngineRestApiAnswersIt() throws IOException {
    ObjectNode filter = (ObjectNode) new ObjectMapper().readTree("""
        {"id":"f1","name":"Coach: my cities' tasks","owner":"coach1","properties":{"description":
        "Every open task of the grants I coach, the city teams' included","color":"#bf8700",
        "variables":[{"name":"grantReference","label":"Grant"},{"name":"somethingElse","label":"Else"}]}}""");
    texts.translate(filter, Locale.FRENCH);
    assertThat(filter.path("name").asText()).isEqualTo("Coach\u00a0: les tâches de mes villes");
    assertThat(filter.path("properties").path("description").asText()).startsWith("Toutes les tâches ouvertes");
    assertThat(filter.path("properties").path("variables").get(0).path("label").asText()).isEqualTo("Subvention");
    assertThat(filter.path("properties").path("variables").get(1).path("label").asText()).isEqualTo("Else");
    assertThat(filter.path("owner").asText()).isEqualTo("coach1");

    ObjectNode english = (ObjectNode) new ObjectMapper().readTree("{\"name\":\"My tasks\"}");
    texts.translate(english, Locale.ENGLISH);
    assertThat(english.path("name").asText()).isEqualTo("My tasks");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> englishKeys() throws IOException {
    try (InputStream in = FilterTranslationsTest.class.getResourceAsStream("/tasklist-filters.yaml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      Set<String> keys = new LinkedHashSet<>();
      for (Map<String, Object> filter : (List<Map<String, Object>>) yaml.get("filters")) {
        String name = (String) filter.get("name");
        keys.add(FilterTexts.filterKey(name, "name"));
        if (filter.get("description") != null) {
          keys.add(FilterTexts.filterKey(name, "description"));
        }
        columns(filter.get("variables"), keys);
      }
      columns(((Map<String, Object>) yaml.get("filterDefaults")).get("variables"), keys);
      return keys;
    }
  }

  @SuppressWarnings("unchecked")
  private static void columns(Object variables, Set<String> keys) {
    if (variables != null) {
      for (Map<String, Object> column : (List<Map<String, Object>>) variables) {
        keys.add(FilterTexts.variableKey((String) column.get("name")));
      }
    }
  }
}
