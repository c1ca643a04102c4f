package org.citygrants.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input rules of one Camunda Form (forms/*.form), read from the same file Tasklist renders,
 * so the server enforces exactly what the form promises: required, min/max, lengths, patterns
 * and the allowed values of selects and radios.
 */
public record FormSchema(String formId, List<Field> fields, Set<String> variableNames, Set<String> readOnlyKeys) {

  private static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime", "taglist");

  /**
   * One input field; null limits mean "no rule" (a limit the form computes, such as
   * {@code "max": "=awardedAmount"}, is checked in the browser only: the server checks such limits
   * against the ledger, not against a variable).
   *
   * @param money an amount of money (a number field shown with a currency sign): euros and cents,
   *     never more than two decimals, whatever its {@code decimalDigits}
   * @param notInThePast a date that must be today or later ({@code "properties": {"notInThePast": "true"}},
   *     or form-js's {@code disallowPassedDates})
   * @param valueLabels what the form shows for each allowed value of a select, radio or checklist
   *     ({@code "impact"} shown as "Impact: measurable change"), in the form's order
   */
  public record Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
      Integer minLength, Integer maxLength, String pattern, List<String> allowedValues, String hideExpression,
      Integer decimalDigits, boolean money, boolean notInThePast, Map<String, String> valueLabels) {

    /** A number field whose form allows no decimals. */
    public boolean wholeNumber() {
      return decimalDigits != null && decimalDigits == 0;
    }

    /** What the form shows for a value: its option's label, or the value itself when it has none. */
    public String labelOf(Object value) {
      String text = String.valueOf(value);
      return valueLabels.getOrDefault(text, text);
    }
  }

  /**
   * The label the form shows for a coded value of a select, radio or checklist, e.g. "Open tender"
   * for {@code procurementRoute = "open-tender"}; empty for an unknown field or value.
   */
  public Optional<String> labelOf(String key, Object value) {
    return fields.stream().filter(field -> field.key().equals(key)).findFirst()
        .map(field -> field.valueLabels().get(String.valueOf(value)));
  }

  /** The signs a money field carries as its prefix or suffix. */
  private static final Set<String> CURRENCY_SIGNS = Set.of("€", "EUR");

  /** FEEL string literals ("impact"), then the names an expression may read (objectiveType). */
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public static FormSchema parse(JsonNode form) {
    List<Field> fields = new ArrayList<>();
    Set<String> readOnly = new LinkedHashSet<>();
    collect(form.path("components"), fields, readOnly);
    fields.forEach(field -> readOnly.remove(field.key()));
    return new FormSchema(form.path("id").asText(), List.copyOf(fields), variableNames(fields), Set.copyOf(readOnly));
  }

  /** Whether a person may enter this key in the form (an input field that is not read-only). */
  public boolean isEditable(String key) {
    return fields.stream().anyMatch(field -> field.key().equals(key));
  }

  /** Whether the form shows this key without letting the person change it. */
  public boolean isReadOnly(String key) {
    return readOnlyKeys.contains(key);
  }

  /**
   * The variables validating this form reads: each field's key and every name its hide expression
   * may refer to (a superset: FEEL keywords and functions such as {@code not} are looked up too and
   * simply not found). Loading only these spares deserialising the grant's other variables.
   */
  private static Set<String> variableNames(List<Field> fields) {
    Set<String> names = new LinkedHashSet<>();
    for (Field field : fields) {
      names.add(field.key());
      if (field.hideExpression() != null) {
        Matcher name = NAME.matcher(STRING_LITERAL.matcher(field.hideExpression()).replaceAll(" "));
        while (name.find()) {
          names.add(name.group());
        }
      }
    }
    return Set.copyOf(names);
  }

  private static void collect(JsonNode components, List<Field> fields, Set<String> readOnly) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), fields, readOnly);
      }
      String type = component.path("type").asText();
      if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
        continue;
      }
      if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
        readOnly.add(component.path("key").asText());
        continue;
      }
      JsonNode validate = component.path("validate");
      List<String> values = new ArrayList<>();
      Map<String, String> labels = new LinkedHashMap<>();
      component.path("values").forEach(v -> {
        values.add(v.path("value").asText());
        labels.put(v.path("value").asText(), v.path("label").asText(v.path("value").asText()));
      });
      fields.add(new Field(
          component.path("key").asText(),
          label(component),
          type,
          validate.path("required").asBoolean(false),
          decimal(validate.get("min")),
          decimal(validate.get("max")),
          integer(validate.get("minLength")),
          integer(validate.get("maxLength")),
          validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
          component.has("valuesKey") ? List.of() : List.copyOf(values),
          component.path("conditional").hasNonNull("hide") ? component.path("conditional").get("hide").asText() : null,
          component.path("decimalDigits").canConvertToInt() ? component.path("decimalDigits").asInt() : null,
          "number".equals(type) && isMoney(component),
          "datetime".equals(type) && (component.path("disallowPassedDates").asBoolean(false)
              || "true".equals(component.path("properties").path("notInThePast").asText())),
          component.has("valuesKey") ? Map.of() : java.util.Collections.unmodifiableMap(labels)));
    }
  }

  /**
   * The words a person sees above the field: its label (a date field's date label), or for a field
   * without one its key in words ("newPreparationDueDate" as "New preparation due date"), never the key itself.
   */
  private static String label(JsonNode component) {
    String label = component.path("label").asText(component.path("dateLabel").asText(""));
    if (!label.isBlank()) {
      return label.strip();
    }
    String words = component.path("key").asText().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ENGLISH);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static boolean isMoney(JsonNode component) {
    JsonNode appearance = component.path("appearance");
    return CURRENCY_SIGNS.contains(appearance.path("suffixAdorner").asText().strip())
        || CURRENCY_SIGNS.contains(appearance.path("prefixAdorner").asText().strip());
  }

  /** A fixed limit; none for a limit the form computes (a FEEL expression such as {@code =awardedAmount}). */
  private static BigDecimal decimal(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank() || node.asText().startsWith("=") ? null
        : new BigDecimal(node.asText());
  }

  private static Integer integer(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asInt();
  }
}
