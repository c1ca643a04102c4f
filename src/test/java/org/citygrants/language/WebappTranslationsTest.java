package org.citygrants.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps' own words in every language of the product: for each app, each key of the
 * webjar's en.json (Camunda's, read from the webjar on the class path, so an upgrade of Camunda that
 * adds or changes keys fails here) has a text in this project's locales/&lt;language&gt;.json with the same
 * {{placeholders}}, HTML tags and %s/%d; each app's config.js offers exactly the product's
 * languages; and the programme's own scripts' dictionaries (texts.js) have every English key in
 * every language. Plain files, no Spring.
 */
class WebappTranslationsTest {

  private static final Path APPS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
  private static final String WEBJAR_APPS = "META-INF/resources/webjars/camunda/app/";
  private static final List<String> LANGUAGES = new Languages(null).languages();
  /** What a translation must keep: {{placeholders}}, HTML tags Camunda's texts use, moment's %s and %d. */
  private static final Pattern KEPT = Pattern.compile(
      "\\{\\{\\s*[^}]*?\\s*}}|</?(?:a|b|br|code|em|i|li|p|span|strong|ul|ol|div|small|pre|h[1-6])\\b[^>]*>|%[sd]");
  private static final Pattern AVAILABLE_LOCALES = Pattern.compile("availableLocales:\\s*\\[([^\\]]*)]");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void everyKeyOfCamundasEnglishHasATextInEveryLanguage(String app) throws IOException {
    JsonNode english = camundasEnglish(app);
    for (String language : LANGUAGES) {
      if (language.equals("en")) {
        continue;
      }
      Path file = APPS.resolve(app).resolve("locales").resolve(language + ".json");
      assertThat(file).as("%s's words in %s", app, language).exists();
      JsonNode translated = read(Files.readString(file));
      assertThat(problems(english.path("labels"), translated.path("labels")))
          .as("%s, %s: keys without a text, or whose text lost a placeholder or tag", file, language).isEmpty();
      assertThat(sameShape(english.path("dateLocales"), translated.path("dateLocales")))
          .as("%s: dateLocales (moment's calendar words) shaped as Camunda's", file).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void everyAppOffersTheProductsLanguagesEnglishFirst(String app) throws IOException {
    String config = Files.readString(APPS.resolve(app).resolve("scripts/config.js"));
    Matcher offered = AVAILABLE_LOCALES.matcher(config);
    assertThat(offered.find()).as("%s's config.js names its locales", app).isTrue();
    List<String> locales = Stream.of(offered.group(1).split(","))
        .map(tag -> tag.trim().replaceAll("^['\"]|['\"]$", "")).filter(tag -> !tag.isEmpty()).toList();
    assertThat(locales).isEqualTo(LANGUAGES);
    assertThat(config).contains("fallbackLocale: 'en'");
  }

  @Test
  void theProgrammesScriptsHaveEveryTextInEveryLanguage() throws IOException {
    List<Path> dictionaries;
    try (Stream<Path> files = Files.walk(APPS)) {
      dictionaries = files.filter(file -> file.getFileName().toString().equals("texts.js")).sorted().toList();
    }
    assertThat(dictionaries).as("the shared one and Tasklist's")
        .contains(APPS.resolve("city-grants/texts.js"), APPS.resolve("tasklist/scripts/city-grants/texts.js"));
    for (Path file : dictionaries) {
      JsonNode texts = dictionary(Files.readString(file));
      assertThat(texts.path("en").size()).as("%s has English texts", file).isPositive();
      for (String language : LANGUAGES) {
        assertThat(problems(texts.path("en"), texts.path(language))).as("%s, %s", file, language).isEmpty();
      }
    }
  }

  @Test
  void aMissingKeyALostPlaceholderOrTagAnEmptyTextAndAStaleKeyAreEachFound() throws IOException {
    JsonNode english = read("""
        {"A": "Hello {{name}}", "B": "See <a href=\\"x\\">here</a>", "C": "Saved", "D": "Gone", "E": ""}""");
    JsonNode translated = read("""
        {"A": "Bonjour", "B": "Voir ici", "C": " ", "E": "", "F": "Plus là"}""");
    assertThat(problems(english, translated)).containsExactly(
        "A: keeps [{{name}}] as [] in \"Bonjour\"",
        "B: keeps [</a>, <a href=\"x\">] as [] in \"Voir ici\"",
        "C: no text (English: \"Saved\")",
        "D: no text (English: \"Gone\")",
        "F: not a key of the English file (left from an older Camunda?)");
    assertThat(problems(english, read("""
        {"A": "Bonjour {{ name }}", "B": "Voir <a href=\\"x\\">ici</a>", "C": "Enregistré", "D": "Parti", "E": ""}""")))
        .as("placeholders may be spaced differently").isEmpty();
  }

  /** What is wrong with the translated texts against the English ones, one line per key. */
  static List<String> problems(JsonNode english, JsonNode translated) {
    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> keys = english.fields(); keys.hasNext(); ) {
      Map.Entry<String, JsonNode> key = keys.next();
      String source = key.getValue().asText();
      JsonNode text = translated.get(key.getKey());
      if (text == null || !text.isTextual() || (text.asText().isBlank() && !source.isBlank())) {
        problems.add(key.getKey() + ": no text (English: \"" + source + "\")");
        continue;
      }
      List<String> kept = kept(source);
      List<String> found = kept(text.asText());
      if (!kept.equals(found)) {
        problems.add(key.getKey() + ": keeps " + kept + " as " + found + " in \"" + text.asText() + "\"");
      }
    }
    for (Iterator<String> keys = translated.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!english.has(key)) {
        problems.add(key + ": not a key of the English file (left from an older Camunda?)");
      }
    }
    return problems;
  }

  private static List<String> kept(String text) {
    List<String> kept = new ArrayList<>();
    Matcher matcher = KEPT.matcher(text);
    while (matcher.find()) {
      String token = matcher.group();
      kept.add(token.startsWith("{{") ? "{{" + token.substring(2, token.length() - 2).trim() + "}}" : token);
    }
    Collections.sort(kept);
    return kept;
  }

  /** Same object keys and array lengths all the way down (the values are the language's words). */
  private static boolean sameShape(JsonNode english, JsonNode translated) {
    if (english.isObject()) {
      if (!translated.isObject() || english.size() != translated.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = english.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!translated.has(field.getKey()) || !sameShape(field.getValue(), translated.get(field.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (english.isArray()) {
      return translated.isArray() && english.size() == translated.size();
    }
    return english.isMissingNode() ? translated.isMissingNode() : english.getNodeType() == translated.getNodeType();
  }

  /** Camunda's own en.json, from the webjar (this project only adds other languages beside it). */
  private static JsonNode camundasEnglish(String app) throws IOException {
    String path = WEBJAR_APPS + app + "/locales/en.json";
    for (URL url : Collections.list(WebappTranslationsTest.class.getClassLoader().getResources(path))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        try (InputStream in = url.openStream()) {
          return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    throw new IllegalStateException("Camunda's webjar has no " + path);
  }

  /** A texts.js: an optional comment, then {@code export default} and a JSON object. */
  private static JsonNode dictionary(String script) throws IOException {
    String json = script.replaceFirst("(?s)^\\s*/\\*.*?\\*/", "").trim()
        .replaceFirst("^export default", "").replaceFirst(";\\s*$", "");
    JsonNode texts = read(json);
    assertThat(texts).isInstanceOf(ObjectNode.class);
    return texts;
  }

  private static JsonNode read(String json) throws IOException {
    return JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
  }
}
