package org.citygrants.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The server-side validation of every Camunda Form in forms/, with cases generated from each
 * form's own JSON: a valid submission built from the form passes; each broken rule (missing
 * required value, wrong type, number out of range, text too short or too long, value outside a
 * select's or radio's options, pattern mismatch) is refused with an {@link InputRejectedException}
 * naming the field by key ({@code getField()}) and by its label (message). No Spring needed.
 */
class FormInputValidatorFormsTest {

  private static final List<FormFile> FORMS = FormFile.all();
  private final FormInputValidator validator = new FormInputValidator();

  @Test
  void everyFormOfTheProductIsChecked() {
    assertThat(FORMS).as("forms on the classpath").hasSizeGreaterThanOrEqualTo(34);
    assertThat(FORMS).allSatisfy(form -> assertThat(form.fileName()).isEqualTo(form.formId() + ".form"));
  }

  @Test
  void aFormNamesTheVariablesItsValidationReadsItsFieldsAndWhatItsHideRulesRefer() {
    FormSchema report = validator.schema("final-report");
    assertThat(report.variableNames())
        .containsAll(report.fields().stream().map(FormSchema.Field::key).toList())
        .as("the hide rules' variable, not their string literals").contains("objectiveType")
        .doesNotContain("impact", "learning");
    assertThat(validator.schema("decide-preparation-overrun").variableNames()).contains("overrunDecision")
        .doesNotContain("extend");
    for (FormFile form : FORMS) {
      assertThat(validator.schema(form.formId()).variableNames()).as(form.formId())
          .containsAll(form.inputs().stream().map(FormFile.Input::key).toList());
    }
  }

  @TestFactory
  Stream<DynamicNode> formSchemaReadsTheRulesEachFormDeclares() {
    return FORMS.stream().map(form -> dynamicTest(form.formId(), () -> {
      FormSchema schema = validator.schema(form.formId());
      assertThat(schema.formId()).isEqualTo(form.formId());
      assertThat(schema.fields()).extracting(FormSchema.Field::key)
          .as("input fields (read-only context excluded)")
          .containsExactlyElementsOf(form.inputs().stream().map(FormFile.Input::key).toList());
      for (int i = 0; i < form.inputs().size(); i++) {
        FormFile.Input input = form.inputs().get(i);
        FormSchema.Field field = schema.fields().get(i);
        assertThat(field.type()).as("%s type", input.key()).isEqualTo(input.type());
        assertThat(field.required()).as("%s required", input.key()).isEqualTo(input.required());
        assertThat(field.min()).as("%s min", input.key()).isEqualTo(input.min());
        assertThat(field.max()).as("%s max", input.key()).isEqualTo(input.max());
        assertThat(field.minLength()).as("%s minLength", input.key()).isEqualTo(input.minLength());
        assertThat(field.maxLength()).as("%s maxLength", input.key()).isEqualTo(input.maxLength());
        assertThat(field.pattern()).as("%s pattern", input.key()).isEqualTo(input.pattern());
        assertThat(field.allowedValues()).as("%s values", input.key())
            .isEqualTo(input.valuesKey() == null ? input.values() : List.of());
        assertThat(field.hideExpression()).as("%s hide", input.key()).isEqualTo(input.hide());
      }
    }));
  }

  @TestFactory
  Stream<DynamicNode> aValidSubmissionBuiltFromTheFormPasses() {
    return FORMS.stream().map(form -> dynamicTest(form.formId(), () -> {
      Map<String, Object> valid = form.validSubmission();
      assertThatCode(() -> validator.validate(form.formId(), valid, expression -> false)).doesNotThrowAnyException();
    }));
  }

  @TestFactory
  Stream<DynamicNode> numbersOnTheirLimitsPass() {
    return FORMS.stream().flatMap(form -> form.inputs().stream()
        .filter(input -> input.type().equals("number"))
        .flatMap(input -> Stream.of(input.min(), input.max()).filter(limit -> limit != null)
            .map(limit -> dynamicTest(form.formId() + "." + input.key() + " = " + limit.toPlainString(), () ->
                assertThatCode(() -> validator.validate(form.formId(),
                    with(form.validSubmission(), input.key(), input.number(limit)), expression -> false))
                    .doesNotThrowAnyException()))));
  }

  @TestFactory
  Stream<DynamicNode> textsOnTheirLengthLimitsPass() {
    return FORMS.stream().flatMap(form -> form.inputs().stream()
        .filter(input -> input.isText() && input.pattern() == null)
        .flatMap(input -> Stream.of(input.minLength(), input.maxLength()).filter(limit -> limit != null && limit > 0)
            .map(limit -> dynamicTest(form.formId() + "." + input.key() + " length " + limit, () ->
                assertThatCode(() -> validator.validate(form.formId(),
                    with(form.validSubmission(), input.key(), "a".repeat(limit)), expression -> false))
                    .doesNotThrowAnyException()))));
  }

  @TestFactory
  Stream<DynamicNode> eachBrokenRuleIsRefusedNamingTheField() {
    return FORMS.stream().map(form -> dynamicContainer(form.formId(),
        form.inputs().stream().map(input -> dynamicContainer(input.key(), casesFor(form, input).stream()))));
  }

  /** The invalid values of one field, each sent in an otherwise valid submission. */
  private List<DynamicTest> casesFor(FormFile form, FormFile.Input input) {
    List<DynamicTest> cases = new ArrayList<>();
    if (input.required()) {
      cases.add(refused(form, input, "missing", without(form.validSubmission(), input.key())));
      cases.add(refused(form, input, "null", with(form.validSubmission(), input.key(), null)));
      if (!input.type().equals("checkbox") && !input.type().equals("number")) {
        cases.add(refused(form, input, "empty text", with(form.validSubmission(), input.key(), "")));
      }
    }
    switch (input.type()) {
      case "number" -> {
        cases.add(refused(form, input, "text in a number", with(form.validSubmission(), input.key(), "12")));
        cases.add(refused(form, input, "boolean in a number", with(form.validSubmission(), input.key(), true)));
        if (input.min() != null) {
          BigDecimal below = input.min().subtract(input.step());
          cases.add(refused(form, input, "below min " + below.toPlainString(),
              with(form.validSubmission(), input.key(), input.number(below))));
        }
        if (input.max() != null) {
          BigDecimal above = input.max().add(input.step());
          cases.add(refused(form, input, "above max " + above.toPlainString(),
              with(form.validSubmission(), input.key(), input.number(above))));
        }
      }
      case "checkbox" -> {
        cases.add(refused(form, input, "string in a checkbox", with(form.validSubmission(), input.key(), "true")));
        cases.add(refused(form, input, "number in a checkbox", with(form.validSubmission(), input.key(), 1)));
        if (input.required()) {
          cases.add(refused(form, input, "required box unticked", with(form.validSubmission(), input.key(), false)));
        }
      }
      case "datetime" -> {
        cases.add(refused(form, input, "not a date", with(form.validSubmission(), input.key(), "31/12/2026")));
        cases.add(refused(form, input, "impossible date", with(form.validSubmission(), input.key(), "2026-02-30")));
      }
      case "select", "radio" -> {
        cases.add(refused(form, input, "number in a " + input.type(), with(form.validSubmission(), input.key(), 7)));
        if (input.isEnumeration()) {
          cases.add(refused(form, input, "value not among " + input.values(),
              with(form.validSubmission(), input.key(), "not-an-option")));
          cases.add(refused(form, input, "label instead of value",
              with(form.validSubmission(), input.key(), otherCase(input.values().get(0)))));
        }
      }
      default -> {
        cases.add(refused(form, input, "number in a text", with(form.validSubmission(), input.key(), 42)));
        cases.add(refused(form, input, "boolean in a text", with(form.validSubmission(), input.key(), true)));
        if (input.minLength() != null && input.minLength() > 1) {
          cases.add(refused(form, input, "shorter than " + input.minLength(),
              with(form.validSubmission(), input.key(), "a".repeat(input.minLength() - 1))));
        }
        if (input.maxLength() != null) {
          cases.add(refused(form, input, "longer than " + input.maxLength(),
              with(form.validSubmission(), input.key(), input.validText() + "a".repeat(input.maxLength()))));
        }
        if (input.pattern() != null) {
          cases.add(refused(form, input, "not matching " + input.pattern(),
              with(form.validSubmission(), input.key(), input.textBreakingPattern())));
        }
        if (input.required()) {
          cases.add(refused(form, input, "blank text", with(form.validSubmission(), input.key(), "   ")));
        }
      }
    }
    return cases;
  }

  private DynamicTest refused(FormFile form, FormFile.Input input, String why, Map<String, Object> values) {
    return dynamicTest(why, () -> assertThatThrownBy(() -> validator.validate(form.formId(), values, expression -> false))
        .as("%s.%s %s", form.formId(), input.key(), why)
        .isInstanceOfSatisfying(InputRejectedException.class, e -> {
          assertThat(e.getField()).isEqualTo(input.key());
          assertThat(e.getMessage()).as("message names the field by its label").contains(expectedName(input));
          assertInWords(e.getMessage(), input);
        }));
  }

  /**
   * A refusal a person reads says what to do in words: the field by its label only (the key travels
   * beside it, in {@code getField()} and the REST answer's "field"), the options by their labels,
   * never the form's regular expression, a list of codes or an id.
   */
  static void assertInWords(String message, FormFile.Input input) {
    assertThat(message).as("no key in parentheses").doesNotContain("(" + input.key() + ")");
    assertThat(message).as("no regular expression").doesNotContain("^", "\\d", "(?", "[A-", "[a-", "$/");
    if (input.pattern() != null) {
      assertThat(message).doesNotContain(input.pattern());
    }
    assertThat(message).as("no list of codes").doesNotContain(input.values().toString());
    assertThat(message).as("no id of a task or process").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-")
        .doesNotContain("Task_", "Event_");
  }

  @Test
  void aRefusedChoiceListsTheOptionsAsThePersonSeesThem() {
    FormFile form = form("size-grant");
    assertThatThrownBy(() -> validator.validate(form.formId(),
        with(form.validSubmission(), "programmeDuration", "P13M"), expression -> false))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> {
          assertThat(e.getField()).isEqualTo("programmeDuration");
          assertThat(e.getMessage()).isEqualTo("'Programme duration': choose one of the options (6 months, 9 months, "
              + "12 months, 15 months, 18 months, 21 months, 24 months), not 'P13M'.");
        });
    FormFile application = form("grant-application");
    assertThatThrownBy(() -> validator.validate(application.formId(),
        with(application.validSubmission(), "objectiveType", "growth"), expression -> false))
        .hasMessage("'What will you report on?': choose one of the options (Impact: measurable change, Learning: what we learned), "
            + "not 'growth'.");
  }

  /** A value in the other case ("impact" as "IMPACT", "P3M" as "p3m"): not the value itself. */
  private static String otherCase(String value) {
    String upper = value.toUpperCase(java.util.Locale.ROOT);
    return upper.equals(value) ? value.toLowerCase(java.util.Locale.ROOT) : upper;
  }

  /** The label the person sees (a date field's is its {@code dateLabel}). */
  private static String expectedName(FormFile.Input input) {
    return input.label();
  }

  @TestFactory
  Stream<DynamicNode> dateFieldsAreNamedByTheLabelThePersonSees() {
    return FORMS.stream().flatMap(form -> form.inputs().stream()
        .filter(input -> input.type().equals("datetime"))
        .map(input -> dynamicTest(form.formId() + "." + input.key(), () ->
            assertThatThrownBy(() -> validator.validate(form.formId(),
                with(form.validSubmission(), input.key(), "31/12/2026"), expression -> false))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("'" + input.label() + "'"))));
  }

  @Test
  void aNumberThatIsNotANumberIsRefusedAsInput() {
    // Double.NaN / infinity reach the validator from the Java API, or from REST as {"value":"NaN","type":"Double"}
    assertThatThrownBy(() -> validator.validate("request-payment",
        Map.of("paymentAmount", Double.NaN, "paymentNote", ""), expression -> false))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.getField()).isEqualTo("paymentAmount"));
    assertThatThrownBy(() -> validator.validate("request-payment",
        Map.of("paymentAmount", Double.POSITIVE_INFINITY, "paymentNote", ""), expression -> false))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.getField()).isEqualTo("paymentAmount"));
  }

  @Test
  void aWholeNumberFieldRefusesADecimal() {
    FormFile form = form("grant-application");
    assertThatThrownBy(() -> validator.validate(form.formId(),
        with(form.validSubmission(), "requestedAmount", 40000.5), expression -> false))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.getField()).isEqualTo("requestedAmount"));
  }

  @TestFactory
  Stream<DynamicNode> hiddenFieldsAreNotChecked() {
    return FORMS.stream().flatMap(form -> form.inputs().stream()
        .filter(input -> input.hide() != null)
        .map(input -> dynamicTest(form.formId() + "." + input.key() + " hidden by " + input.hide(), () -> {
          Map<String, Object> invalid = with(form.validSubmission(), input.key(), List.of("not", "valid"));
          assertThatThrownBy(() -> validator.validate(form.formId(), invalid, expression -> false))
              .isInstanceOf(InputRejectedException.class);
          assertThatCode(() -> validator.validate(form.formId(), invalid, input.hide()::equals))
              .doesNotThrowAnyException();
        })));
  }

  @TestFactory
  Stream<DynamicNode> uncheckedOptionalBoxesThatWereNotSentAreStoredAsFalse() {
    return FORMS.stream()
        .filter(form -> form.inputs().stream().anyMatch(input -> input.type().equals("checkbox") && !input.required()))
        .map(form -> dynamicTest(form.formId(), () -> {
          Map<String, Object> values = form.validSubmission();
          List<String> optionalBoxes = form.inputs().stream()
              .filter(input -> input.type().equals("checkbox") && !input.required()).map(FormFile.Input::key).toList();
          optionalBoxes.forEach(values::remove);
          Map<String, Object> defaults = validator.validate(form.formId(), values, expression -> false);
          assertThat(defaults).containsOnlyKeys(optionalBoxes).allSatisfy((key, value) -> assertThat(value).isEqualTo(false));
          // a box that was sent keeps its value: no default
          assertThat(validator.validate(form.formId(), form.validSubmission(), expression -> false)).isEmpty();
        }));
  }

  @Test
  void anUnknownFormIsAnError() {
    assertThatThrownBy(() -> validator.schema("no-such-form"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("forms/no-such-form.form");
  }

  private static FormFile form(String formId) {
    return FORMS.stream().filter(form -> form.formId().equals(formId)).findFirst().orElseThrow();
  }

  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> values = new HashMap<>(base);
    values.put(key, value);
    return values;
  }

  static Map<String, Object> without(Map<String, Object> base, String key) {
    Map<String, Object> values = new HashMap<>(base);
    values.remove(key);
    return values;
  }
}
