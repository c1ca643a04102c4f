package org.citygrants.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A Camunda Form file (forms/*.form) read straight from its JSON, independently of {@link FormSchema}:
 * the oracle the generated validation cases are built from. Knows how to fill in a valid value for
 * each input field and which values break which rule.
 */
record FormFile(String fileName, String formId, List<Input> inputs) {

  static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime", "taglist");

  /** Text samples tried, in this order, to satisfy a text field's pattern and lengths. */
  private static final List<String> TEXT_SAMPLES = List.of(
      "We believe that parents will come. We will know we are right when 30 parents attend.",
      "experiments@lyon.example.org",
      "P3M",
      "lyon, tampere",
      "Plain text written by a person");

  /** One input field as the form declares it. */
  record Input(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
      Integer minLength, Integer maxLength, String pattern, List<String> values, String valuesKey, String hide,
      Integer decimalDigits) {

    boolean isText() {
      return type.equals("textfield") || type.equals("textarea");
    }

    boolean isEnumeration() {
      return (type.equals("select") || type.equals("radio")) && valuesKey == null;
    }

    /** A value every rule of the field accepts. */
    Object validValue() {
      return switch (type) {
        case "number" -> number(min != null ? min : max != null ? max : BigDecimal.ONE);
        case "checkbox" -> Boolean.TRUE;
        case "datetime" -> LocalDate.now().toString();
        case "select", "radio" -> valuesKey == null ? values.get(0) : "coach1";
        case "checklist", "taglist" -> valuesKey == null ? List.of(values.get(0)) : List.of("any");
        default -> validText();
      };
    }

    /** The number as a form sends it: a whole number as Long, otherwise a Double. */
    Object number(BigDecimal value) {
      return value.stripTrailingZeros().scale() <= 0 ? (Object) value.longValueExact() : (Object) value.doubleValue();
    }

    /** The smallest step of the field's limits: 1 for whole limits, 0.01 for a limit such as 0.01. */
    BigDecimal step() {
      int scale = Arrays.asList(min, max).stream().filter(v -> v != null)
          .mapToInt(v -> Math.max(0, v.stripTrailingZeros().scale())).max().orElse(0);
      return BigDecimal.ONE.movePointLeft(scale);
    }

    String validText() {
      for (String sample : TEXT_SAMPLES) {
        String candidate = fitLength(sample);
        if (candidate != null && acceptsText(candidate)) {
          return candidate;
        }
      }
      throw new IllegalStateException("No sample text fits field " + key + " (pattern " + pattern
          + "): add one to FormFile.TEXT_SAMPLES");
    }

    private String fitLength(String sample) {
      String text = sample;
      if (minLength != null && text.length() < minLength) {
        text = "x".repeat(minLength - text.length()) + text;
      }
      if (maxLength != null && text.length() > maxLength) {
        return null;
      }
      return text;
    }

    boolean acceptsText(String text) {
      return (minLength == null || text.length() >= minLength) && (maxLength == null || text.length() <= maxLength)
          && (pattern == null || Pattern.compile(pattern).matcher(text).find());
    }

    /** Text within the lengths that does not match the pattern. */
    String textBreakingPattern() {
      for (String sample : List.of("does not match", "P", "@", "Lyon; Tampere", "?")) {
        String candidate = fitLength(sample);
        if (candidate != null && (minLength == null || candidate.length() >= minLength)
            && !Pattern.compile(pattern).matcher(candidate).find()) {
          return candidate;
        }
      }
      throw new IllegalStateException("No text breaks the pattern of " + key);
    }
  }

  static List<FormFile> all() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
      List<FormFile> forms = new ArrayList<>();
      for (Resource resource : resources) {
        try (InputStream in = resource.getInputStream()) {
          forms.add(parse(resource.getFilename(), new ObjectMapper().readTree(in)));
        }
      }
      forms.sort(Comparator.comparing(FormFile::formId));
      return forms;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FormFile parse(String fileName, JsonNode form) {
    List<Input> inputs = new ArrayList<>();
    collect(form.path("components"), inputs);
    return new FormFile(fileName, form.path("id").asText(), List.copyOf(inputs));
  }

  private static void collect(JsonNode components, List<Input> inputs) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.path("components"), inputs);
      }
      if (!INPUT_TYPES.contains(c.path("type").asText()) || !c.hasNonNull("key")
          || c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode v = c.path("validate");
      List<String> values = new ArrayList<>();
      c.path("values").forEach(value -> values.add(value.path("value").asText()));
      String label = c.hasNonNull("label") ? c.get("label").asText()
          : c.hasNonNull("dateLabel") ? c.get("dateLabel").asText() : c.get("key").asText();
      inputs.add(new Input(c.get("key").asText(), label, c.path("type").asText(), v.path("required").asBoolean(false),
          fixedLimit(v.get("min")),
          fixedLimit(v.get("max")),
          v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
          v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
          v.hasNonNull("pattern") ? v.get("pattern").asText() : null,
          List.copyOf(values),
          c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null,
          c.path("conditional").hasNonNull("hide") ? c.path("conditional").get("hide").asText() : null,
          c.hasNonNull("decimalDigits") ? c.get("decimalDigits").asInt() : null));
    }
  }

  /** A submission that fills every input field with a valid value. */
  Map<String, Object> validSubmission() {
    Map<String, Object> values = new LinkedHashMap<>();
    inputs.forEach(input -> values.put(input.key(), input.validValue()));
    return values;
  }

  @Override
  public String toString() {
    return fileName;
  }

  /** A fixed number limit; none for a limit the form computes ({@code "max": "=awardedAmount"}). */
  private static BigDecimal fixedLimit(JsonNode limit) {
    return limit == null || limit.isNull() || limit.asText().startsWith("=") ? null : new BigDecimal(limit.asText());
  }
}
