package org.citygrants.browser;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.citygrants.language.FormTexts;
import org.citygrants.language.ModelTexts;

/**
 * Which language a screen speaks: every text of the product in English and in French (Tasklist's
 * own words, the programme's Tasklist scripts, the forms, the models' task and process names, the
 * pages' words), so that a line of a screen that is one language's text and not the other's can be
 * told. Texts with placeholders are left out (they never show as they are written).
 */
final class ScreenLanguage {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

  private final Set<String> english = new HashSet<>();
  private final Set<String> french = new HashSet<>();

  static ScreenLanguage ofTheProduct() throws IOException {
    ScreenLanguage texts = new ScreenLanguage();
    texts.tasklistWords();
    texts.scriptWords("tasklist/scripts/city-grants/texts.js");
    texts.scriptWords("city-grants/texts.js");
    texts.formWords();
    ModelTexts models = ModelTexts.shared();
    models.englishTexts().forEach((process, english) -> {
      Map<String, String> french = models.translations(process, Locale.FRENCH);
      english.forEach((key, text) -> texts.pair(text, french.get(key)));
    });
    texts.bundleWords("i18n/pages");
    return texts;
  }

  /**
   * The lines of a screen's text that are a text of the product in the other language only
   * ({@code "en"}: the English lines on a screen that should be French).
   */
  List<String> linesIn(String screenText, String otherLanguage) {
    Set<String> other = otherLanguage.equals("en") ? english : french;
    Set<String> own = otherLanguage.equals("en") ? french : english;
    List<String> found = new ArrayList<>();
    for (String line : screenText.split("\\R")) {
      String text = normalised(line);
      if (other.contains(text) && !own.contains(text)) {
        found.add(text);
      }
    }
    return found;
  }

  int size() {
    return english.size() + french.size();
  }

  private void pair(String englishText, String frenchText) {
    if (englishText == null || frenchText == null) {
      return;
    }
    String en = normalised(englishText);
    String fr = normalised(frenchText);
    if (en.equals(fr) || en.contains("{") || fr.contains("{") || en.contains("<") || en.length() < 3) {
      return;
    }
    english.add(en);
    french.add(fr);
  }

  private void tasklistWords() throws IOException {
    JsonNode en = resource(WEBJAR + "tasklist/locales/en.json").path("labels");
    JsonNode fr = resource(WEBJAR + "tasklist/locales/fr.json").path("labels");
    en.fields().forEachRemaining(e -> pair(e.getValue().asText(null), fr.path(e.getKey()).asText(null)));
  }

  /** A script's dictionary: {@code export default { "en": {...}, "fr": {...} }}. */
  private void scriptWords(String path) throws IOException {
    String module;
    try (InputStream in = stream(WEBJAR + path)) {
      module = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int start = module.indexOf("export default");
    String object = module.substring(module.indexOf('{', start), module.lastIndexOf('}') + 1);
    JsonNode texts = JSON.readTree(object);
    // the languages in the chooser are named in themselves ("English · Français") on every screen
    texts.path("en").fields().forEachRemaining(e -> {
      if (!e.getKey().equals("LANGUAGE_NAME")) {
        pair(e.getValue().asText(null), texts.path("fr").path(e.getKey()).asText(null));
      }
    });
  }

  private void formWords() throws IOException {
    FormTexts forms = new FormTexts();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        Map<String, String> french = forms.translations(form.path("id").asText(), Locale.FRENCH);
        FormTexts.texts(form).forEach((key, text) -> pair(text, french.get(key)));
      }
    }
  }

  private void bundleWords(String baseName) throws IOException {
    Properties en = properties(baseName + ".properties");
    Properties fr = properties(baseName + "_fr.properties");
    BiConsumer<String, String> each = (key, text) -> pair(text.replace("''", "'"), fr.getProperty(key));
    en.stringPropertyNames().forEach(key -> each.accept(key, en.getProperty(key)));
  }

  private static Properties properties(String path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = stream(path)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static JsonNode resource(String path) throws IOException {
    try (InputStream in = stream(path)) {
      return JSON.readTree(in);
    }
  }

  private static InputStream stream(String path) throws IOException {
    InputStream in = ScreenLanguage.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("not on the class path: " + path);
    }
    return in;
  }

  private static String normalised(String text) {
    return text.replaceAll("[\\u202f\\u00a0\\s]+", " ").strip();
  }
}
