package org.citygrants.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.ledger.PaymentStatus;
import org.citygrants.payment.PaymentCalendar.Entry;
import org.citygrants.payment.PaymentCalendar.Plan;
import org.citygrants.payment.PaymentCalendar.PlannedExperiment;
import org.citygrants.payment.PaymentCalendar.Status;
import org.junit.jupiter.api.Test;

/** The indicative payment calendar, without engine or database. */
class PaymentCalendarTest {

  private static final LocalDate DEADLINE = LocalDate.of(2027, 3, 31);
  private static final LocalDate PROGRAMME_END = LocalDate.of(2027, 12, 31);
  private static final Period REVIEW = Period.ofDays(14);

  @Test
  void beforeAnyPaymentTheAdvanceIsDueByTheDeadlineAndTheRestAtTheEnd() {
    List<Entry> calendar = PaymentCalendar.of(plan(List.of(), List.of(), false), ZoneOffset.UTC);

    assertThat(calendar).extracting(Entry::label).containsExactly("Advance", "Final balance");
    Entry advance = calendar.get(0);
    assertThat(advance.amount()).isEqualByComparingTo("12000.00");
    assertThat(advance.date()).isEqualTo(DEADLINE);
    assertThat(advance.status()).isEqualTo(Status.EXPECTED);
    assertThat(advance.basis()).contains("about 30%").contains("procurement plan");
    Entry last = calendar.get(1);
    assertThat(last.amount()).isEqualByComparingTo("28000.00");
    assertThat(last.atMost()).isTrue();
    assertThat(last.date()).isEqualTo(PROGRAMME_END.plus(REVIEW));
    assertThat(PaymentCalendar.total(calendar)).isEqualByComparingTo("40000");
  }

  @Test
  void anExtendedDeadlineMovesTheExpectedAdvance() {
    Plan plan = plan(List.of(), List.of(), false);
    LocalDate later = DEADLINE.plusMonths(2);
    Plan extended = new Plan(plan.awarded(), plan.advanceRatePercent(), false, later, PROGRAMME_END, List.of(),
        List.of(), REVIEW, false);

    assertThat(PaymentCalendar.of(extended, ZoneOffset.UTC).get(0).date()).isEqualTo(later);
  }

  @Test
  void paymentsMadeComeFromTheLedgerAndEachExperimentUnderWayExpectsATranche() {
    Instant paidAt = Instant.parse("2027-02-10T10:00:00Z");
    Payment advance = payment("advance", PaymentKind.ADVANCE, "12000.00", PaymentStatus.DISBURSED, paidAt);
    Payment firstTranche = payment("tranche-1", PaymentKind.TRANCHE, "5200.00", PaymentStatus.REQUESTED,
        Instant.parse("2027-05-02T09:00:00Z"));
    Payment refused = payment("tranche-9", PaymentKind.TRANCHE, "999.00", PaymentStatus.REJECTED, paidAt);
    List<PlannedExperiment> experiments = List.of(
        new PlannedExperiment(1, new BigDecimal("6000"), LocalDate.of(2027, 4, 30), true),
        new PlannedExperiment(2, new BigDecimal("8000"), LocalDate.of(2027, 7, 31), false));

    List<Entry> calendar = PaymentCalendar.of(plan(experiments, List.of(advance, firstTranche, refused), true),
        ZoneOffset.UTC);

    assertThat(calendar).extracting(Entry::label)
        .containsExactly("Advance", "Tranche for experiment 1", "Tranche for experiment 2", "Final balance");
    assertThat(calendar.get(0).status()).isEqualTo(Status.PAID);
    assertThat(calendar.get(0).date()).isEqualTo(LocalDate.of(2027, 2, 10));
    assertThat(calendar.get(1).status()).isEqualTo(Status.UNDER_WAY);
    assertThat(calendar.get(1).basis()).contains("finance officer");
    assertThat(calendar.get(2).amount()).isEqualByComparingTo("8000");
    assertThat(calendar.get(2).date()).isEqualTo(LocalDate.of(2027, 8, 14));
    assertThat(calendar.get(3).amount()).isEqualByComparingTo("14800.00");
    assertThat(PaymentCalendar.total(calendar)).isEqualByComparingTo("40000");

    assertThat(PaymentCalendar.dueBy(calendar, LocalDate.of(2027, 9, 1))).extracting(Entry::label)
        .containsExactly("Tranche for experiment 1", "Tranche for experiment 2");
  }

  @Test
  void expectedPaymentsNeverAddUpToMoreThanTheAward() {
    List<PlannedExperiment> experiments = List.of(
        new PlannedExperiment(1, new BigDecimal("30000"), LocalDate.of(2027, 4, 30), false));
    List<Entry> calendar = PaymentCalendar.of(plan(experiments, List.of(), true), ZoneOffset.UTC);

    assertThat(calendar).extracting(Entry::label).containsExactly("Advance", "Tranche for experiment 1");
    assertThat(calendar.get(1).amount()).isEqualByComparingTo("28000.00");
    assertThat(PaymentCalendar.total(calendar)).isEqualByComparingTo("40000");
  }

  @Test
  void anEndedGrantExpectsNothingMore() {
    Payment advance = payment("advance", PaymentKind.ADVANCE, "12000.00", PaymentStatus.DISBURSED,
        Instant.parse("2027-02-10T10:00:00Z"));
    Plan plan = plan(List.of(), List.of(advance), true);
    Plan ended = new Plan(plan.awarded(), plan.advanceRatePercent(), true, DEADLINE, PROGRAMME_END, List.of(),
        plan.payments(), REVIEW, true);

    assertThat(PaymentCalendar.of(ended, ZoneOffset.UTC)).extracting(Entry::status).containsExactly(Status.PAID);
  }

  private static Plan plan(List<PlannedExperiment> experiments, List<Payment> payments, boolean rateDecided) {
    return new Plan(new BigDecimal("40000"), new BigDecimal("30"), rateDecided, DEADLINE, PROGRAMME_END, experiments,
        payments, REVIEW, false);
  }

  private static Payment payment(String milestone, PaymentKind kind, String amount, PaymentStatus status, Instant at) {
    return new Payment("LYON-2027:" + milestone, "LYON-2027", milestone, kind, new BigDecimal(amount), status,
        "lyon", at, null, null, null, null, status == PaymentStatus.DISBURSED ? at : null);
  }
}
