package org.citygrants.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The input rules of one Camunda Form (forms/*.form), read from the same file Tasklist renders,
 * so the server enforces exactly what the form promises: required, min/max, lengths, patterns
 * and the allowed values of selects and radios.
 */
public record FormSchema(String formId, List<Field> fields) {

  private static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime", "taglist");

  /** One input field; null limits mean "no rule". */
  public record Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
      Integer minLength, Integer maxLength, String pattern, List<String> allowedValues, String hideExpression,
      boolean wholeNumber) {}

  public static FormSchema parse(JsonNode form) {
    List<Field> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return new FormSchema(form.path("id").asText(), List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), fields);
      }
      String type = component.path("type").asText();
      if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")
          || component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode validate = component.path("validate");
      List<String> values = new ArrayList<>();
      component.path("values").forEach(v -> values.add(v.path("value").asText()));
      fields.add(new Field(
          component.path("key").asText(),
          component.path("label").asText(component.path("dateLabel").asText(component.path("key").asText())),
          type,
          validate.path("required").asBoolean(false),
          decimal(validate.get("min")),
          decimal(validate.get("max")),
          integer(validate.get("minLength")),
          integer(validate.get("maxLength")),
          validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
          component.has("valuesKey") ? List.of() : List.copyOf(values),
          component.path("conditional").hasNonNull("hide") ? component.path("conditional").get("hide").asText() : null,
          component.path("decimalDigits").asInt(-1) == 0));
    }
  }

  private static BigDecimal decimal(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank() ? null : new BigDecimal(node.asText());
  }

  private static Integer integer(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asInt();
  }
}
