package org.citygrants.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

  private final Languages languages = new Languages(List.of("en", "fr"));

  @Test
  void aBrowserGetsTheFirstSupportedLanguageItAsksFor() {
    assertThat(languages.bestFor("fr-FR,fr;q=0.9,en;q=0.8")).isEqualTo(Locale.FRENCH);
    assertThat(languages.bestFor("de-DE,de;q=0.9,fr;q=0.5,en;q=0.3")).isEqualTo(Locale.FRENCH);
    assertThat(languages.bestFor("en-GB")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void englishWhenTheBrowserNamesNoneOrSpeaksGibberish() {
    assertThat(languages.bestFor(null)).isEqualTo(Locale.ENGLISH);
    assertThat(languages.bestFor("de, pt")).isEqualTo(Locale.ENGLISH);
    assertThat(languages.bestFor(";;;q=x")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void tagsAreReadWithOrWithoutCountry() {
    assertThat(languages.supportedOf("FR")).contains(Locale.FRENCH);
    assertThat(languages.supportedOf("fr_FR")).contains(Locale.FRENCH);
    assertThat(languages.supportedOf("pt")).isEmpty();
    assertThat(languages.supportedOf(" ")).isEmpty();
  }

  @Test
  void englishIsAlwaysThereAndFirstByDefault() {
    assertThat(new Languages(null).languages()).containsExactly("en", "fr");
    assertThatThrownBy(() -> new Languages(List.of("fr"))).isInstanceOf(IllegalArgumentException.class);
  }
}
