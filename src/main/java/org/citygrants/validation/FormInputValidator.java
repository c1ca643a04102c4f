package org.citygrants.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.language.FormTexts;
import org.citygrants.process.InputRejectedException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Checks submitted values against the rules of the form they were entered in, whatever the
 * channel (Tasklist, engine REST API, Java API). A refusal names the field and rolls back the
 * completion or start, so the task, its variables and the ledger stay as they were.
 */
@Component
public class FormInputValidator {

  /** yyyy-mm-dd */
  private static final int DATE_LENGTH = 10;
  /** No number a person types into a form here needs more: larger ones overflow the ledger and the engine's Long. */
  static final BigDecimal LARGEST_NUMBER = new BigDecimal("999999999999999");
  private static final int SHOWN_LENGTH = 40;

  private final ObjectMapper mapper = new ObjectMapper();
  private final FormTexts texts = new FormTexts();
  private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

  public FormSchema schema(String formId) {
    return schemas.computeIfAbsent(formId, this::load);
  }

  /**
   * @param values the variables visible to the task or start event
   * @param hidden tells whether a field's {@code conditional.hide} expression is true
   * @return values for unticked checkboxes that were not submitted (false), to be stored
   */
  public Map<String, Object> validate(String formId, Map<String, Object> values, Predicate<String> hidden) {
    Map<String, Object> defaults = new java.util.HashMap<>();
    for (FormSchema.Field field : schema(formId).fields()) {
      if (field.hideExpression() != null && hidden.test(field.hideExpression())) {
        continue;
      }
      Object value = values.get(field.key());
      if (value == null && "checkbox".equals(field.type()) && !field.required()) {
        // an unticked box that was never sent means "no", as the form shows it
        defaults.put(field.key(), Boolean.FALSE);
        continue;
      }
      check(formId, field, value);
    }
    return defaults;
  }

  void check(FormSchema.Field field, Object value) {
    check(null, field, value);
  }

  /**
   * @param formId the form the field is on, for its label in the reader's language (null: the
   *     form's English label)
   */
  void check(String formId, FormSchema.Field field, Object value) {
    // the field by the label the person sees, in their language; the key travels beside the
    // message (the 400 body's "field")
    String name = label(formId, field);
    if (isEmpty(value)) {
      if (field.required()) {
        throw reject(field, text("required", name));
      }
      return;
    }
    switch (field.type()) {
      case "number" -> checkNumber(field, name, value);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw reject(field, text("checkbox.notBoolean", name, shown(value)));
        }
        if (field.required() && !((Boolean) value)) {
          throw reject(field, text("checkbox.mustBeTicked", name));
        }
      }
      case "datetime" -> checkDate(field, name, value);
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> items)) {
          throw reject(field, text("choices.notAList", name));
        }
        for (Object item : items) {
          checkAllowed(formId, field, name, item);
        }
      }
      default -> checkText(formId, field, name, value);
    }
  }

  /**
   * A date field holds a whole calendar day as the form sends it, year-month-day: nothing before or
   * after it, a day that exists (never moved to another one), and for a field that needs the future
   * today or later. Refusals say it in words and name the field by its label.
   */
  private void checkDate(FormSchema.Field field, String name, Object value) {
    if (!(value instanceof String text) || !looksLikeADay(text)) {
      throw reject(field, text("date.notADate", name, shown(value)));
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw reject(field, text("date.noSuchDay", name, text));
    }
    LocalDate today = today();
    if (field.notInThePast() && day.isBefore(today)) {
      throw reject(field, text("date.inThePast", name, RefusalMessages.day(day)));
    }
  }

  /** Four digits, a dash, two digits, a dash, two digits: the shape of a day as forms send it. */
  private static boolean looksLikeADay(String text) {
    if (text.length() != DATE_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < DATE_LENGTH; i++) {
      if (i != 4 && i != 7 && !Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Today on the engine's clock (tests move it), in the server's time zone. */
  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }

  private void checkNumber(FormSchema.Field field, String name, Object value) {
    BigDecimal number;
    if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
      throw reject(field, text("number.notFinite", name, shown(value)));
    }
    if (value instanceof Number n) {
      number = new BigDecimal(n.toString());
    } else {
      throw reject(field, text("number.notANumber", name, shown(value)));
    }
    if (number.abs().compareTo(LARGEST_NUMBER) > 0) {
      throw reject(field, text("number.tooLarge", name));
    }
    if (field.wholeNumber() && number.stripTrailingZeros().scale() > 0) {
      throw reject(field, text("number.notWhole", name, RefusalMessages.number(number)));
    }
    if (field.money() && number.stripTrailingZeros().scale() > 2) {
      throw reject(field, text("number.money", name, RefusalMessages.number(number)));
    }
    if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
      throw reject(field, text("number.decimals", name, String.valueOf(field.decimalDigits()),
          RefusalMessages.number(number)));
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      throw reject(field, text("number.min", name, RefusalMessages.number(field.min())));
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      throw reject(field, text("number.max", name, RefusalMessages.number(field.max())));
    }
  }

  private void checkText(String formId, FormSchema.Field field, String name, Object value) {
    if (!(value instanceof String text)) {
      throw reject(field, text("text.notText", name, kind(value)));
    }
    if (field.required() && text.isBlank()) {
      throw reject(field, text("required", name));
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      throw reject(field, text("text.minLength", name, String.valueOf(field.minLength())));
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      throw reject(field, text("text.maxLength", name, String.valueOf(field.maxLength()), String.valueOf(text.length())));
    }
    if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).find()) {
      throw reject(field, text("text.pattern", name));
    }
    checkAllowed(formId, field, name, text);
  }

  private void checkAllowed(String formId, FormSchema.Field field, String name, Object value) {
    if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(String.valueOf(value))) {
      List<String> options = field.valueLabels().entrySet().stream()
          .map(option -> formId == null ? option.getValue()
              : texts.optionLabel(formId, field.key(), option.getKey(), RefusalMessages.language()).orElse(option.getValue()))
          .toList();
      throw reject(field, text("options.notAnOption", name, String.join(", ", options), shown(value)));
    }
  }

  /** The field's label as the reader's form shows it: translated, else the form's own. */
  private String label(String formId, FormSchema.Field field) {
    return formId == null ? field.label()
        : texts.label(formId, field.key(), RefusalMessages.language()).orElse(field.label());
  }

  private static String text(String code, Object... arguments) {
    return RefusalMessages.text(code, arguments);
  }

  /** A value as a refusal quotes it: never more than a few words of what was sent. */
  static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "...";
  }

  private static String kind(Object value) {
    return text(value instanceof Number ? "kind.number" : value instanceof Boolean ? "kind.boolean"
        : value instanceof java.util.Map || value instanceof Collection ? "kind.structured" : "kind.other");
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String s && s.isEmpty());
  }

  private static InputRejectedException reject(FormSchema.Field field, String message) {
    return new InputRejectedException(field.key(), message);
  }

  private FormSchema load(String formId) {
    ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
    try (InputStream in = resource.getInputStream()) {
      return FormSchema.parse(mapper.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("Form '" + formId + "' is not on the classpath (forms/" + formId + ".form)", e);
    }
  }
}
