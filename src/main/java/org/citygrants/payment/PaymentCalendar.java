package org.citygrants.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.citygrants.language.Languages;
import org.citygrants.language.Words;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.ledger.PaymentStatus;

/**
 * A grant's payments: those made or under way (from the ledger) and, indicatively, those to come,
 * computed from the grant's plan so that they move when the plan moves.
 *
 * <ul>
 *   <li>the advance: the award times the advance rate, when the procurement plan is approved, by
 *       the preparation deadline at the latest (an extension moves it); before the rate is decided
 *       the rate the rules would give today;</li>
 *   <li>a tranche for each experiment under way, once the coach accepts its report: about what
 *       was committed for it (the tranche restores the money the city holds to the advance), after
 *       the experiment's end and the review time;</li>
 *   <li>the final balance, on the accepted final report after the programme's end: at most the
 *       rest of the award, as much as the justified spending needs.</li>
 * </ul>
 * Expected amounts never add up to more than the award. Pure: no engine, no database.
 */
public final class PaymentCalendar {

  /** What the calendar is computed from. */
  public record Plan(
      BigDecimal awarded,
      BigDecimal advanceRatePercent,
      boolean advanceRateDecided,
      LocalDate preparationDeadline,
      LocalDate programmeEnd,
      List<PlannedExperiment> experiments,
      List<Payment> payments,
      Period reviewTime,
      boolean ended) {

    public Plan {
      experiments = List.copyOf(experiments);
      payments = List.copyOf(payments);
    }
  }

  /** An experiment of the plan: what was committed for it and when it ends; decided once the coach ruled. */
  public record PlannedExperiment(int number, BigDecimal committed, LocalDate ends, boolean decided) {}

  /** Where a payment stands. */
  public enum Status {
    PAID("paid"),
    UNDER_WAY("being approved or paid"),
    EXPECTED("expected");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String label(Locale language) {
      return Words.say(language, "payment.status." + name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * One line of the calendar.
   *
   * @param date when it was paid, requested, or is expected (null: no date can be given yet)
   * @param atMost true when the amount is a ceiling (the final balance)
   * @param basis what the payment waits for, in words
   */
  public record Entry(PaymentKind kind, String milestone, String label, BigDecimal amount, boolean atMost,
      LocalDate date, Status status, String basis) {}

  private static final Set<PaymentStatus> MADE_OR_UNDER_WAY =
      Set.of(PaymentStatus.REQUESTED, PaymentStatus.APPROVED, PaymentStatus.DISBURSED);

  private PaymentCalendar() {
  }

  /** The payments made, under way and expected, in English. */
  public static List<Entry> of(Plan plan, ZoneId zone) {
    return of(plan, zone, Languages.FALLBACK);
  }

  /** The payments made, under way and expected, in the order of their dates (undated last), in words of the language. */
  public static List<Entry> of(Plan plan, ZoneId zone, Locale language) {
    List<Entry> entries = new ArrayList<>();
    List<Payment> live = plan.payments().stream().filter(p -> MADE_OR_UNDER_WAY.contains(p.status())).toList();
    for (Payment payment : live) {
      entries.add(made(payment, zone, language));
    }
    if (plan.ended() || plan.awarded() == null) {
      return sorted(entries);
    }
    Set<String> milestones = live.stream().map(Payment::milestone).collect(Collectors.toSet());
    BigDecimal left = plan.awarded().subtract(live.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
        .max(BigDecimal.ZERO);

    if (!milestones.contains("advance") && plan.advanceRatePercent() != null) {
      BigDecimal advance = plan.awarded().multiply(plan.advanceRatePercent())
          .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN).min(left);
      String rate = plan.advanceRatePercent().stripTrailingZeros().toPlainString();
      String basis = Words.say(language, plan.advanceRateDecided() ? "payment.basis.advanceDecided"
          : "payment.basis.advanceEstimated", rate);
      entries.add(new Entry(PaymentKind.ADVANCE, "advance", Words.say(language, "payment.advance"), advance, false,
          plan.preparationDeadline(), Status.EXPECTED,
          plan.preparationDeadline() == null ? basis : Words.say(language, "payment.basis.byDeadline", basis)));
      left = left.subtract(advance);
    }

    for (PlannedExperiment experiment : plan.experiments()) {
      String milestone = "tranche-" + experiment.number();
      if (experiment.decided() || milestones.contains(milestone) || experiment.committed() == null) {
        continue;
      }
      BigDecimal tranche = experiment.committed().min(left);
      if (tranche.signum() <= 0) {
        continue;
      }
      LocalDate date = experiment.ends() == null ? null : experiment.ends().plus(plan.reviewTime());
      entries.add(new Entry(PaymentKind.TRANCHE, milestone,
          Words.say(language, "payment.trancheFor", String.valueOf(experiment.number())),
          tranche, false, date, Status.EXPECTED,
          Words.say(language, "payment.basis.tranche", String.valueOf(experiment.number()))));
      left = left.subtract(tranche);
    }

    if (!milestones.contains("final-balance") && left.signum() > 0) {
      LocalDate date = plan.programmeEnd() == null ? null : plan.programmeEnd().plus(plan.reviewTime());
      entries.add(new Entry(PaymentKind.FINAL_BALANCE, "final-balance", Words.say(language, "payment.finalBalance"), left,
          true, date, Status.EXPECTED, Words.say(language, "payment.basis.finalBalance")));
    }
    return sorted(entries);
  }

  /** The entries still to be paid (expected or under way) dated up to {@code until}, for finance's planning. */
  public static List<Entry> dueBy(List<Entry> entries, LocalDate until) {
    return entries.stream().filter(e -> e.status() != Status.PAID)
        .filter(e -> e.date() != null && !e.date().isAfter(until)).toList();
  }

  private static Entry made(Payment payment, ZoneId zone, Locale language) {
    boolean paid = payment.status() == PaymentStatus.DISBURSED;
    Instant when = paid ? payment.disbursedAt() : payment.requestedAt();
    return new Entry(payment.kind(), payment.milestone(), label(payment, language), payment.amount(), false,
        when == null ? null : LocalDate.ofInstant(when, zone), paid ? Status.PAID : Status.UNDER_WAY,
        Words.say(language, paid ? "payment.basis.paid" : payment.status() == PaymentStatus.APPROVED
            ? "payment.basis.approved" : "payment.basis.requested"));
  }

  private static String label(Payment payment, Locale language) {
    return switch (payment.kind()) {
      case ADVANCE -> Words.say(language, "payment.advance");
      case FINAL_BALANCE -> Words.say(language, "payment.finalBalance");
      case TRANCHE -> payment.milestone() != null && payment.milestone().startsWith("tranche-")
          ? Words.say(language, "payment.trancheFor", payment.milestone().substring("tranche-".length()))
          : Words.say(language, "payment.tranche");
    };
  }

  /**
   * A payment's milestone as the calendar and the finance officer's forms name it: {@code advance}
   * as "Advance", {@code tranche-2} as "Tranche for experiment 2", {@code final-balance} as "Final
   * balance", in the language given; another milestone as written.
   */
  public static String milestoneLabel(String milestone, Locale language) {
    if (milestone == null || milestone.isBlank()) {
      return milestone;
    }
    if (milestone.matches("tranche-\\d+")) {
      return Words.say(language, "payment.trancheFor", milestone.substring("tranche-".length()));
    }
    return switch (milestone) {
      case "advance" -> Words.say(language, "payment.advance");
      case "final-balance" -> Words.say(language, "payment.finalBalance");
      default -> milestone;
    };
  }

  private static List<Entry> sorted(List<Entry> entries) {
    return entries.stream().sorted(Comparator.comparing(Entry::date, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(e -> e.kind().ordinal())).collect(Collectors.toUnmodifiableList());
  }

  /** Sums the amounts of some entries. */
  public static BigDecimal total(List<Entry> entries) {
    return entries.stream().map(Entry::amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
