package org.citygrants.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The languages the product is configured with (application.yaml's {@code grant.languages} default), other than English. */
final class ProductLanguages {

  private ProductLanguages() {}

  @SuppressWarnings("unchecked")
  static List<Locale> translated() {
    try (InputStream in = ProductLanguages.class.getResourceAsStream("/application.yaml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      String value = String.valueOf(((Map<String, Object>) yaml.get("grant")).get("languages"));
      // "${GRANT_LANGUAGES:en,fr}": the default the product ships with
      String tags = value.startsWith("${") ? value.substring(value.indexOf(':') + 1, value.length() - 1) : value;
      return new Languages(List.of(tags.split(","))).supported().stream()
          .filter(language -> !language.equals(Languages.FALLBACK)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
