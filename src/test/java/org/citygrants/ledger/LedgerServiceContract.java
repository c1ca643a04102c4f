package org.citygrants.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.ledger.MovementType.COMMITMENT_RELEASED;
import static org.citygrants.ledger.MovementType.COMMITTED;
import static org.citygrants.ledger.MovementType.GRANT_CLOSED;
import static org.citygrants.ledger.MovementType.GRANT_OPENED;
import static org.citygrants.ledger.MovementType.PAYMENT_APPROVED;
import static org.citygrants.ledger.MovementType.PAYMENT_DISBURSED;
import static org.citygrants.ledger.MovementType.PAYMENT_REJECTED;
import static org.citygrants.ledger.MovementType.PAYMENT_REQUESTED;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every rule and every refusal of {@link LedgerService}, plus the database's own constraints.
 * Runs on H2 ({@link LedgerServiceH2Test}) and on PostgreSQL ({@link LedgerServicePostgresTest}).
 */
abstract class LedgerServiceContract extends LedgerContract {

  // ------------------------------------------------------------------ opening a grant

  @Test
  void openingAGrantSplitsTheCapitalOverTheBudgetLinesAndJournalsIt() {
    GrantAccount account = ledger.openGrant(LYON, "LYON", eur("50000"), OFFICER);

    assertThat(account.currency()).isEqualTo("EUR");
    assertThat(account.awarded()).isEqualTo(eur("50000.00"));
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.available()).isEqualTo(eur("50000.00"));
    assertThat(statement.budgetLines()).extracting(GrantStatement.BudgetLineStatement::allocated)
        .containsExactly(eur("35000.00"), eur("7500.00"), eur("2500.00"), eur("5000.00"));
    Movement opened = statement.movements().get(0);
    assertThat(opened.type()).isEqualTo(GRANT_OPENED);
    assertThat(opened.amount()).isEqualTo(eur("50000.00"));
    assertThat(opened.actor()).isEqualTo("olivia");
    assertThat(opened.processInstanceId()).isEqualTo("pi-42");
    assertThat(opened.activityOrTaskId()).isEqualTo("Task_DecideSizing");
    assertThat(opened.reason()).isEqualTo("grant awarded");
    assertThat(opened.occurredAt()).isNotNull();
  }

  @Test
  void theCentsLeftOverBySplittingGoToTheExperiments() {
    ledger.openGrant("GENT-2026", "GENT", eur("33333.33"), OFFICER);

    assertThat(balancedStatement("GENT-2026").budgetLines()).extracting(GrantStatement.BudgetLineStatement::allocated)
        .containsExactly(eur("23333.35"), eur("4999.99"), eur("1666.66"), eur("3333.33"));
  }

  @Test
  void openingTheSameGrantAgainIsANoOp() {
    openLyon();
    Map<String, GrantStatement> before = snapshot();

    GrantAccount again = ledger.openGrant(LYON, "LYON", eur("50000.00"), OFFICER);

    assertThat(again.awarded()).isEqualTo(eur("50000.00"));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void openingAnExistingGrantWithAnotherAmountIsRefused() {
    openLyon();

    assertRefused(LedgerConflictException.class, () -> ledger.openGrant(LYON, "LYON", eur("40000"), OFFICER),
        "Grant LYON-2026 is already awarded: 50,000.00 EUR to LYON", "40,000.00 EUR", "nothing was changed");
  }

  @Test
  void badAmountsAndReferencesAreRefused() {
    openLyon();

    assertRefused(LedgerException.class, () -> ledger.openGrant("PARIS-2026", "PARIS", eur("-1"), OFFICER),
        "The award of grant PARIS-2026 must be more than zero, not -1.");
    assertRefused(LedgerException.class, () -> ledger.openGrant("PARIS-2026", "PARIS", eur("1000.005"), OFFICER),
        "more than two decimals");
    assertRefused(LedgerException.class, () -> ledger.openGrant("PARIS-2026", "PARIS", null, OFFICER),
        "amount is missing");
    assertRefused(LedgerException.class, () -> ledger.openGrant("PARIS:2026", "PARIS", eur("1000"), OFFICER),
        "grant reference 'PARIS:2026'");
    assertRefused(LedgerException.class, () -> ledger.commit(LYON, "LYON-2026:experiment-1", eur("0"), "experiments",
        OFFICER), "The budget of experiment 1 must be more than zero");
    assertThatThrownBy(() -> new MovementContext(" ", null, null, null)).isInstanceOf(LedgerException.class)
        .hasMessageContaining("actor");
  }

  @Test
  void callsOnAnUnknownGrantOrKeyAreRefused() {
    openLyon();

    assertRefused(UnknownLedgerKeyException.class,
        () -> ledger.commit("PARIS-2026", "PARIS-2026:experiment-1", eur("10"), "experiments", OFFICER),
        "Grant PARIS-2026 has no money in the ledger: it is unknown, or not awarded yet.");
    assertRefused(UnknownLedgerKeyException.class, () -> ledger.disburse("LYON-2026:tranche-9", SYSTEM),
        "The ledger has no tranche 9 of grant LYON-2026: it was never requested.");
    assertRefused(UnknownLedgerKeyException.class, () -> ledger.releaseCommitment("LYON-2026:experiment-9", SYSTEM),
        "The ledger has no budget of experiment 9 of grant LYON-2026");
    assertRefused(UnknownLedgerKeyException.class, () -> ledger.confirmRecovery("LYON-2026:recovery", SYSTEM),
        "The ledger has no recovery of unspent money of grant LYON-2026");
    assertThatThrownBy(() -> ledger.statement("PARIS-2026")).isInstanceOf(UnknownLedgerKeyException.class);
  }

  // ------------------------------------------------------------------ commitments

  @Test
  void aCommitmentEarmarksCapitalOnItsBudgetLine() {
    openLyon();

    Commitment commitment = ledger.commit(LYON, "LYON-2026:experiment-1", eur("12000"), "experiments", OFFICER);

    assertThat(commitment.status()).isEqualTo(Commitment.Status.ACTIVE);
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.committed()).isEqualTo(eur("12000.00"));
    assertThat(statement.available()).isEqualTo(eur("38000.00"));
    assertThat(statement.budgetLines().get(0).remaining()).isEqualTo(eur("23000.00"));
    assertThat(movementTypes(LYON)).containsExactly(GRANT_OPENED, COMMITTED);
  }

  @Test
  void committingTheSameKeyAgainIsANoOpAndADifferentCommitmentUnderItIsRefused() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("12000"), "experiments", OFFICER);
    Map<String, GrantStatement> before = snapshot();

    ledger.commit(LYON, "LYON-2026:experiment-1", eur("12000.00"), BudgetLine.EXPERIMENTS, OFFICER);

    assertThat(snapshot()).isEqualTo(before);
    assertRefused(LedgerConflictException.class,
        () -> ledger.commit(LYON, "LYON-2026:experiment-1", eur("13000"), "experiments", OFFICER),
        "The budget of experiment 1 is already committed on grant LYON-2026: 12,000.00 EUR on the experiments budget", "A different commitment of it is refused.");
  }

  @Test
  void aCommitmentBeyondWhatItsBudgetLineHasLeftIsRefused() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("30000"), "experiments", OFFICER);

    assertRefused(InsufficientCapitalException.class,
        () -> ledger.commit(LYON, "LYON-2026:experiment-2", eur("5000.01"), "experiments", OFFICER),
        "The budget of experiment 2, 5,000.01 EUR, is more than the experiments budget of grant LYON-2026 has left: 5,000.00 EUR (35,000.00 EUR in all, already committed 30,000.00 EUR).");
  }

  @Test
  void commitmentsNeverExceedTheCapitalStillAvailable() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("35000"), "experiments", OFFICER);
    ledger.commit(LYON, "LYON-2026:learning", eur("7500"), "learning-activities", OFFICER);

    InsufficientCapitalException refusal = assertRefused(InsufficientCapitalException.class,
        () -> ledger.commit(LYON, "LYON-2026:coaching", eur("7500.01"), "coaching", OFFICER),
        "is more than grant LYON-2026 has left to commit: 7,500.00 EUR");
    assertThat(refusal.code()).isEqualTo("INSUFFICIENT_CAPITAL");
    ledger.commit(LYON, "LYON-2026:committee", eur("2500"), "committee", OFFICER);
    ledger.commit(LYON, "LYON-2026:coaching", eur("5000"), "coaching", OFFICER);
    assertThat(balancedStatement(LYON).available()).isEqualTo(eur("0.00"));
    assertRefused(InsufficientCapitalException.class,
        () -> ledger.commit(LYON, "LYON-2026:extra", eur("0.01"), "coaching", OFFICER), "The commitment for extra");
  }

  @Test
  void everyKeyStartsWithItsGrantReference() {
    openLyon();
    ledger.openGrant("GENT-2026", "GENT", eur("20000"), OFFICER);

    assertRefused(LedgerException.class, () -> ledger.commit(LYON, "experiment-1", eur("100"), "experiments", OFFICER),
        "the commitment key 'experiment-1' must be 'LYON-2026:' followed by a name");
    assertRefused(LedgerException.class, () -> ledger.commit(LYON, "GENT-2026:experiment-1", eur("100"), "experiments",
        OFFICER), "'GENT-2026:experiment-1'");
    assertRefused(LedgerException.class, () -> ledger.reportExpenditure(LYON, "LYON-2026:", eur("100"), true, SYSTEM),
        "the expenditure key 'LYON-2026:'");
    assertRefused(LedgerException.class, () -> ledger.orderRecovery(LYON, "recovery", eur("100"), SYSTEM),
        "the recovery key 'recovery'");
    assertRefused(UnknownLedgerKeyException.class, () -> ledger.approvePayment("advance", "frank", SYSTEM),
        "The ledger has no advance");
  }

  @Test
  void anUnknownBudgetLineIsRefused() {
    openLyon();

    assertRefused(LedgerException.class, () -> ledger.commit(LYON, "LYON-2026:trip", eur("100"), "travel", OFFICER),
        "unknown budget line 'travel'", "experiments, learning-activities, committee, coaching");
  }

  @Test
  void releasingCommitmentsGivesTheCapitalBackOnce() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("10000"), "experiments", OFFICER);
    ledger.commit(LYON, "LYON-2026:experiment-2", eur("8000"), "experiments", OFFICER);
    ledger.commit(LYON, "LYON-2026:learning", eur("2000"), "learning-activities", OFFICER);

    Commitment released = ledger.releaseCommitment("LYON-2026:experiment-1", SYSTEM.because("experiment stopped"));
    ledger.releaseCommitment("LYON-2026:experiment-1", SYSTEM);

    assertThat(released.status()).isEqualTo(Commitment.Status.RELEASED);
    assertThat(balancedStatement(LYON).committed()).isEqualTo(eur("10000.00"));
    assertThat(ledger.releaseOpenCommitments(LYON, SYSTEM.because("grant stopped early"))).isEqualTo(eur("10000.00"));
    assertThat(ledger.releaseOpenCommitments(LYON, SYSTEM)).isEqualTo(eur("0.00"));
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.committed()).isEqualTo(eur("0.00"));
    assertThat(statement.available()).isEqualTo(eur("50000.00"));
    assertThat(movements(LYON, COMMITMENT_RELEASED)).isEqualTo(3);
    assertRefused(LedgerConflictException.class,
        () -> ledger.commit(LYON, "LYON-2026:experiment-1", eur("10000"), "experiments", OFFICER),
        "The budget of experiment 1 was released; it cannot be committed again.");
  }

  // ------------------------------------------------------------------ payments

  @Test
  void aPaymentIsRequestedApprovedByAnotherOfficerAndDisbursed() {
    openLyon();

    Payment requested = ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);
    assertThat(requested.paymentKey()).isEqualTo(ADVANCE);
    assertThat(requested.status()).isEqualTo(PaymentStatus.REQUESTED);
    assertThat(balancedStatement(LYON).pendingPayments()).isEqualTo(eur("15000.00"));

    Payment approved = ledger.approvePayment(ADVANCE, "frank", SYSTEM);
    assertThat(approved.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(approved.approvedBy()).isEqualTo("frank");

    Payment disbursed = ledger.disburse(ADVANCE, SYSTEM);
    assertThat(disbursed.status()).isEqualTo(PaymentStatus.DISBURSED);
    assertThat(disbursed.disbursedAt()).isNotNull();
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.paid()).isEqualTo(eur("15000.00"));
    assertThat(statement.pendingPayments()).isEqualTo(eur("0.00"));
    assertThat(statement.available()).isEqualTo(eur("35000.00"));
    assertThat(statement.cityFloat()).isEqualTo(eur("15000.00"));
    assertThat(statement.payments()).containsExactly(disbursed);
    assertThat(statement.movements()).extracting(Movement::type, Movement::actor).containsExactly(
        org.assertj.core.groups.Tuple.tuple(GRANT_OPENED, "olivia"),
        org.assertj.core.groups.Tuple.tuple(PAYMENT_REQUESTED, "rita"),
        org.assertj.core.groups.Tuple.tuple(PAYMENT_APPROVED, "frank"),
        org.assertj.core.groups.Tuple.tuple(PAYMENT_DISBURSED, "camunda"));
  }

  @Test
  void fourEyesTheRequesterCannotApproveTheirOwnPayment() {
    openLyon();
    ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);

    FourEyesViolationException refusal = assertRefused(FourEyesViolationException.class,
        () -> ledger.approvePayment(ADVANCE, "rita", SYSTEM));
    assertThat(refusal).hasMessage(
        "You requested the advance yourself, so another finance officer must approve it: release the task for a colleague.");
    assertThat(refusal.code()).isEqualTo("FOUR_EYES_VIOLATION");
    assertRefused(FourEyesViolationException.class, () -> ledger.approvePayment(ADVANCE, "RITA", SYSTEM), "the advance");
  }

  @Test
  void requestingTheSamePaymentAgainIsANoOpAndADifferentOneUnderItsKeyIsRefused() {
    openLyon();
    Payment first = ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);
    Map<String, GrantStatement> before = snapshot();

    Payment again = ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000.00"), "rita", SYSTEM);

    assertThat(again).isEqualTo(first);
    assertThat(snapshot()).isEqualTo(before);
    assertRefused(LedgerConflictException.class,
        () -> ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("16000"), "rita", SYSTEM),
        "The advance is already requested, awaiting approval, for 15,000.00 EUR; it cannot be requested again for 16,000.00 EUR.");
    assertRefused(LedgerConflictException.class,
        () -> ledger.requestPayment(LYON, "advance", PaymentKind.TRANCHE, eur("15000"), "rita", SYSTEM),
        "The advance is already requested as an advance; it cannot be requested again as a tranche.");
    assertRefused(LedgerException.class,
        () -> ledger.requestPayment(LYON, "tranche 2", PaymentKind.TRANCHE, eur("15000"), "rita", SYSTEM),
        "not 'tranche 2'");
  }

  @Test
  void moneyRequestedAndPaidNeverExceedsTheAward() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("35000"), "experiments", OFFICER);
    pay(LYON, "advance", PaymentKind.ADVANCE, "30000");
    ledger.requestPayment(LYON, "tranche-1", PaymentKind.TRANCHE, eur("15000"), "rita", SYSTEM);

    assertRefused(InsufficientCapitalException.class,
        () -> ledger.requestPayment(LYON, "tranche-2", PaymentKind.TRANCHE, eur("5000.01"), "rita", SYSTEM),
        "Tranche 2 of 5,000.01 EUR is more than grant LYON-2026 has left to pay: at most 5,000.00 EUR (awarded 50,000.00 EUR");
    ledger.requestPayment(LYON, "tranche-2", PaymentKind.TRANCHE, eur("5000"), "rita", SYSTEM);
    assertThat(balancedStatement(LYON).available()).isEqualTo(eur("0.00"));
  }

  @Test
  void aRejectedPaymentCannotBeApprovedUntilItIsRequestedAgain() {
    openLyon();
    ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);

    Payment rejected = ledger.rejectPayment(ADVANCE, "frank", "cash-flow plan missing", SYSTEM);
    ledger.rejectPayment(ADVANCE, "frank", "again", SYSTEM);

    assertThat(rejected.status()).isEqualTo(PaymentStatus.REJECTED);
    assertThat(rejected.rejectionReason()).isEqualTo("cash-flow plan missing");
    assertThat(balancedStatement(LYON).pendingPayments()).isEqualTo(eur("0.00"));
    assertThat(movements(LYON, PAYMENT_REJECTED)).isEqualTo(1);
    PaymentStateException stillRejected = assertRefused(PaymentStateException.class,
        () -> ledger.approvePayment(ADVANCE, "frank", SYSTEM),
        "The advance was rejected by frank (\"cash-flow plan missing\"): it must be requested again before it can be approved.");
    // the person who rejected it, by the name the caller finds for their id
    assertThat(stillRejected.messageNaming(id -> id.equals("frank") ? "Frank Fischer" : id))
        .startsWith("The advance was rejected by Frank Fischer (");
    assertRefused(PaymentStateException.class, () -> ledger.disburse(ADVANCE, SYSTEM),
        "The advance is rejected; only an approved payment is paid out.");

    Payment requestedAgain = ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("12000"), "frank", SYSTEM);

    assertThat(requestedAgain.status()).isEqualTo(PaymentStatus.REQUESTED);
    assertThat(requestedAgain.amount()).isEqualTo(eur("12000.00"));
    assertThat(requestedAgain.requestedBy()).isEqualTo("frank");
    assertRefused(FourEyesViolationException.class, () -> ledger.approvePayment(ADVANCE, "frank", SYSTEM));
    ledger.approvePayment(ADVANCE, "rita", SYSTEM);
    assertThat(ledger.disburse(ADVANCE, SYSTEM).amount()).isEqualTo(eur("12000.00"));
    assertThat(balancedStatement(LYON).paid()).isEqualTo(eur("12000.00"));
  }

  @Test
  void anApprovedPaymentCanStillBeRejectedButADisbursedOneCannot() {
    openLyon();
    ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);
    ledger.approvePayment(ADVANCE, "frank", SYSTEM);
    ledger.rejectPayment(ADVANCE, "frank", "bank details wrong", SYSTEM);
    ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);
    ledger.approvePayment(ADVANCE, "frank", SYSTEM);
    ledger.disburse(ADVANCE, SYSTEM);

    assertRefused(PaymentStateException.class, () -> ledger.rejectPayment(ADVANCE, "frank", "too late", SYSTEM),
        "The advance is already paid out, so it cannot be rejected: order a recovery of the money instead.");
    assertRefused(LedgerException.class, () -> ledger.rejectPayment(ADVANCE, "frank", " ", SYSTEM),
        "The reason for the rejection of the advance is missing.");
  }

  @Test
  void onlyAnApprovedPaymentIsDisbursed() {
    openLyon();
    ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);

    assertRefused(PaymentStateException.class, () -> ledger.disburse(ADVANCE, SYSTEM),
        "The advance is requested, awaiting approval; only an approved payment is paid out.");
  }

  @Test
  void disbursingTwiceDisbursesOnce() {
    openLyon();
    Payment first = pay(LYON, "advance", PaymentKind.ADVANCE, "15000");
    Map<String, GrantStatement> before = snapshot();

    Payment second = ledger.disburse(ADVANCE, SYSTEM);
    Payment approvedAgain = ledger.approvePayment(ADVANCE, "frank", SYSTEM);

    assertThat(second).isEqualTo(first);
    assertThat(approvedAgain).isEqualTo(first);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(movements(LYON, PAYMENT_DISBURSED)).isEqualTo(1);
    assertThat(balancedStatement(LYON).paid()).isEqualTo(eur("15000.00"));
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void twoThreadsDisbursingTheSamePaymentYieldOneDisbursement() throws Exception {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("10000"), "experiments", OFFICER);
    for (int round = 1; round <= 10; round++) {
      String milestone = "tranche-" + round;
      Payment payment = ledger.requestPayment(LYON, milestone, PaymentKind.TRANCHE, eur("1000"), "rita", SYSTEM);
      ledger.approvePayment(payment.paymentKey(), "frank", SYSTEM);

      List<Payment> results = race(() -> ledger.disburse(payment.paymentKey(), SYSTEM),
          () -> ledger.disburse(payment.paymentKey(), SYSTEM));

      assertThat(results).extracting(Payment::status).containsOnly(PaymentStatus.DISBURSED);
      assertThat(results.get(0)).isEqualTo(results.get(1));
    }
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.paid()).isEqualTo(eur("10000.00"));
    assertThat(statement.movements().stream().filter(m -> m.type() == PAYMENT_DISBURSED)
        .map(Movement::referenceKey)).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void twoThreadsCommittingTheLastCapitalGetItOnce() throws Exception {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("20000"), "experiments", OFFICER);

    List<Object> outcomes = raceAllowingRefusals(
        () -> ledger.commit(LYON, "LYON-2026:experiment-2", eur("10000"), "experiments", OFFICER),
        () -> ledger.commit(LYON, "LYON-2026:experiment-3", eur("10000"), "experiments", OFFICER));

    assertThat(outcomes).filteredOn(Commitment.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(InsufficientCapitalException.class::isInstance).hasSize(1);
    assertThat(balancedStatement(LYON).committed()).isEqualTo(eur("30000.00"));
  }

  @Test
  void twoThreadsRequestingTheSamePaymentCreateOne() throws Exception {
    openLyon();

    List<Payment> results = race(
        () -> ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM),
        () -> ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM));

    assertThat(results.get(0)).isEqualTo(results.get(1));
    assertThat(movements(LYON, PAYMENT_REQUESTED)).isEqualTo(1);
    assertThat(balancedStatement(LYON).pendingPayments()).isEqualTo(eur("15000.00"));
  }

  @Test
  void twoThreadsOpeningTheSameGrantOpenItOnce() throws Exception {
    List<Object> outcomes = raceAllowingRefusals(
        () -> ledger.openGrant(LYON, "LYON", eur("50000"), OFFICER),
        () -> ledger.openGrant(LYON, "LYON", eur("50000"), OFFICER));

    // the loser either waits and finds the grant, or fails on the primary key and is retried by its job
    assertThat(outcomes).filteredOn(GrantAccount.class::isInstance).isNotEmpty();
    assertThat(outcomes).allMatch(o -> o instanceof GrantAccount || o instanceof DuplicateKeyException);
    assertThat(movements(LYON, GRANT_OPENED)).isEqualTo(1);
    assertThat(ledger.openGrant(LYON, "LYON", eur("50000"), OFFICER).awarded()).isEqualTo(eur("50000.00"));
    balancedStatement(LYON);
  }

  @SafeVarargs
  private static <T> List<T> race(Callable<T>... calls) throws Exception {
    List<T> results = new ArrayList<>();
    for (Object outcome : raceAllowingRefusals(calls)) {
      if (outcome instanceof Throwable failure) {
        throw new AssertionError("a concurrent call failed", failure);
      }
      @SuppressWarnings("unchecked")
      T result = (T) outcome;
      results.add(result);
    }
    return results;
  }

  /** Starts the calls at the same moment on their own threads; returns each result or the exception it threw. */
  @SafeVarargs
  private static List<Object> raceAllowingRefusals(Callable<?>... calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.length);
    ExecutorService threads = Executors.newFixedThreadPool(calls.length);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<?> call : calls) {
        futures.add(threads.submit(() -> {
          start.await(5, TimeUnit.SECONDS);
          try {
            return call.call();
          } catch (LedgerException | DataAccessException refused) {
            return refused;
          }
        }));
      }
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(20, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ inside the caller's transaction

  @Test
  void aRefusalDoesNotSpoilTheCallersTransaction() {
    openLyon();
    TransactionTemplate engineTransaction = new TransactionTemplate(
        database().context().getBean(PlatformTransactionManager.class));

    engineTransaction.executeWithoutResult(status -> {
      assertThatThrownBy(() -> ledger.commit(LYON, "LYON-2026:experiment-1", eur("99999"), "experiments", OFFICER))
          .isInstanceOf(InsufficientCapitalException.class);
      assertThatThrownBy(() -> ledger.statement("PARIS-2026")).isInstanceOf(UnknownLedgerKeyException.class);
      ledger.commit(LYON, "LYON-2026:experiment-1", eur("9999"), "experiments", OFFICER);
      assertThat(status.isRollbackOnly()).isFalse();
    });

    assertThat(balancedStatement(LYON).committed()).isEqualTo(eur("9999.00"));
  }

  @Test
  void theLedgerChangesRollBackWithTheCallersTransaction() {
    openLyon();
    TransactionTemplate engineTransaction = new TransactionTemplate(
        database().context().getBean(PlatformTransactionManager.class));

    assertThatThrownBy(() -> engineTransaction.executeWithoutResult(status -> {
      ledger.commit(LYON, "LYON-2026:experiment-1", eur("9999"), "experiments", OFFICER);
      throw new IllegalStateException("the process step failed after the ledger call");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(balancedStatement(LYON).committed()).isEqualTo(eur("0.00"));
    assertThat(movementTypes(LYON)).containsExactly(GRANT_OPENED);
  }

  // ------------------------------------------------------------------ expenditure, tranches, settlement

  @Test
  void theTrancheRestoresTheCitysFloatFromAcceptedExpenditure() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("10000"), "experiments", OFFICER);
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("0.00"));
    pay(LYON, "advance", PaymentKind.ADVANCE, "15000");
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("0.00"));

    ledger.reportExpenditure(LYON, "LYON-2026:report-1:venue", eur("6000"), true, SYSTEM);
    ledger.reportExpenditure(LYON, "LYON-2026:report-1:staff", eur("4000"), true, SYSTEM);
    ledger.reportExpenditure(LYON, "LYON-2026:report-1:party", eur("3000"), false, SYSTEM);

    assertThat(balancedStatement(LYON).reportedSpent()).isEqualTo(eur("10000.00"));
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("10000.00"));
    ledger.requestPayment(LYON, "tranche-1", PaymentKind.TRANCHE, eur("10000"), "rita", SYSTEM);
    assertThat(ledger.proposeTranche(LYON)).as("a requested tranche counts").isEqualTo(eur("0.00"));
  }

  @Test
  void theTrancheNeverGoesBeyondWhatMayStillBePaid() {
    openLyon();
    pay(LYON, "advance", PaymentKind.ADVANCE, "15000");
    ledger.reportExpenditure(LYON, "LYON-2026:report-1", eur("45000"), true, SYSTEM);

    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("35000.00"));
  }

  @Test
  void reportingTheSameExpenditureAgainIsANoOpAndADifferentReportUnderItsKeyIsRefused() {
    openLyon();
    ledger.reportExpenditure(LYON, "LYON-2026:report-1", eur("4000"), true, SYSTEM);
    Map<String, GrantStatement> before = snapshot();

    ledger.reportExpenditure(LYON, "LYON-2026:report-1", eur("4000.00"), true, SYSTEM);

    assertThat(snapshot()).isEqualTo(before);
    assertRefused(LedgerConflictException.class,
        () -> ledger.reportExpenditure(LYON, "LYON-2026:report-1", eur("4000"), false, SYSTEM),
        "The spending in the report 1 is already recorded on grant LYON-2026: 4,000.00 EUR, accepted.");
  }

  @Test
  void unspentMoneyIsRecovered() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("10000"), "experiments", OFFICER);
    pay(LYON, "advance", PaymentKind.ADVANCE, "15000");
    pay(LYON, "tranche-1", PaymentKind.TRANCHE, "10000");
    ledger.reportExpenditure(LYON, "LYON-2026:final-report", eur("20000"), true, SYSTEM);

    assertThat(ledger.computeSettlement(LYON)).isEqualTo(new Settlement(Settlement.Outcome.RECOVERY, eur("5000.00")));
    assertRefused(LedgerException.class,
        () -> ledger.orderRecovery(LYON, "LYON-2026:recovery", eur("5000.01"), SYSTEM),
        "A recovery of 5,000.01 EUR is more than the unspent money of grant LYON-2026: 5,000.00 EUR");

    Recovery ordered = ledger.orderRecovery(LYON, "LYON-2026:recovery", eur("5000"), SYSTEM);
    assertThat(ledger.orderRecovery(LYON, "LYON-2026:recovery", eur("5000"), SYSTEM)).isEqualTo(ordered);
    assertRefused(LedgerConflictException.class,
        () -> ledger.orderRecovery(LYON, "LYON-2026:recovery", eur("4000"), SYSTEM), "A recovery of 5,000.00 EUR is already ordered on grant LYON-2026; a different one is refused.");
    assertThat(ledger.computeSettlement(LYON).outcome()).isEqualTo(Settlement.Outcome.NONE);
    assertThat(balancedStatement(LYON).recoveryOrdered()).isEqualTo(eur("5000.00"));

    Recovery received = ledger.confirmRecovery("LYON-2026:recovery", SYSTEM);
    assertThat(ledger.confirmRecovery("LYON-2026:recovery", SYSTEM)).isEqualTo(received);
    assertThat(received.status()).isEqualTo(Recovery.Status.RECEIVED);
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.recovered()).isEqualTo(eur("5000.00"));
    assertThat(statement.cityFloat()).isEqualTo(eur("0.00"));
    assertThat(movements(LYON, MovementType.RECOVERY_RECEIVED)).isEqualTo(1);
  }

  @Test
  void aFinalBalanceIsPaidForAcceptedExpenditureUpToTheAward() {
    openLyon();
    pay(LYON, "advance", PaymentKind.ADVANCE, "15000");
    ledger.reportExpenditure(LYON, "LYON-2026:report-1", eur("22000"), true, SYSTEM);
    assertThat(ledger.computeSettlement(LYON)).isEqualTo(new Settlement(Settlement.Outcome.FINAL_BALANCE, eur("7000.00")));

    ledger.reportExpenditure(LYON, "LYON-2026:report-2", eur("40000"), true, SYSTEM);
    Settlement settlement = ledger.computeSettlement(LYON);
    assertThat(settlement).isEqualTo(new Settlement(Settlement.Outcome.FINAL_BALANCE, eur("35000.00")));

    pay(LYON, "final-balance", PaymentKind.FINAL_BALANCE, settlement.amount().toPlainString());
    assertThat(ledger.computeSettlement(LYON)).isEqualTo(new Settlement(Settlement.Outcome.NONE, eur("0.00")));
    assertThat(balancedStatement(LYON).paid()).isEqualTo(eur("50000.00"));
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("0.00"));
  }

  // ------------------------------------------------------------------ spending above a commitment (issue 13)

  static final String EXPERIMENT = LYON + ":experiment-1";
  static final MovementContext COACH = new MovementContext("coach1", "pi-7", "Task_RecordExperimentOutcome",
      "experiment 1 report accepted");

  /** Lyon: 10,000.00 advance paid, experiment 1 committed at 6,000.00. */
  private void lyonWithAnExperimentOf6000() {
    openLyon();
    pay(LYON, "advance", PaymentKind.ADVANCE, "10000");
    ledger.commit(LYON, EXPERIMENT, eur("6000"), "experiments", OFFICER);
  }

  @Test
  void spendingWithinItsCommitmentIsAcceptedWhole() {
    lyonWithAnExperimentOf6000();

    SpendingReport report = ledger.reportSpendingAgainst(EXPERIMENT, eur("5200"), COACH);

    assertThat(report.aboveCommitment()).isFalse();
    assertThat(report.flag()).isEmpty();
    assertThat(report.decision()).isEqualTo(SpendingReport.ExcessDecision.NONE);
    assertThat(report.accepted()).isEqualTo(eur("5200.00"));
    assertThat(balancedStatement(LYON).reportedSpent()).isEqualTo(eur("5200.00"));
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("5200.00"));
  }

  @Test
  void spendingAboveItsCommitmentIsAcceptedUpToItAndTheExcessWaitsForAnOfficer() {
    lyonWithAnExperimentOf6000();

    SpendingReport report = ledger.reportSpendingAgainst(EXPERIMENT, eur("9000"), COACH);

    assertThat(report.committed()).isEqualTo(eur("6000.00"));
    assertThat(report.reported()).isEqualTo(eur("9000.00"));
    assertThat(report.excess()).isEqualTo(eur("3000.00"));
    assertThat(report.decision()).isEqualTo(SpendingReport.ExcessDecision.AWAITING);
    assertThat(report.flag()).isEqualTo("reported 9,000.00 EUR, 3,000.00 above the 6,000.00 committed");
    assertThat(ledger.spendingReport(EXPERIMENT)).contains(report);
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.reportedSpent()).as("only the committed part counts").isEqualTo(eur("6000.00"));
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("6000.00"));
    assertThat(ledger.computeSettlement(LYON).amount()).as("nor is the excess settled").isEqualTo(eur("4000.00"));
    assertThat(statement.movements().get(statement.movements().size() - 1).reason())
        .contains("reported 9000.00 EUR, 3000.00 EUR above the commitment");

    assertThat(ledger.reportSpendingAgainst(EXPERIMENT, eur("9000.00"), COACH)).as("the same report again").isEqualTo(report);
    assertRefused(LedgerConflictException.class, () -> ledger.reportSpendingAgainst(EXPERIMENT, eur("8000"), COACH),
        "9,000.00 EUR is already reported");
  }

  @Test
  void aTrancheNeverPaysMoreThanWasCommittedUntilAnOfficerApprovesTheExcessWithAReason() {
    lyonWithAnExperimentOf6000();
    ledger.reportSpendingAgainst(EXPERIMENT, eur("9000"), COACH);

    assertRefused(InsufficientCapitalException.class,
        () -> ledger.requestPayment(LYON, "tranche-1", PaymentKind.TRANCHE, eur("9000"), "rita", SYSTEM),
        "A tranche of 9,000.00 EUR is more than what was committed", "at most 6,000.00 EUR",
        "after a programme officer approves it with a reason");

    assertRefused(LedgerException.class,
        () -> ledger.decideExcessSpending(EXPERIMENT, true, "olivia", " ", OFFICER), "The reason for approving");
    SpendingReport approved = ledger.decideExcessSpending(EXPERIMENT, true, "olivia",
        "Prices of the sensors rose by half; the committee agreed.", OFFICER);

    assertThat(approved.decision()).isEqualTo(SpendingReport.ExcessDecision.APPROVED);
    assertThat(approved.decidedBy()).isEqualTo("olivia");
    assertThat(approved.reason()).isEqualTo("Prices of the sensors rose by half; the committee agreed.");
    assertThat(approved.accepted()).isEqualTo(eur("9000.00"));
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("9000.00"));
    assertRefused(InsufficientCapitalException.class,
        () -> ledger.requestPayment(LYON, "tranche-1", PaymentKind.TRANCHE, eur("9000.01"), "rita", SYSTEM),
        "at most 9,000.00 EUR");
    Payment tranche = pay(LYON, "tranche-1", PaymentKind.TRANCHE, "9000");
    assertThat(ledger.disburse(tranche.paymentKey(), SYSTEM)).as("paid exactly once").isEqualTo(tranche);

    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.paid()).isEqualTo(eur("19000.00"));
    assertThat(statement.reportedSpent()).isEqualTo(eur("9000.00"));
    assertThat(statement.movements()).filteredOn(m -> m.referenceKey().equals(EXPERIMENT + "-excess"))
        .singleElement().satisfies(m -> {
          assertThat(m.type()).isEqualTo(MovementType.EXPENDITURE_ACCEPTED);
          assertThat(m.amount()).isEqualTo(eur("3000.00"));
          assertThat(m.actor()).isEqualTo("olivia");
          assertThat(m.reason()).isEqualTo("Prices of the sensors rose by half; the committee agreed.");
        });
    assertThat(ledger.decideExcessSpending(EXPERIMENT, true, "olivia", "again", OFFICER)).as("no-op")
        .isEqualTo(approved);
    LedgerConflictException decided = assertRefused(LedgerConflictException.class,
        () -> ledger.decideExcessSpending(EXPERIMENT, false, "otto", "changed my mind", OFFICER), "already approved by olivia");
    assertThat(decided.messageNaming(id -> "Olivia Officer")).isEqualTo(
        "The spending above the budget of experiment 1 was already approved by Olivia Officer; that decision stands.");
  }

  /**
   * What people may read: every refusal a person's step can meet says it in words, with amounts and
   * their currency, never a ledger key ({@code LYON-2026:tranche-2}), a status or kind in capitals,
   * or a method name.
   */
  @Test
  void refusalsSayWhatHappenedInWordsWithoutKeys() {
    lyonWithAnExperimentOf6000();
    List<Runnable> refused = List.of(
        () -> ledger.approvePayment(ADVANCE, "rita", SYSTEM),
        () -> ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("16000"), "rita", SYSTEM),
        () -> ledger.requestPayment(LYON, "advance", PaymentKind.TRANCHE, eur("15000"), "rita", SYSTEM),
        () -> ledger.requestPayment(LYON, "final-balance", PaymentKind.FINAL_BALANCE, eur("45000"), "rita", SYSTEM),
        () -> ledger.requestPayment(LYON, "tranche-1", PaymentKind.TRANCHE, eur("9000"), "rita", SYSTEM),
        () -> ledger.commit(LYON, "LYON-2026:experiment-2", eur("40000"), "experiments", OFFICER),
        () -> ledger.commit(LYON, "LYON-2026:experiment-1", eur("7000"), "experiments", OFFICER),
        () -> ledger.decideExcessSpending(EXPERIMENT, true, "olivia", "why not", OFFICER),
        () -> ledger.rejectPayment(ADVANCE, "frank", "too late", SYSTEM),
        () -> ledger.disburse("LYON-2026:tranche-9", SYSTEM),
        () -> ledger.reportExpenditure(LYON, EXPERIMENT, eur("7000"), true, SYSTEM),
        () -> ledger.orderRecovery(LYON, "LYON-2026:recovery", eur("20000"), SYSTEM),
        () -> ledger.closeGrant(LYON, SYSTEM));
    for (Runnable call : refused) {
      LedgerException refusal = assertRefused(LedgerException.class, call::run);
      assertThat(refusal.getMessage()).as(refusal.code())
          .doesNotContainPattern(LYON + ":\\S")
          .doesNotContainPattern("\\b(REQUESTED|APPROVED|DISBURSED|REJECTED|ADVANCE|TRANCHE|FINAL_BALANCE|RECOVERY)\\b")
          .doesNotContainPattern("[a-z][A-Z][a-z]+\\(")
          .doesNotContainPattern("\\d{4}\\.\\d{2} EUR")
          .matches("(?s)[A-Z].*\\.");
    }
  }

  @Test
  void aRefusedExcessIsRecordedWithItsReasonAndNeverPaidNotEvenAtSettlement() {
    lyonWithAnExperimentOf6000();
    ledger.reportSpendingAgainst(EXPERIMENT, eur("9000"), COACH);

    SpendingReport refused = ledger.decideExcessSpending(EXPERIMENT, false, "olivia",
        "Not agreed beforehand; the city pays it.", OFFICER);

    assertThat(refused.decision()).isEqualTo(SpendingReport.ExcessDecision.REFUSED);
    assertThat(refused.accepted()).isEqualTo(eur("6000.00"));
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("6000.00"));
    assertRefused(InsufficientCapitalException.class,
        () -> ledger.requestPayment(LYON, "tranche-1", PaymentKind.TRANCHE, eur("6000.01"), "rita", SYSTEM));
    pay(LYON, "tranche-1", PaymentKind.TRANCHE, "6000");
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.reportedSpent()).isEqualTo(eur("6000.00"));
    assertThat(ledger.computeSettlement(LYON)).as("the advance comes back, the excess is not paid")
        .isEqualTo(new Settlement(Settlement.Outcome.RECOVERY, eur("10000.00")));
    assertThat(statement.movements()).filteredOn(m -> m.type() == MovementType.EXPENDITURE_NOT_ACCEPTED)
        .extracting(Movement::amount, Movement::actor, Movement::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(eur("3000.00"), "olivia",
            "Not agreed beforehand; the city pays it."));
  }

  @Test
  void thereIsNothingToDecideOnSpendingWithinItsCommitment() {
    lyonWithAnExperimentOf6000();
    ledger.reportSpendingAgainst(EXPERIMENT, eur("6000"), COACH);

    assertRefused(LedgerException.class,
        () -> ledger.decideExcessSpending(EXPERIMENT, true, "olivia", "why not", OFFICER),
        "No spending above the budget of experiment 1 waits for a decision.");
  }

  @Test
  void acceptedExpenditureUnderACommitmentsKeyCannotGoAboveIt() {
    lyonWithAnExperimentOf6000();

    assertRefused(LedgerException.class, () -> ledger.reportExpenditure(LYON, EXPERIMENT, eur("6000.01"), true, SYSTEM),
        "above the 6,000.00 EUR committed to it");
    ledger.reportExpenditure(LYON, EXPERIMENT, eur("6000"), true, SYSTEM);
    assertThat(balancedStatement(LYON).reportedSpent()).isEqualTo(eur("6000.00"));
  }

  @Test
  void tranchesPayForEverythingCommittedEvenAfterACommitmentWasReleased() {
    openLyon();
    pay(LYON, "advance", PaymentKind.ADVANCE, "10000");
    ledger.commit(LYON, EXPERIMENT, eur("10000"), "experiments", OFFICER);
    ledger.reportSpendingAgainst(EXPERIMENT, eur("6000"), COACH);
    ledger.releaseCommitment(EXPERIMENT, COACH);

    // finance may pay the whole committed budget, more than the 6,000 the float rule proposes
    pay(LYON, "tranche-1", PaymentKind.TRANCHE, "10000");
    assertRefused(InsufficientCapitalException.class,
        () -> ledger.requestPayment(LYON, "tranche-2", PaymentKind.TRANCHE, eur("0.01"), "rita", SYSTEM),
        "tranches of 10,000.00 EUR are already requested or paid", "at most 0.00 EUR");
  }

  @Test
  void theDatabaseRefusesAnExcessDecisionWithoutOfficerOrReason() {
    lyonWithAnExperimentOf6000();
    ledger.reportSpendingAgainst(EXPERIMENT, eur("9000"), COACH);

    assertViolation("INSERT INTO expenditure (expenditure_key, grant_reference, amount, accepted, reported_at, excess_of)"
        + " VALUES ('LYON-2026:experiment-1-excess', 'LYON-2026', 3000, TRUE, CURRENT_TIMESTAMP, 'LYON-2026:experiment-1')");
    assertViolation("INSERT INTO expenditure (expenditure_key, grant_reference, amount, accepted, reported_at, excess_of,"
        + " decided_by, decision_reason) VALUES ('LYON-2026:experiment-1-excess', 'LYON-2026', 3000, TRUE,"
        + " CURRENT_TIMESTAMP, 'LYON-2026:experiment-1', 'olivia', '  ')");
    assertViolation("UPDATE expenditure SET reported_amount = 5000 WHERE expenditure_key = 'LYON-2026:experiment-1'");
    ledger.decideExcessSpending(EXPERIMENT, true, "olivia", "Agreed.", OFFICER);
    assertViolation("INSERT INTO expenditure (expenditure_key, grant_reference, amount, accepted, reported_at, excess_of,"
        + " decided_by, decision_reason) VALUES ('LYON-2026:experiment-1-excess-2', 'LYON-2026', 3000, TRUE,"
        + " CURRENT_TIMESTAMP, 'LYON-2026:experiment-1', 'olivia', 'twice')");
  }

  // ------------------------------------------------------------------ closing

  @Test
  void aGrantIsClosedOnlyOnceSettled() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("1000"), "experiments", OFFICER);
    pay(LYON, "advance", PaymentKind.ADVANCE, "15000");
    ledger.reportExpenditure(LYON, "LYON-2026:final-report", eur("12000"), true, SYSTEM);
    ledger.requestPayment(LYON, "tranche-1", PaymentKind.TRANCHE, eur("1000"), "rita", SYSTEM);

    assertRefused(LedgerException.class, () -> ledger.closeGrant(LYON, SYSTEM),
        "Grant LYON-2026 cannot be closed yet: payments of 1,000.00 EUR are requested or approved and not paid out");
    ledger.rejectPayment(LYON + ":tranche-1", "frank", "not needed", SYSTEM);
    assertRefused(LedgerException.class, () -> ledger.closeGrant(LYON, SYSTEM),
        "Grant LYON-2026 cannot be closed yet: 3,000.00 EUR of unspent money is still to be recovered.");
    ledger.orderRecovery(LYON, "LYON-2026:recovery", eur("3000"), SYSTEM);
    assertRefused(LedgerException.class, () -> ledger.closeGrant(LYON, SYSTEM),
        "the city has not yet paid back the 3,000.00 EUR it was asked to return");
    ledger.confirmRecovery("LYON-2026:recovery", SYSTEM);

    assertThat(ledger.closeGrant(LYON, SYSTEM).isClosed()).isTrue();
    assertThat(balancedStatement(LYON).status()).isEqualTo(GrantAccount.Status.CLOSED);
  }

  @Test
  void closingReleasesTheOpenCommitmentsAndFreezesTheLedger() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("10000"), "experiments", OFFICER);
    ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);
    ledger.rejectPayment(ADVANCE, "frank", "grant stopped", SYSTEM);

    GrantAccount closed = ledger.closeGrant(LYON, SYSTEM.because("programme over"));
    assertThat(ledger.closeGrant(LYON, SYSTEM)).isEqualTo(closed);

    assertThat(closed.status()).isEqualTo(GrantAccount.Status.CLOSED);
    assertThat(closed.closedAt()).isNotNull();
    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.committed()).isEqualTo(eur("0.00"));
    assertThat(movementTypes(LYON)).endsWith(COMMITMENT_RELEASED, GRANT_CLOSED);
    assertThat(ledger.proposeTranche(LYON)).isEqualTo(eur("0.00"));

    List<Consumer<LedgerService>> changes = List.of(
        l -> l.openGrant(LYON, "LYON", eur("50000"), OFFICER),
        l -> l.commit(LYON, "LYON-2026:experiment-2", eur("10"), "experiments", OFFICER),
        l -> l.releaseCommitment("LYON-2026:experiment-1", SYSTEM),
        l -> l.releaseOpenCommitments(LYON, SYSTEM),
        l -> l.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM),
        l -> l.approvePayment(ADVANCE, "frank", SYSTEM),
        l -> l.rejectPayment(ADVANCE, "frank", "no", SYSTEM),
        l -> l.disburse(ADVANCE, SYSTEM),
        l -> l.reportExpenditure(LYON, "LYON-2026:late-report", eur("10"), true, SYSTEM),
        l -> l.orderRecovery(LYON, "LYON-2026:recovery", eur("10"), SYSTEM));
    for (Consumer<LedgerService> change : changes) {
      GrantClosedException refusal = assertRefused(GrantClosedException.class, () -> change.accept(ledger),
          "Grant LYON-2026 is closed and settled: its money can no longer change.");
      assertThat(refusal.code()).isEqualTo("GRANT_CLOSED");
    }
  }

  // ------------------------------------------------------------------ statement and budget vs actual

  @Test
  void budgetVsActualHasOneRowPerGrant() {
    openLyon();
    ledger.openGrant("GENT-2026", "GENT", eur("20000"), OFFICER);
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("12000"), "experiments", OFFICER);
    pay(LYON, "advance", PaymentKind.ADVANCE, "15000");
    ledger.reportExpenditure(LYON, "LYON-2026:report-1", eur("9000"), true, SYSTEM);

    assertThat(ledger.budgetVsActual()).containsExactly(
        new BudgetVsActualRow("GENT-2026", "GENT", GrantAccount.Status.OPEN, "EUR", eur("20000.00"), eur("0.00"),
            eur("0.00"), eur("0.00"), eur("0.00"), eur("20000.00")),
        new BudgetVsActualRow(LYON, "LYON", GrantAccount.Status.OPEN, "EUR", eur("50000.00"), eur("12000.00"),
            eur("15000.00"), eur("9000.00"), eur("0.00"), eur("35000.00")));
  }

  @Test
  void theStatementNoticesATableThatDisagreesWithTheJournal() {
    openLyon();
    pay(LYON, "advance", PaymentKind.ADVANCE, "15000");

    jdbc.sql("UPDATE payment SET amount = 16000 WHERE payment_key = ?").param(ADVANCE).update();

    assertThat(ledger.statement(LYON).balanced()).isFalse();
    assertThat(ledger.statement(LYON).imbalances()).contains("paid 16000.00 ≠ journal PAYMENT_DISBURSED 15000.00");
  }

  // ------------------------------------------------------------------ the database's own rules

  @Test
  void theDatabaseRefusesNegativeAmountsUnknownStatusesAndDuplicateKeys() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:experiment-1", eur("1000"), "experiments", OFFICER);
    pay(LYON, "advance", PaymentKind.ADVANCE, "1000");

    assertViolation("UPDATE commitment SET amount = -1");
    assertViolation("UPDATE commitment SET status = 'CANCELLED'");
    assertViolation("UPDATE payment SET status = 'PAID'");
    assertViolation("UPDATE payment SET kind = 'GIFT'");
    assertViolation("UPDATE payment SET milestone = 'tranche-1'");
    assertViolation("UPDATE grant_account SET awarded_amount = 0");
    assertViolation("UPDATE grant_account SET status = 'CLOSED'");
    assertViolation("UPDATE budget_line SET line_code = 'travel' WHERE line_code = 'coaching'");
    assertViolation("UPDATE ledger_movement SET amount = -5");
    assertViolation("UPDATE commitment SET commitment_key = 'LYON-2027:experiment-1'");
    assertViolation("INSERT INTO payment (payment_key, grant_reference, milestone, kind, amount, status, requested_by,"
        + " requested_at) VALUES ('LYON-2026:advance', 'LYON-2026', 'advance', 'ADVANCE', 5, 'REQUESTED', 'rita',"
        + " CURRENT_TIMESTAMP)");
    assertViolation("INSERT INTO commitment (commitment_key, grant_reference, line_code, amount, status, committed_at)"
        + " VALUES ('LYON-2026:experiment-1', 'LYON-2026', 'experiments', 5, 'ACTIVE', CURRENT_TIMESTAMP)");
    assertThat(balancedStatement(LYON).paid()).isEqualTo(eur("1000.00"));
  }

  @Test
  void theDatabaseEnforcesFourEyesToo() {
    openLyon();
    ledger.requestPayment(LYON, "advance", PaymentKind.ADVANCE, eur("15000"), "rita", SYSTEM);

    assertViolation("UPDATE payment SET status = 'APPROVED', approved_by = requested_by, approved_at = CURRENT_TIMESTAMP");
    assertViolation("UPDATE payment SET status = 'DISBURSED', disbursed_at = CURRENT_TIMESTAMP");
  }

  private void assertViolation(String sql) {
    assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void amountsAreExactDecimalsWithTwoPlaces() {
    openLyon();
    ledger.commit(LYON, "LYON-2026:a", eur("0.10"), "experiments", OFFICER);
    ledger.commit(LYON, "LYON-2026:b", eur("0.2"), "experiments", OFFICER);

    BigDecimal committed = balancedStatement(LYON).committed();
    assertThat(committed).isEqualTo(eur("0.30"));
    assertThat(committed.scale()).isEqualTo(2);
  }
}
