package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.citygrants.language.LanguagePreferences;
import org.citygrants.language.Languages;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fixed texts of the product's own pages in the reader's language: the keys
 * {@code page.<page>.*} and {@code page.common.*} of the bundle {@code i18n/pages}, so a page's
 * words are data beside the other texts, not code. A text keeps its {0}-style placeholders for the
 * page to fill in.
 */
@RestController
@Tag(name = "Me")
public class TextsController {

  /** The pages and the prefix of their keys. */
  private static final Map<String, String> PAGES = Map.of("grant-page", "page.grant.", "cohort", "page.cohort.");
  private static final String COMMON = "page.common.";
  private static final List<String> KEYS = keys();

  private final LanguagePreferences preferences;
  private final Languages languages;
  private final GrantAccess access;

  public TextsController(LanguagePreferences preferences, Languages languages, GrantAccess access) {
    this.preferences = preferences;
    this.languages = languages;
    this.access = access;
  }

  /** A page's texts: the language they are in, the person's choice (null: their browser decides) and the texts. */
  public record PageTexts(
      @Schema(example = "fr") String language,
      @Schema(example = "fr", nullable = true) String chosen,
      @Schema(example = "[\"en\", \"fr\"]") List<String> supported,
      @Schema(description = "key (without the page's prefix) to text") Map<String, String> texts) {}

  @GetMapping(path = "/api/texts/{page}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A page's texts in my language",
      description = "The fixed texts of the grant page (grant-page) or the cohort view (cohort) in the signed-in "
          + "person's language: their choice, else their browser's, else English.")
  @ApiResponse(responseCode = "200", description = "The texts")
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "404", description = "No such page", content = @Content(schema = @Schema(implementation = ApiError.class)))
  public PageTexts texts(@Parameter(example = "grant-page") @PathVariable String page,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    String prefix = PAGES.get(page);
    if (prefix == null) {
      throw ApiException.notFound("There is no page " + page + ".");
    }
    Locale language = ReaderLanguage.current();
    Map<String, String> texts = new TreeMap<>();
    for (String key : KEYS) {
      if (key.startsWith(prefix) || key.startsWith(COMMON)) {
        texts.put(key.startsWith(prefix) ? key.substring(prefix.length()) : "common." + key.substring(COMMON.length()),
            Words.say(language, key));
      }
    }
    return new PageTexts(language.getLanguage(), preferences.chosenBy(user).map(Locale::getLanguage).orElse(null),
        languages.languages(), texts);
  }

  /** The keys of the pages' texts, from the English bundle (every language has the same, a test checks). */
  private static List<String> keys() {
    Properties english = new Properties();
    try (InputStream in = TextsController.class.getClassLoader().getResourceAsStream("i18n/pages.properties")) {
      english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return english.stringPropertyNames().stream().filter(k -> k.startsWith("page.")).sorted().toList();
  }
}
