package org.citygrants.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "nothing changed silently": what the server refuses instead of changing it (more than
 * two decimals of money, a day that does not exist, a past day where the future is needed), each
 * with a message in words that names the field by its label, never by a pattern or an id.
 */
class NothingChangedSilentlyTest {

  private final FormInputValidator validator = new FormInputValidator();

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void moneyWithMoreThanTwoDecimalsIsRefusedNotRounded() {
    InputRejectedException refused = refusal("request-payment", Map.of("paymentAmount", 10500.123));

    assertThat(refused.getField()).isEqualTo("paymentAmount");
    assertThat(refused.getMessage()).isEqualTo(
        "'Amount to pay (EUR)' is an amount in euros and cents: use at most 2 decimals, not 10500.123. Nothing was rounded.");
    assertWords(refused);
    assertThatCode(() -> validator.validate("request-payment", Map.of("paymentAmount", 10500.12), e -> false))
        .doesNotThrowAnyException();
  }

  @Test
  void everyNumberFieldShownInEurosIsMoney() {
    for (FormFile form : FormFile.all()) {
      for (FormSchema.Field field : validator.schema(form.formId()).fields()) {
        if (field.type().equals("number") && field.label().contains("EUR")) {
          assertThat(field.money()).as("%s.%s", form.formId(), field.key()).isTrue();
        }
      }
    }
    assertThat(validator.schema("progress-report").fields()).filteredOn(f -> f.key().equals("impactBaseline"))
        .singleElement().extracting(FormSchema.Field::money).isEqualTo(false);
  }

  @Test
  void aDayThatDoesNotExistIsRefusedNotMovedToAnother() {
    for (String impossible : List.of("2026-13-32", "2026-02-30", "2026-00-10", "2026-04-31")) {
      InputRejectedException refused = refusal("internal-authorisations", valid("internal-authorisations", "authorisationDate", impossible));

      assertThat(refused.getField()).isEqualTo("authorisationDate");
      assertThat(refused.getMessage()).as(impossible)
          .isEqualTo("'Date of the decision': " + impossible + " is not a day of the calendar (no such month or day)."
              + " Choose the day in the calendar; nothing was changed.");
      assertWords(refused);
    }
  }

  @Test
  void somethingThatIsNotADayIsRefusedInWords() {
    InputRejectedException refused = refusal("internal-authorisations", valid("internal-authorisations", "authorisationDate", "32/13/2026"));

    assertThat(refused.getMessage()).isEqualTo("'Date of the decision' must be a date written year-month-day, such as"
        + " 2026-11-20, not '32/13/2026'. Choose the day in the calendar.");
    assertWords(refused);
  }

  @Test
  void aPastDayWhereTheFutureIsNeededIsRefusedNotEmptied() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 6, 15).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant()));
    Map<String, Object> postpone = new HashMap<>(Map.of("conveneNow", false, "nextConveningCheck", "2026-06-14"));

    InputRejectedException refused = refusal("decide-committee-convening", postpone);

    assertThat(refused.getField()).isEqualTo("nextConveningCheck");
    assertThat(refused.getMessage()).isEqualTo("'Ask me again on' must be today or later: 14 June 2026 is in the past.");
    assertWords(refused);
    postpone.put("nextConveningCheck", "2026-06-15");
    assertThatCode(() -> validator.validate("decide-committee-convening", postpone, e -> false)).doesNotThrowAnyException();

    InputRejectedException extension = refusal("decide-preparation-overrun",
        Map.of("overrunDecision", "extend", "newPreparationDueDate", "2025-12-31", "overrunReason", "More time."));
    assertThat(extension.getMessage()).isEqualTo(
        "'New preparation due date' must be today or later: 31 December 2025 is in the past.");
  }

  @Test
  void datesThatNeedTheFutureAreMarkedInTheirForms() {
    assertThat(validator.schema("decide-committee-convening").fields())
        .filteredOn(FormSchema.Field::notInThePast).extracting(FormSchema.Field::key).containsExactly("nextConveningCheck");
    assertThat(validator.schema("decide-preparation-overrun").fields())
        .filteredOn(FormSchema.Field::notInThePast).extracting(FormSchema.Field::key)
        .containsExactly("newPreparationDueDate");
    assertThat(validator.schema("internal-authorisations").fields()).noneMatch(FormSchema.Field::notInThePast);
  }

  @Test
  void aLimitTheFormComputesIsTheLedgersToCheckNotAFixedNumber() {
    // the browser checks "at most the award" from the form's variable; the server checks the ledger (preparation/CheckPlannedBudgetListener)
    assertThat(validator.schema("planning-canvas").fields()).filteredOn(f -> f.key().equals("plannedBudget"))
        .singleElement().satisfies(field -> {
          assertThat(field.max()).isNull();
          assertThat(field.min()).isZero();
          assertThat(field.money()).isTrue();
        });
    FormFile canvas = FormFile.all().stream().filter(f -> f.formId().equals("planning-canvas")).findFirst().orElseThrow();
    Map<String, Object> planned = new HashMap<>(canvas.validSubmission());
    planned.put("plannedBudget", 60000L);
    assertThatCode(() -> validator.validate("planning-canvas", planned, e -> false)).doesNotThrowAnyException();
  }

  /** A valid submission of the form, with one value changed. */
  private static Map<String, Object> valid(String formId, String key, Object value) {
    FormFile form = FormFile.all().stream().filter(f -> f.formId().equals(formId)).findFirst().orElseThrow();
    Map<String, Object> values = new HashMap<>(form.validSubmission());
    values.put(key, value);
    return values;
  }

  private InputRejectedException refusal(String formId, Map<String, Object> values) {
    InputRejectedException refused = catchThrowableOfType(InputRejectedException.class,
        () -> validator.validate(formId, values, expression -> false));
    assertThat(refused).as("refused").isNotNull();
    return refused;
  }

  /** In words: no pattern, no field key in brackets. */
  private static void assertWords(InputRejectedException refused) {
    assertThat(refused.getMessage()).doesNotContain("(" + refused.getField() + ")", "^", "\\d", "[0-9]", "yyyy");
  }
}
