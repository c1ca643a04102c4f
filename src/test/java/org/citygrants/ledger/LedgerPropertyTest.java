package org.citygrants.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of commitments, payments, expenditure reports, recoveries and closing, on H2
 * and on PostgreSQL. After every step, accepted or refused, the invariants hold and the statement
 * balances; a refused step leaves the statement exactly as it was; the journal only grows.
 */
class LedgerPropertyTest {

  private static final String GRANT = "NANTES-2026";
  private static final MovementContext CTX = MovementContext.by("camunda", "property test");
  private static final String[] MILESTONES = {"advance", "tranche-1", "tranche-2", "final-balance"};
  private static final PaymentKind[] KINDS = {
      PaymentKind.ADVANCE, PaymentKind.TRANCHE, PaymentKind.TRANCHE, PaymentKind.FINAL_BALANCE};

  @Property(tries = 100)
  void invariantsHoldAfterEveryStepOnH2(@ForAll("awards") BigDecimal awarded, @ForAll("scenarios") List<Step> steps) {
    run(TestDatabase.H2, awarded, steps);
  }

  @Property(tries = 40)
  @Tag("postgres")
  void invariantsHoldAfterEveryStepOnPostgres(@ForAll("awards") BigDecimal awarded,
      @ForAll("scenarios") List<Step> steps) {
    run(TestDatabase.POSTGRES, awarded, steps);
  }

  private static void run(TestDatabase database, BigDecimal awarded, List<Step> steps) {
    database.reset();
    LedgerService ledger = database.ledger();
    ledger.openGrant(GRANT, "NANTES", awarded, CTX);
    GrantStatement before = checkedStatement(ledger);
    for (Step step : steps) {
      try {
        step.apply(ledger);
        Statistics.collect(step.getClass().getSimpleName(), "done");
      } catch (LedgerException refused) {
        Statistics.collect(step.getClass().getSimpleName(), "refused");
        assertThat(ledger.statement(GRANT)).as("after refused %s: %s", step, refused.getMessage()).isEqualTo(before);
      }
      GrantStatement after = checkedStatement(ledger);
      assertThat(after.movements()).as("the journal only grows").startsWith(before.movements().toArray(Movement[]::new));
      before = after;
    }
  }

  private static GrantStatement checkedStatement(LedgerService ledger) {
    GrantStatement s = ledger.statement(GRANT);
    assertThat(s.imbalances()).as("imbalances").isEmpty();
    BigDecimal zero = BigDecimal.ZERO;
    assertThat(s.available()).isGreaterThanOrEqualTo(zero);
    assertThat(s.committed()).isBetween(zero, s.awarded());
    assertThat(s.paid().add(s.pendingPayments())).isLessThanOrEqualTo(s.awarded());
    assertThat(s.recovered().add(s.recoveryOrdered())).isLessThanOrEqualTo(s.paid());
    assertThat(s.awarded()).isEqualByComparingTo(s.available().add(s.committed().max(s.paid().add(s.pendingPayments()))));
    assertThat(s.cityFloat()).isEqualByComparingTo(s.paid().subtract(s.recovered()).subtract(s.reportedSpent()));
    for (GrantStatement.BudgetLineStatement line : s.budgetLines()) {
      assertThat(line.remaining()).as(line.line().code()).isGreaterThanOrEqualTo(zero);
    }
    Map<String, Long> disbursements = s.movements().stream().filter(m -> m.type() == MovementType.PAYMENT_DISBURSED)
        .collect(Collectors.groupingBy(Movement::referenceKey, Collectors.counting()));
    for (Payment payment : s.payments()) {
      if (payment.approvedBy() != null) {
        assertThat(payment.approvedBy()).as("four eyes on " + payment.paymentKey())
            .isNotEqualToIgnoringCase(payment.requestedBy());
      }
      long expected = payment.status() == PaymentStatus.DISBURSED ? 1 : 0;
      assertThat(disbursements.getOrDefault(payment.paymentKey(), 0L)).as("disbursements of " + payment.paymentKey())
          .isEqualTo(expected);
    }
    BigDecimal tranche = ledger.proposeTranche(GRANT);
    assertThat(tranche).isBetween(zero, s.awarded().subtract(s.paid()).subtract(s.pendingPayments()).max(zero));
    assertThat(ledger.computeSettlement(GRANT).amount()).isGreaterThanOrEqualTo(zero);
    return s;
  }

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<BigDecimal> awards() {
    return Arbitraries.bigDecimals().between(new BigDecimal("15000"), new BigDecimal("50000")).ofScale(2);
  }

  @Provide
  Arbitrary<List<Step>> scenarios() {
    Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("12000"))
        .ofScale(2);
    Arbitrary<Integer> key = Arbitraries.integers().between(1, 4);
    Arbitrary<Integer> milestone = Arbitraries.integers().between(0, MILESTONES.length - 1);
    Arbitrary<String> person = Arbitraries.of("rita", "frank", "olga");
    Arbitrary<String> line = Arbitraries.of(BudgetLine.class).map(BudgetLine::code);
    // a whole payment (request, approval by another officer, disbursement) as three separate steps
    Arbitrary<List<Step>> payInFull = Combinators.combine(milestone, amount, person, person)
        .filter((m, a, requester, approver) -> !requester.equals(approver))
        .as((m, a, requester, approver) -> List.of(new Request(m, a, requester), new Approve(m, approver), new Disburse(m)));
    Arbitrary<List<Step>> steps = Arbitraries.frequencyOf(
        Tuple.of(4, Combinators.combine(key, amount, line).as(Commit::new).map(List::<Step>of)),
        Tuple.of(1, key.map(Release::new).map(List::<Step>of)),
        Tuple.of(1, Arbitraries.just(List.<Step>of(new ReleaseAll()))),
        Tuple.of(3, Combinators.combine(milestone, amount, person).as(Request::new).map(List::<Step>of)),
        Tuple.of(2, Combinators.combine(milestone, person).as(RequestProposedTranche::new).map(List::<Step>of)),
        Tuple.of(4, Combinators.combine(milestone, person).as(Approve::new).map(List::<Step>of)),
        Tuple.of(1, Combinators.combine(milestone, person).as(Reject::new).map(List::<Step>of)),
        Tuple.of(4, milestone.map(Disburse::new).map(List::<Step>of)),
        Tuple.of(4, payInFull),
        Tuple.of(4, Combinators.combine(key, amount, Arbitraries.of(true, true, false)).as(Report::new)
            .map(List::<Step>of)),
        Tuple.of(2, Combinators.combine(key, person).as(Settle::new).map(List::<Step>of)),
        Tuple.of(1, Combinators.combine(key, amount).as(OrderRecovery::new).map(List::<Step>of)),
        Tuple.of(3, key.map(ConfirmRecovery::new).map(List::<Step>of)),
        Tuple.of(1, Arbitraries.just(List.<Step>of(new Close()))),
        // changes to a running grant (grant.change): an amended award, a move between two lines
        Tuple.of(2, Combinators.combine(key, Arbitraries.bigDecimals().between(new BigDecimal("1000"),
            new BigDecimal("60000")).ofScale(2)).as(Amend::new).map(List::<Step>of)),
        Tuple.of(2, Combinators.combine(key, Arbitraries.of(BudgetLine.class), Arbitraries.of(BudgetLine.class), amount)
            .as(Move::new).map(List::<Step>of)));
    return steps.list().ofMinSize(5).ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform())
        .map(groups -> groups.stream().flatMap(List::stream).toList());
  }

  // ------------------------------------------------------------------ steps

  interface Step {
    void apply(LedgerService ledger);
  }

  private static String paymentKey(int milestone) {
    return Payment.key(GRANT, MILESTONES[milestone]);
  }

  record Amend(int key, BigDecimal awarded) implements Step {
    public void apply(LedgerService l) {
      l.amendAward(GRANT, GRANT + ":change-" + key, awarded, CTX);
    }
  }

  record Move(int key, BudgetLine from, BudgetLine to, BigDecimal amount) implements Step {
    public void apply(LedgerService l) {
      l.moveBudget(GRANT, GRANT + ":move-" + key, from, to, amount, CTX);
    }
  }

  record Commit(int key, BigDecimal amount, String line) implements Step {
    public void apply(LedgerService l) {
      l.commit(GRANT, GRANT + ":experiment-" + key, amount, line, CTX);
    }
  }

  record Release(int key) implements Step {
    public void apply(LedgerService l) {
      l.releaseCommitment(GRANT + ":experiment-" + key, CTX);
    }
  }

  record ReleaseAll() implements Step {
    public void apply(LedgerService l) {
      l.releaseOpenCommitments(GRANT, CTX);
    }
  }

  record Request(int milestone, BigDecimal amount, String requester) implements Step {
    public void apply(LedgerService l) {
      l.requestPayment(GRANT, MILESTONES[milestone], KINDS[milestone], amount, requester, CTX);
    }
  }

  /** What the tranche delegate does: request what {@code proposeTranche} proposes. */
  record RequestProposedTranche(int milestone, String requester) implements Step {
    public void apply(LedgerService l) {
      l.requestPayment(GRANT, MILESTONES[milestone], KINDS[milestone], l.proposeTranche(GRANT), requester, CTX);
    }
  }

  record Approve(int milestone, String approver) implements Step {
    public void apply(LedgerService l) {
      l.approvePayment(paymentKey(milestone), approver, CTX);
    }
  }

  record Reject(int milestone, String approver) implements Step {
    public void apply(LedgerService l) {
      l.rejectPayment(paymentKey(milestone), approver, "not justified", CTX);
    }
  }

  record Disburse(int milestone) implements Step {
    public void apply(LedgerService l) {
      l.disburse(paymentKey(milestone), CTX);
    }
  }

  record Report(int key, BigDecimal amount, boolean accepted) implements Step {
    public void apply(LedgerService l) {
      l.reportExpenditure(GRANT, GRANT + ":report-" + key, amount, accepted, CTX);
    }
  }

  /** What the settlement delegate does: order the recovery or request the final balance it computes. */
  record Settle(int key, String requester) implements Step {
    public void apply(LedgerService l) {
      Settlement settlement = l.computeSettlement(GRANT);
      Function<Settlement, Object> settle = switch (settlement.outcome()) {
        case RECOVERY -> s -> l.orderRecovery(GRANT, GRANT + ":recovery-" + key, s.amount(), CTX);
        case FINAL_BALANCE -> s -> l.requestPayment(GRANT, "final-balance", PaymentKind.FINAL_BALANCE, s.amount(),
            requester, CTX);
        case NONE -> s -> l.releaseOpenCommitments(GRANT, CTX);
      };
      settle.apply(settlement);
    }
  }

  record OrderRecovery(int key, BigDecimal amount) implements Step {
    public void apply(LedgerService l) {
      l.orderRecovery(GRANT, GRANT + ":recovery-" + key, amount, CTX);
    }
  }

  record ConfirmRecovery(int key) implements Step {
    public void apply(LedgerService l) {
      l.confirmRecovery(GRANT + ":recovery-" + key, CTX);
    }
  }

  record Close() implements Step {
    public void apply(LedgerService l) {
      l.closeGrant(GRANT, CTX);
    }
  }
}
