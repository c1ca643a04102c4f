package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.citygrants.language.LanguagePreferences;
import org.citygrants.language.LanguagePreferences.UnsupportedLanguageException;
import org.citygrants.language.Languages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's language: what they chose (if anything) and what the product speaks to them in. */
@RestController
@RequestMapping(path = "/api/me/language", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Me", description = "The signed-in person's own settings")
public class LanguageController {

  private final LanguagePreferences preferences;
  private final Languages languages;
  private final GrantAccess access;

  public LanguageController(LanguagePreferences preferences, Languages languages, GrantAccess access) {
    this.preferences = preferences;
    this.languages = languages;
    this.access = access;
  }

  /** {@code chosen}: the person's choice or null (their browser decides); {@code language}: the one in use. */
  public record LanguageSetting(
      @Schema(description = "The language the person chose, or null when their browser decides", example = "fr", nullable = true)
      String chosen,
      @Schema(description = "The language pages, forms and answers are in for this person and browser", example = "fr")
      String language,
      @Schema(description = "The product's languages", example = "[\"en\", \"fr\"]")
      List<String> supported) {}

  /** The body of a choice: a supported language tag, or null to let the browser decide again. */
  public record LanguageChoice(@Schema(example = "fr", nullable = true) String language) {}

  @GetMapping
  @Operation(summary = "My language", description = "The language the signed-in person chose, and the one in use for their browser.")
  @ApiResponse(responseCode = "200", description = "The setting")
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  public LanguageSetting current(@Parameter(hidden = true) Authentication authentication,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    return setting(access.userId(authentication), acceptLanguage);
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Choose my language",
      description = "Stores the signed-in person's language with their user (mails follow it too); null lets the browser decide again.")
  @ApiResponse(responseCode = "200", description = "The new setting")
  @ApiResponse(responseCode = "400", description = "Not one of the product's languages",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  public LanguageSetting choose(@Parameter(hidden = true) Authentication authentication,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
      @RequestBody LanguageChoice choice) {
    String user = access.userId(authentication);
    try {
      preferences.choose(user, choice == null ? null : choice.language());
    } catch (UnsupportedLanguageException unsupported) {
      throw new ApiException(HttpStatus.BAD_REQUEST, unsupported.getMessage());
    }
    return setting(user, acceptLanguage);
  }

  private LanguageSetting setting(String user, String acceptLanguage) {
    return new LanguageSetting(preferences.chosenBy(user).map(l -> l.getLanguage()).orElse(null),
        preferences.forReader(user, acceptLanguage).getLanguage(), languages.languages());
  }
}
