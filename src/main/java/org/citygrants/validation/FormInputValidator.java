package org.citygrants.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
      check(field, value);
    }
    return defaults;
  }

  void check(FormSchema.Field field, Object value) {
    // the field by the label the person sees; the key travels beside the message (the 400 body's "field")
    String name = "'" + field.label() + "'";
    if (isEmpty(value)) {
      if (field.required()) {
        throw reject(field, name + " is required.");
      }
      return;
    }
    switch (field.type()) {
      case "number" -> checkNumber(field, name, value);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw reject(field, name + " must be true or false, not '" + shown(value) + "'.");
        }
        if (field.required() && !((Boolean) value)) {
          throw reject(field, name + " must be ticked.");
        }
      }
      case "datetime" -> checkDate(field, name, value);
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> items)) {
          throw reject(field, name + ": choose from the options given.");
        }
        for (Object item : items) {
          checkAllowed(field, name, item);
        }
      }
      default -> checkText(field, name, value);
    }
  }

  /**
   * A date field holds a whole calendar day as the form sends it, year-month-day: nothing before or
   * after it, a day that exists (never moved to another one), and for a field that needs the future
   * today or later. Refusals say it in words and name the field by its label.
   */
  private void checkDate(FormSchema.Field field, String name, Object value) {
    String label = "'" + field.label() + "'";
    if (!(value instanceof String text) || !looksLikeADay(text)) {
      throw reject(field, label + " must be a date written year-month-day, such as 2026-11-20, not '"
          + shown(value) + "'. Choose the day in the calendar.");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw reject(field, label + ": " + text + " is not a day of the calendar (no such month or day). "
          + "Choose the day in the calendar; nothing was changed.");
    }
    LocalDate today = today();
    if (field.notInThePast() && day.isBefore(today)) {
      throw reject(field, label + " must be today or later: " + DAY.format(day) + " is in the past.");
    }
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

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
      throw reject(field, name + " must be a finite number, not '" + shown(value) + "'.");
    }
    if (value instanceof Number n) {
      number = new BigDecimal(n.toString());
    } else {
      throw reject(field, name + " must be a number, not '" + shown(value) + "'.");
    }
    if (number.abs().compareTo(LARGEST_NUMBER) > 0) {
      throw reject(field, name + " is too large.");
    }
    if (field.wholeNumber() && number.stripTrailingZeros().scale() > 0) {
      throw reject(field, name + " must be a whole number, not " + number.toPlainString() + ".");
    }
    if (field.money() && number.stripTrailingZeros().scale() > 2) {
      throw reject(field, "'" + field.label() + "' is an amount in euros and cents: use at most 2 decimals, not "
          + number.toPlainString() + ". Nothing was rounded.");
    }
    if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
      throw reject(field, name + " allows at most " + field.decimalDigits() + " decimals, not "
          + number.toPlainString() + ".");
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      throw reject(field, name + " must be at least " + field.min().toPlainString() + ".");
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      throw reject(field, name + " must be at most " + field.max().toPlainString() + ".");
    }
  }

  private void checkText(FormSchema.Field field, String name, Object value) {
    if (!(value instanceof String text)) {
      throw reject(field, name + " must be text, not " + kind(value) + ".");
    }
    if (field.required() && text.isBlank()) {
      throw reject(field, name + " is required.");
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      throw reject(field, name + " needs at least " + field.minLength() + " characters.");
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      throw reject(field, name + " allows at most " + field.maxLength() + " characters; " + text.length() + " given.");
    }
    if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).find()) {
      throw reject(field, name + " is not written the way the form asks: see the hint under the field.");
    }
    checkAllowed(field, name, text);
  }

  private void checkAllowed(FormSchema.Field field, String name, Object value) {
    if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(String.valueOf(value))) {
      throw reject(field, name + ": choose one of the options (" + String.join(", ", field.valueLabels().values())
          + "), not '" + shown(value) + "'.");
    }
  }

  /** A value as a refusal quotes it: never more than a few words of what was sent. */
  static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "...";
  }

  private static String kind(Object value) {
    return value instanceof Number ? "a number" : value instanceof Boolean ? "true or false"
        : value instanceof java.util.Map || value instanceof Collection ? "a structured value" : "a value of another type";
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
