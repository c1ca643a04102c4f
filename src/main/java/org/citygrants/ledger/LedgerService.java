package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger of each grant's ring-fenced experimentation capital.
 *
 * <p>Rules, enforced here and, where a table can, by the database:
 * <ul>
 *   <li>available capital = awarded − max(committed, paid + pending payments): commitments may
 *       take at most awarded − committed (and each budget line at most its allocation), payment
 *       requests at most awarded − paid − pending; so neither commitments nor money requested and
 *       paid ever exceed the award;</li>
 *   <li>spending reported against a commitment is accepted up to the commitment; what is above it
 *       counts (and can be paid) only once an officer approves it with a reason;</li>
 *   <li>tranches requested and paid never exceed what was committed to the grant, plus the spending
 *       above commitments that an officer approved;</li>
 *   <li>four eyes: a payment is approved by someone other than its requester;</li>
 *   <li>a payment is disbursed exactly once, and only after approval;</li>
 *   <li>a closed grant no longer changes.</li>
 * </ul>
 *
 * <p>Every key names its grant: {@code <grant reference>:<name>}, e.g. {@code LYON-2026:experiment-1},
 * {@code LYON-2026:advance}. Every change locks the grant's account row first, before reading
 * anything else, so the changes of one grant are serialised across threads and nodes and see the
 * latest figures; each appends a row to the movement journal. Every call is idempotent by
 * key: the same call again returns the same result and changes nothing; a different call under a
 * used key is refused.
 *
 * <p>A refusal throws a {@link LedgerException}, always before the call writes anything, so the
 * ledger is unchanged. The exception deliberately does not mark the transaction rollback-only
 * ({@code noRollbackFor}): a caller inside a larger transaction may catch it and go on (a reader
 * asking for the statement of a grant that is not awarded yet, the early stop checking whether a
 * grant is open) without that transaction failing at commit. The delegates turn a refusal into a
 * refusal of the person's input ({@code process.LedgerRefusals}), which rolls everything back.
 *
 * <p>In the journal the actor of a payment request, approval or rejection is the requester or the
 * finance officer; for every other change it is {@link MovementContext#actor()}.
 */
@Service
@Transactional(noRollbackFor = LedgerException.class)
public class LedgerService {

  private static final Pattern GRANT_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern MILESTONE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
  private static final int MAX_KEY = 128;

  private final GrantAccounts accounts;
  private final Commitments commitments;
  private final Payments payments;
  private final Expenditures expenditures;
  private final Recoveries recoveries;
  private final MovementJournal journal;
  private final LedgerFigures figures;
  private final BudgetSplit budgetSplit;
  private final String currency;
  private final Clock clock;

  LedgerService(GrantAccounts accounts, Commitments commitments, Payments payments, Expenditures expenditures,
      Recoveries recoveries, MovementJournal journal, LedgerFigures figures, LedgerProperties properties,
      ObjectProvider<Clock> clock) {
    this.accounts = accounts;
    this.commitments = commitments;
    this.payments = payments;
    this.expenditures = expenditures;
    this.recoveries = recoveries;
    this.journal = journal;
    this.figures = figures;
    this.budgetSplit = new BudgetSplit(properties.budgetSplit());
    this.currency = properties.currency();
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  // ---------------------------------------------------------------- grant

  /**
   * Opens the grant's account with its awarded capital, split over the budget lines by the
   * configured percentages. Calling it again with the same values is a no-op.
   */
  public GrantAccount openGrant(String grantReference, String cityCode, BigDecimal awarded, MovementContext ctx) {
    requireGrantReference(grantReference);
    requireText(cityCode, "the city of grant " + grantReference, 64);
    BigDecimal amount = Money.positive(awarded, "the award of grant " + grantReference);
    Optional<GrantAccount> existing = accounts.lock(grantReference);
    if (existing.isPresent()) {
      GrantAccount account = existing.get();
      if (account.isClosed()) {
        throw new GrantClosedException(grantReference);
      }
      if (account.awarded().compareTo(amount) != 0 || !account.cityCode().equals(cityCode)) {
        throw new LedgerConflictException("Grant " + grantReference + " is already awarded: "
            + readable(account.awarded(), account) + " to " + account.cityCode() + ". It cannot be awarded again with "
            + readable(amount, account) + (cityCode.equals(account.cityCode()) ? "" : " to " + cityCode)
            + "; nothing was changed.");
      }
      return account;
    }
    Instant now = now();
    GrantAccount account = new GrantAccount(grantReference, cityCode, currency, amount, GrantAccount.Status.OPEN,
        now, null);
    // a concurrent first opening of the same grant fails here with a DuplicateKeyException (and rolls
    // back); a retry then finds the grant and returns it
    accounts.insert(account, budgetSplit.allocate(amount));
    journal.append(grantReference, MovementType.GRANT_OPENED, amount, grantReference, ctx.actor(), now, ctx);
    return account;
  }

  /**
   * Closes the grant once it is settled: no payment requested or approved, no recovery still
   * ordered, {@link #computeSettlement} is NONE. Releases the commitments still active. After it,
   * every change to the grant is refused; closing it again is a no-op.
   */
  public GrantAccount closeGrant(String grantReference, MovementContext ctx) {
    GrantAccount account = accounts.lock(grantReference)
        .orElseThrow(() -> new UnknownLedgerKeyException("grant", grantReference));
    if (account.isClosed()) {
      return account;
    }
    GrantFigures f = figuresOf(grantReference);
    if (f.pending().signum() > 0) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.cannotClose.pending", grantReference,
          Said.amount(f.pending(), f.currency()));
    }
    if (f.recoveryOrdered().signum() > 0) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.cannotClose.recoveryOrdered", grantReference,
          Said.amount(f.recoveryOrdered(), f.currency()));
    }
    Settlement settlement = f.settlement();
    if (settlement.outcome() != Settlement.Outcome.NONE) {
      throw new LedgerException("LEDGER_REFUSED", null, settlement.outcome() == Settlement.Outcome.FINAL_BALANCE
          ? "ledger.cannotClose.finalBalance" : "ledger.cannotClose.toRecover", grantReference,
          Said.amount(settlement.amount(), f.currency()));
    }
    Instant now = now();
    releaseActive(grantReference, ctx.because("grant closed"), now);
    accounts.close(grantReference, now);
    journal.append(grantReference, MovementType.GRANT_CLOSED, f.paid().subtract(f.recovered()), grantReference,
        ctx.actor(), now, ctx);
    return accounts.find(grantReference).orElseThrow();
  }

  // ---------------------------------------------------------------- amendments and budget moves

  /**
   * Changes the grant's awarded capital (an amendment, decided outside the ledger: grant.change). The
   * difference is split over the budget lines as the award was. Refused when nothing changes, below
   * what is paid or promised to the city or committed (awarded − {@link GrantFigures#available()}),
   * below what a line has committed, or on a closed grant. The same amendment key again is a no-op.
   */
  public GrantAccount amendAward(String grantReference, String amendmentKey, BigDecimal newAwarded,
      MovementContext ctx) {
    requireKey(amendmentKey, "amendment", grantReference);
    BigDecimal value = Money.positive(newAwarded, "the amended award of grant " + grantReference);
    GrantAccount account = openForChange(grantReference);
    if (journal.recorded(grantReference, amendmentKey, MovementType.AWARD_INCREASED, MovementType.AWARD_DECREASED)) {
      return account;
    }
    Map<BudgetLine, BigDecimal> allocations = amendedAllocations(account, value);
    boolean increase = value.compareTo(account.awarded()) > 0;
    Instant now = now();
    accounts.amend(grantReference, value, allocations);
    journal.append(grantReference, increase ? MovementType.AWARD_INCREASED : MovementType.AWARD_DECREASED,
        value.subtract(account.awarded()).abs(), amendmentKey, ctx.actor(), now, ctx);
    return accounts.find(grantReference).orElseThrow();
  }

  /** Refuses, as {@link #amendAward} would, an amended award it would not take; changes nothing. */
  public void checkAmendAward(String grantReference, BigDecimal newAwarded) {
    BigDecimal value = Money.positive(newAwarded, "the amended award of grant " + grantReference);
    amendedAllocations(openToRead(grantReference), value);
  }

  private Map<BudgetLine, BigDecimal> amendedAllocations(GrantAccount account, BigDecimal value) {
    String grantReference = account.grantReference();
    if (value.compareTo(account.awarded()) == 0) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.amendSameAmount", grantReference, said(value, account));
    }
    GrantFigures f = figuresOf(grantReference);
    BigDecimal used = Money.max(f.committed(), f.paid().add(f.pending()));
    if (value.compareTo(used) < 0) {
      throw new InsufficientCapitalException("ledger.amendBelowUsed", grantReference, said(value, account),
          said(f.paid().add(f.pending()), account), said(f.committed(), account));
    }
    boolean increase = value.compareTo(account.awarded()) > 0;
    Map<BudgetLine, BigDecimal> shares = budgetSplit.allocate(value.subtract(account.awarded()).abs());
    Map<BudgetLine, BigDecimal> allocations = new EnumMap<>(BudgetLine.class);
    for (GrantStatement.BudgetLineStatement line : figures.budgetLines(grantReference)) {
      BigDecimal share = shares.getOrDefault(line.line(), Money.ZERO);
      BigDecimal allocated = increase ? line.allocated().add(share) : line.allocated().subtract(share);
      if (allocated.compareTo(line.committed()) < 0) {
        throw new InsufficientCapitalException("ledger.amendBelowLine", grantReference, said(value, account),
            Said.line(line.line()), said(line.committed(), account), said(allocated.max(Money.ZERO), account));
      }
      allocations.put(line.line(), allocated);
    }
    return allocations;
  }

  /**
   * Moves allocated capital from one budget line to another (a move the city asked for, its coach
   * agreed to and an officer approved: grant.change). Refused beyond what the first line has left
   * (allocated − committed), between a line and itself, or on a closed grant. The same move key
   * again is a no-op.
   */
  public void moveBudget(String grantReference, String moveKey, BudgetLine from, BudgetLine to, BigDecimal amount,
      MovementContext ctx) {
    requireKey(moveKey, "budget move", grantReference);
    BigDecimal value = Money.positive(amount, "the budget move " + moveKey);
    GrantAccount account = openForChange(grantReference);
    if (journal.recorded(grantReference, moveKey, MovementType.BUDGET_MOVED)) {
      return;
    }
    BigDecimal allocated = movableFrom(account, from, to, value);
    Map<BudgetLine, BigDecimal> allocations = new EnumMap<>(BudgetLine.class);
    allocations.put(from, allocated.subtract(value));
    allocations.put(to, accounts.allocation(grantReference, to).orElse(Money.ZERO).add(value));
    Instant now = now();
    accounts.amend(grantReference, account.awarded(), allocations);
    journal.append(grantReference, MovementType.BUDGET_MOVED, value, moveKey, ctx.actor(), now, ctx);
  }

  /** Refuses, as {@link #moveBudget} would, a move it would not take; changes nothing. */
  public void checkMoveBudget(String grantReference, BudgetLine from, BudgetLine to, BigDecimal amount) {
    BigDecimal value = Money.positive(amount, "the budget move of grant " + grantReference);
    movableFrom(openToRead(grantReference), from, to, value);
  }

  /** The first line's allocation, once the move is found possible. */
  private BigDecimal movableFrom(GrantAccount account, BudgetLine from, BudgetLine to, BigDecimal value) {
    if (from == to) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.moveSameLine", Said.line(from));
    }
    BigDecimal allocated = accounts.allocation(account.grantReference(), from).orElse(Money.ZERO);
    BigDecimal left = allocated.subtract(commitments.activeOnLine(account.grantReference(), from));
    if (value.compareTo(left) > 0) {
      throw new InsufficientCapitalException("ledger.moveBeyondLine", said(value, account), Said.line(from),
          account.grantReference(), said(left, account), said(allocated, account));
    }
    return allocated;
  }

  // ---------------------------------------------------------------- commitments

  /**
   * Earmarks capital on a budget line ({@link BudgetLine} code, e.g. {@code experiments}).
   * Refused when the amount exceeds the capital still uncommitted (awarded − committed) or what
   * the budget line has left.
   */
  public Commitment commit(String grantReference, String commitmentKey, BigDecimal amount, String budgetLine,
      MovementContext ctx) {
    return commit(grantReference, commitmentKey, amount, BudgetLine.fromCode(budgetLine), ctx);
  }

  /** {@link #commit(String, String, BigDecimal, String, MovementContext)} with a typed budget line. */
  public Commitment commit(String grantReference, String commitmentKey, BigDecimal amount, BudgetLine line,
      MovementContext ctx) {
    requireKey(commitmentKey, "commitment", grantReference);
    if (line == null) {
      throw new LedgerException("No budget line was given for " + InWords.commitment(commitmentKey) + ".");
    }
    BigDecimal value = Money.positive(amount, InWords.commitment(commitmentKey));
    GrantAccount account = openForChange(grantReference);
    Optional<Commitment> existing = commitments.find(commitmentKey);
    if (existing.isPresent()) {
      return sameCommitment(existing.get(), grantReference, value, line);
    }
    GrantFigures f = figuresOf(grantReference);
    if (value.compareTo(f.uncommitted()) > 0) {
      throw new InsufficientCapitalException("ledger.commitmentBeyondCapital",
          Said.commitmentStartingASentence(commitmentKey), said(value, account), grantReference,
          said(f.uncommitted(), account), said(f.awarded(), account), said(f.committed(), account));
    }
    BigDecimal allocated = accounts.allocation(grantReference, line).orElse(Money.ZERO);
    BigDecimal lineCommitted = commitments.activeOnLine(grantReference, line);
    BigDecimal lineLeft = allocated.subtract(lineCommitted);
    if (value.compareTo(lineLeft) > 0) {
      throw new InsufficientCapitalException("ledger.commitmentBeyondLine",
          Said.commitmentStartingASentence(commitmentKey), said(value, account), Said.line(line), grantReference,
          said(lineLeft, account), said(allocated, account), said(lineCommitted, account));
    }
    Instant now = now();
    Commitment commitment = new Commitment(commitmentKey, grantReference, line, value, Commitment.Status.ACTIVE,
        now, null);
    commitments.insert(commitment);
    journal.append(grantReference, MovementType.COMMITTED, value, commitmentKey, ctx.actor(), now, ctx);
    return commitment;
  }

  /** A commitment as it stands, if it exists. */
  @Transactional(readOnly = true, noRollbackFor = LedgerException.class)
  public Optional<Commitment> commitment(String commitmentKey) {
    return commitments.find(commitmentKey);
  }

  /** The currency the ledger keeps its amounts in (EUR). */
  public String currency() {
    return currency;
  }

  /**
   * How an award would be split over the budget lines when its capital opens (the same split
   * {@link #openGrant} records), for the award terms a city reads before accepting.
   */
  public Map<BudgetLine, BigDecimal> allocationOf(BigDecimal awarded) {
    return budgetSplit.allocate(Money.positive(awarded, "the award"));
  }

  /** Releases one commitment (e.g. an experiment stopped early); releasing it again is a no-op. */
  public Commitment releaseCommitment(String commitmentKey, MovementContext ctx) {
    lockGrantOf(commitmentKey, "commitment");
    Commitment commitment = commitments.find(commitmentKey)
        .orElseThrow(() -> new UnknownLedgerKeyException("commitment", commitmentKey));
    Instant now = now();
    if (commitments.release(commitmentKey, now)) {
      journal.append(commitment.grantReference(), MovementType.COMMITMENT_RELEASED, commitment.amount(),
          commitmentKey, ctx.actor(), now, ctx);
    }
    return commitments.find(commitmentKey).orElseThrow();
  }

  /** Releases every active commitment of the grant (the grant stops early); returns the amount released. */
  public BigDecimal releaseOpenCommitments(String grantReference, MovementContext ctx) {
    openForChange(grantReference);
    return releaseActive(grantReference, ctx, now());
  }

  private BigDecimal releaseActive(String grantReference, MovementContext ctx, Instant now) {
    BigDecimal released = Money.ZERO;
    for (Commitment commitment : commitments.active(grantReference)) {
      if (commitments.release(commitment.commitmentKey(), now)) {
        journal.append(grantReference, MovementType.COMMITMENT_RELEASED, commitment.amount(),
            commitment.commitmentKey(), ctx.actor(), now, ctx);
        released = released.add(commitment.amount());
      }
    }
    return released;
  }

  // ---------------------------------------------------------------- payments

  /**
   * Requests the payment of a milestone; its key is {@code grantReference + ':' + milestone}
   * (e.g. {@code LYON-2026:advance}). The same request again returns the existing payment; a
   * rejected payment requested again goes back to REQUESTED with the new amount and requester.
   * Refused when the money requested and paid would exceed the award.
   */
  public Payment requestPayment(String grantReference, String milestone, PaymentKind kind, BigDecimal amount,
      String requestedBy, MovementContext ctx) {
    requireGrantReference(grantReference);
    if (milestone == null || !MILESTONE.matcher(milestone).matches()) {
      throw new LedgerException("A payment of grant " + grantReference + " is named by its milestone in letters, digits"
          + " and dashes, such as advance, tranche-2 or final-balance, not '" + milestone + "'.");
    }
    String paymentKey = Payment.key(grantReference, milestone);
    if (kind == null) {
      throw new LedgerException("The kind of payment (advance, tranche, final balance) is missing for "
          + InWords.payment(paymentKey) + ".");
    }
    requireText(requestedBy, "who requests " + InWords.payment(paymentKey), MovementContext.MAX_ACTOR);
    BigDecimal value = Money.positive(amount, Said.paymentStartingASentence(paymentKey));
    GrantAccount account = openForChange(grantReference);
    Optional<Payment> existing = payments.find(paymentKey);
    if (existing.isPresent()) {
      Payment payment = existing.get();
      if (payment.kind() != kind) {
        throw new LedgerConflictException(InWords.sentence(InWords.payment(paymentKey)) + " is already requested as "
            + (payment.kind() == PaymentKind.ADVANCE ? "an " : "a ") + InWords.kind(payment.kind())
            + "; it cannot be requested again as " + (kind == PaymentKind.ADVANCE ? "an " : "a ") + InWords.kind(kind) + ".");
      }
      if (payment.status() != PaymentStatus.REJECTED) {
        if (payment.amount().compareTo(value) != 0) {
          throw new LedgerConflictException(InWords.sentence(InWords.payment(paymentKey)) + " is already "
              + InWords.status(payment.status()) + ", for " + readable(payment.amount(), account) + "; it cannot be requested"
              + " again for " + readable(value, account) + ". Nothing was changed.");
        }
        return payment;
      }
    }
    GrantFigures f = figuresOf(grantReference);
    if (value.compareTo(f.unpaid()) > 0) {
      throw new InsufficientCapitalException("ledger.paymentBeyondAward",
          Said.paymentStartingASentence(paymentKey), said(value, account), grantReference,
          said(f.unpaid().max(Money.ZERO), account), said(f.awarded(), account), said(f.paid(), account),
          said(f.pending(), account));
    }
    if (kind == PaymentKind.TRANCHE) {
      requireTrancheWithinCommitments(grantReference, paymentKey, value, account);
    }
    Instant now = now();
    Payment payment = new Payment(paymentKey, grantReference, milestone, kind, value, PaymentStatus.REQUESTED,
        requestedBy, now, null, null, null, null, null);
    if (existing.isPresent()) {
      payments.requestAgain(payment);
    } else {
      payments.insert(payment);
    }
    journal.append(grantReference, MovementType.PAYMENT_REQUESTED, value, paymentKey, requestedBy, now, ctx);
    return payment;
  }

  /**
   * Tranches pay for committed work: the tranches requested and paid, this one included, stay
   * within everything committed on the grant (released commitments too: they were spent or are
   * given back at settlement) plus the spending above commitments an officer approved.
   */
  private void requireTrancheWithinCommitments(String grantReference, String paymentKey, BigDecimal value,
      GrantAccount account) {
    BigDecimal committed = commitments.everCommitted(grantReference);
    BigDecimal approvedExcess = expenditures.approvedExcess(grantReference);
    BigDecimal tranches = payments.tranches(grantReference);
    BigDecimal room = committed.add(approvedExcess).subtract(tranches);
    if (value.compareTo(room) > 0) {
      throw new InsufficientCapitalException("A tranche of " + readable(value, account) + " is more than what was"
          + " committed: grant " + grantReference + " committed " + readable(committed, account)
          + (approvedExcess.signum() > 0 ? " and an officer approved " + readable(approvedExcess, account)
              + " of spending above it" : "")
          + (tranches.signum() > 0 ? "; tranches of " + readable(tranches, account) + " are already requested or paid" : "")
          + ", so this tranche may be at most " + readable(room.max(Money.ZERO), account)
          + ". Spending above the committed budget is paid only after a programme officer approves it with a reason.");
    }
  }

  /**
   * Approves a requested payment. Four eyes: the approver must not be its requester. Approving an
   * approved or disbursed payment again is a no-op.
   */
  public Payment approvePayment(String paymentKey, String approver, MovementContext ctx) {
    requireText(approver, "who approves " + InWords.payment(paymentKey), MovementContext.MAX_ACTOR);
    Payment payment = lockPayment(paymentKey);
    if (approver.equalsIgnoreCase(payment.requestedBy())) {
      throw new FourEyesViolationException(paymentKey);
    }
    switch (payment.status()) {
      case APPROVED, DISBURSED -> {
        return payment;
      }
      case REJECTED -> throw new PaymentStateException(payment.rejectedBy(), "ledger.paymentRejected",
          Said.paymentStartingASentence(paymentKey), payment.rejectionReason(), Said.payment(paymentKey));
      case REQUESTED -> {
        Instant now = now();
        payments.approve(paymentKey, approver, now);
        journal.append(payment.grantReference(), MovementType.PAYMENT_APPROVED, payment.amount(), paymentKey,
            approver, now, ctx);
        return payments.find(paymentKey).orElseThrow();
      }
      default -> throw new IllegalStateException(payment.status().name());
    }
  }

  /** Rejects a requested or approved payment, with a reason; rejecting it again is a no-op. */
  public Payment rejectPayment(String paymentKey, String approver, String reason, MovementContext ctx) {
    requireText(approver, "who rejects " + InWords.payment(paymentKey), MovementContext.MAX_ACTOR);
    requireText(reason, "the reason for the rejection of " + InWords.payment(paymentKey), Integer.MAX_VALUE);
    Payment payment = lockPayment(paymentKey);
    if (payment.status() == PaymentStatus.REJECTED) {
      return payment;
    }
    if (payment.status() == PaymentStatus.DISBURSED) {
      throw new PaymentStateException(InWords.sentence(InWords.payment(paymentKey))
          + " is already paid out, so it cannot be rejected: order a recovery of the money instead.");
    }
    payments.reject(paymentKey, approver, MovementContext.shorten(reason));
    journal.append(payment.grantReference(), MovementType.PAYMENT_REJECTED, payment.amount(), paymentKey,
        approver, now(), ctx.because(reason));
    return payments.find(paymentKey).orElseThrow();
  }

  /**
   * Disburses an approved payment, exactly once: calling it again (or concurrently, from another
   * thread or node) returns the disbursed payment and changes nothing.
   */
  public Payment disburse(String paymentKey, MovementContext ctx) {
    Payment payment = lockPayment(paymentKey);
    if (payment.status() == PaymentStatus.DISBURSED) {
      return payment;
    }
    if (payment.status() != PaymentStatus.APPROVED) {
      throw new PaymentStateException(InWords.sentence(InWords.payment(paymentKey)) + " is "
          + InWords.status(payment.status()) + "; only an approved payment is paid out.");
    }
    GrantFigures f = figuresOf(payment.grantReference());
    if (f.paid().add(payment.amount()).compareTo(f.awarded()) > 0) {
      throw new InsufficientCapitalException("Paying out " + InWords.payment(paymentKey) + " would bring the money paid"
          + " on grant " + payment.grantReference() + " above its award of " + Money.readable(f.awarded(), f.currency()) + ".");
    }
    Instant now = now();
    if (!payments.disburse(paymentKey, now)) {
      // not expected while the grant row is locked; the conditional UPDATE alone also guarantees one disbursement
      return payments.find(paymentKey).filter(p -> p.status() == PaymentStatus.DISBURSED)
          .orElseThrow(() -> new PaymentStateException(InWords.sentence(InWords.payment(paymentKey))
              + " changed while it was being paid out; it was not paid twice."));
    }
    journal.append(payment.grantReference(), MovementType.PAYMENT_DISBURSED, payment.amount(), paymentKey,
        ctx.actor(), now, ctx);
    return payments.find(paymentKey).orElseThrow();
  }

  /** Locks the payment's grant (refusing a closed one), then reads the payment. */
  private Payment lockPayment(String paymentKey) {
    lockGrantOf(paymentKey, "payment");
    return payments.find(paymentKey).orElseThrow(() -> new UnknownLedgerKeyException("payment", paymentKey));
  }

  // ---------------------------------------------------------------- expenditure, tranches, settlement

  /** Records spending the city reported; only accepted expenditure counts. Idempotent by key. */
  public Expenditure reportExpenditure(String grantReference, String expenditureKey, BigDecimal amount,
      boolean accepted, MovementContext ctx) {
    requireKey(expenditureKey, "expenditure", grantReference);
    BigDecimal value = Money.positive(amount, InWords.spending(expenditureKey));
    GrantAccount account = openForChange(grantReference);
    Optional<Expenditure> existing = expenditures.find(expenditureKey);
    if (existing.isPresent()) {
      Expenditure expenditure = existing.get();
      if (!expenditure.grantReference().equals(grantReference) || expenditure.amount().compareTo(value) != 0
          || expenditure.accepted() != accepted) {
        throw new LedgerConflictException(InWords.sentence(InWords.spending(expenditureKey)) + " is already recorded"
            + " on grant " + expenditure.grantReference() + ": " + readable(expenditure.amount(), account)
            + (expenditure.accepted() ? ", accepted" : ", not accepted") + ". A different report of it is refused.");
      }
      return expenditure;
    }
    Optional<Commitment> against = commitments.find(expenditureKey);
    if (accepted && against.isPresent() && value.compareTo(against.get().amount()) > 0) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.spendingAboveCommitment",
          Said.amount(value, account.currency()), Said.commitment(expenditureKey),
          Said.amount(against.get().amount(), account.currency()));
    }
    Instant now = now();
    Expenditure expenditure = new Expenditure(expenditureKey, grantReference, value, accepted, now);
    expenditures.insert(expenditure);
    journal.append(grantReference, accepted ? MovementType.EXPENDITURE_ACCEPTED : MovementType.EXPENDITURE_NOT_ACCEPTED,
        value, expenditureKey, ctx.actor(), now, ctx);
    return expenditure;
  }

  /**
   * Records the spending a city reported against one of its commitments (an experiment's budget),
   * under the commitment's key: up to the committed amount it is accepted expenditure at once; what
   * the city reported above it is kept, counts for nothing and waits for an officer's decision
   * ({@link #decideExcessSpending}). The same report again is a no-op; another one is refused.
   */
  public SpendingReport reportSpendingAgainst(String commitmentKey, BigDecimal reported, MovementContext ctx) {
    lockGrantOf(commitmentKey, "commitment");
    Commitment commitment = commitments.find(commitmentKey)
        .orElseThrow(() -> new UnknownLedgerKeyException("commitment", commitmentKey));
    String grantReference = commitment.grantReference();
    BigDecimal value = Money.positive(reported, InWords.spending(commitmentKey));
    GrantAccount account = openForChange(grantReference);
    Optional<Expenditures.Row> existing = expenditures.findRow(commitmentKey);
    if (existing.isPresent()) {
      Expenditures.Row row = existing.get();
      BigDecimal before = row.reportedAmount() != null ? row.reportedAmount() : row.expenditure().amount();
      if (before.compareTo(value) != 0 || !row.expenditure().accepted()) {
        throw new LedgerConflictException("Spending of " + readable(before, account) + " is already reported for "
            + InWords.commitment(commitmentKey).replaceFirst("^the budget of ", "") + "; a different report of "
            + readable(value, account) + " is refused.");
      }
      return spendingReport(commitment, account.currency());
    }
    BigDecimal within = Money.min(value, commitment.amount());
    boolean above = value.compareTo(commitment.amount()) > 0;
    Instant now = now();
    expenditures.insert(new Expenditure(commitmentKey, grantReference, within, true, now),
        above ? value : null, null, null, null);
    journal.append(grantReference, MovementType.EXPENDITURE_ACCEPTED, within, commitmentKey, ctx.actor(), now,
        above ? ctx.because((ctx.reason() == null ? "" : ctx.reason() + ": ") + "reported " + Money.show(value, account.currency()) + ", "
            + Money.show(value.subtract(within), account.currency()) + " above the commitment, for an officer to decide")
            : ctx);
    return spendingReport(commitment, account.currency());
  }

  /**
   * A programme officer's decision on spending reported above a commitment: approved, it becomes
   * accepted expenditure (and may be paid as a tranche); refused, it is recorded as not accepted.
   * Either way with the officer and the reason, in the expenditure table and the journal. Deciding
   * the same way again is a no-op; deciding otherwise afterwards is refused.
   */
  public SpendingReport decideExcessSpending(String commitmentKey, boolean approved, String officer, String reason,
      MovementContext ctx) {
    lockGrantOf(commitmentKey, "commitment");
    requireText(officer, "who decides on the spending above " + InWords.commitment(commitmentKey),
        MovementContext.MAX_ACTOR);
    requireText(reason, "the reason for " + (approved ? "approving" : "refusing") + " the spending above the"
        + " committed budget", MovementContext.MAX_REASON);
    Commitment commitment = commitments.find(commitmentKey)
        .orElseThrow(() -> new UnknownLedgerKeyException("commitment", commitmentKey));
    GrantAccount account = openForChange(commitment.grantReference());
    Expenditures.Row report = expenditures.findRow(commitmentKey)
        .filter(row -> row.reportedAmount() != null)
        .orElseThrow(() -> new LedgerException("LEDGER_REFUSED", null, "ledger.noExcessToDecide",
            Said.commitment(commitmentKey)));
    Optional<Expenditures.Row> decided = expenditures.excessDecisionOn(commitmentKey);
    if (decided.isPresent()) {
      if (decided.get().expenditure().accepted() != approved) {
        String decision = decided.get().expenditure().accepted() ? "approved" : "refused";
        throw new LedgerConflictException(decided.get().decidedBy(), who -> "The spending above "
            + InWords.commitment(commitmentKey) + " was already " + decision + " by " + who
            + "; that decision stands.");
      }
      return spendingReport(commitment, account.currency());
    }
    String excessKey = commitmentKey + "-excess";
    requireKey(excessKey, "excess spending", commitment.grantReference());
    BigDecimal excess = report.reportedAmount().subtract(report.expenditure().amount());
    Instant now = now();
    expenditures.insert(new Expenditure(excessKey, commitment.grantReference(), excess, approved, now), null,
        commitmentKey, officer, MovementContext.shorten(reason));
    journal.append(commitment.grantReference(),
        approved ? MovementType.EXPENDITURE_ACCEPTED : MovementType.EXPENDITURE_NOT_ACCEPTED, excess, excessKey,
        officer, now, ctx.because(reason));
    return spendingReport(commitment, account.currency());
  }

  /** The spending reported against a commitment and what became of it, if any was reported. */
  @Transactional(readOnly = true, noRollbackFor = LedgerException.class)
  public Optional<SpendingReport> spendingReport(String commitmentKey) {
    return commitments.find(commitmentKey).flatMap(commitment -> {
      if (expenditures.findRow(commitmentKey).isEmpty()) {
        return Optional.empty();
      }
      String currency = accounts.find(commitment.grantReference()).map(GrantAccount::currency).orElse(this.currency);
      return Optional.of(spendingReport(commitment, currency));
    });
  }

  private SpendingReport spendingReport(Commitment commitment, String currency) {
    Expenditures.Row report = expenditures.findRow(commitment.commitmentKey()).orElseThrow();
    BigDecimal within = report.expenditure().amount();
    BigDecimal reported = report.reportedAmount() != null ? report.reportedAmount() : within;
    BigDecimal excess = reported.subtract(within);
    Optional<Expenditures.Row> decision = expenditures.excessDecisionOn(commitment.commitmentKey());
    SpendingReport.ExcessDecision state = excess.signum() == 0 ? SpendingReport.ExcessDecision.NONE
        : decision.isEmpty() ? SpendingReport.ExcessDecision.AWAITING
        : decision.get().expenditure().accepted() ? SpendingReport.ExcessDecision.APPROVED
        : SpendingReport.ExcessDecision.REFUSED;
    BigDecimal accepted = state == SpendingReport.ExcessDecision.APPROVED ? reported : within;
    return new SpendingReport(commitment.grantReference(), commitment.commitmentKey(), currency, commitment.amount(),
        reported, accepted, excess, state, decision.map(Expenditures.Row::decidedBy).orElse(null),
        decision.map(Expenditures.Row::decisionReason).orElse(null));
  }

  /**
   * The next tranche, restoring the city's float to the advance: min(awarded − paid − pending,
   * accepted expenditure + advance − paid − pending), never negative; zero for a closed grant.
   */
  @Transactional(readOnly = true, noRollbackFor = LedgerException.class)
  public BigDecimal proposeTranche(String grantReference) {
    GrantFigures f = figuresOf(grantReference);
    return f.status() == GrantAccount.Status.CLOSED ? Money.ZERO : f.trancheProposal();
  }

  /**
   * What settles the grant: min(accepted expenditure, awarded) − (paid + pending) + (recovered +
   * recovery ordered). Positive: a final balance to pay; negative: unspent money to recover.
   */
  @Transactional(readOnly = true, noRollbackFor = LedgerException.class)
  public Settlement computeSettlement(String grantReference) {
    return figuresOf(grantReference).settlement();
  }

  /**
   * Orders the city to pay back unspent money. Refused above what it holds unspent: paid −
   * accepted expenditure − recovered − recovery already ordered. Idempotent by key.
   */
  public Recovery orderRecovery(String grantReference, String recoveryKey, BigDecimal amount, MovementContext ctx) {
    requireKey(recoveryKey, "recovery", grantReference);
    BigDecimal value = Money.positive(amount, InWords.recovery());
    GrantAccount account = openForChange(grantReference);
    Optional<Recovery> existing = recoveries.find(recoveryKey);
    if (existing.isPresent()) {
      Recovery recovery = existing.get();
      if (!recovery.grantReference().equals(grantReference) || recovery.amount().compareTo(value) != 0) {
        throw new LedgerConflictException("A recovery of " + readable(recovery.amount(), account)
            + " is already ordered on grant " + recovery.grantReference() + "; a different one is refused.");
      }
      return recovery;
    }
    GrantFigures f = figuresOf(grantReference);
    if (value.compareTo(f.recoverable()) > 0) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.recoveryBeyondUnspent", Said.amount(value, account.currency()),
          grantReference, Said.amount(f.recoverable().max(Money.ZERO), account.currency()),
          Said.amount(f.paid(), account.currency()), Said.amount(f.acceptedSpent(), account.currency()),
          Said.amount(f.recovered().add(f.recoveryOrdered()), account.currency()));
    }
    Instant now = now();
    Recovery recovery = new Recovery(recoveryKey, grantReference, value, Recovery.Status.ORDERED, now, null);
    recoveries.insert(recovery);
    journal.append(grantReference, MovementType.RECOVERY_ORDERED, value, recoveryKey, ctx.actor(), now, ctx);
    return recovery;
  }

  /** Confirms that the recovered money came in; confirming it again is a no-op. */
  public Recovery confirmRecovery(String recoveryKey, MovementContext ctx) {
    lockGrantOf(recoveryKey, "recovery");
    Recovery recovery = recoveries.find(recoveryKey)
        .orElseThrow(() -> new UnknownLedgerKeyException("recovery", recoveryKey));
    Instant now = now();
    if (recoveries.receive(recoveryKey, now)) {
      journal.append(recovery.grantReference(), MovementType.RECOVERY_RECEIVED, recovery.amount(), recoveryKey,
          ctx.actor(), now, ctx);
    }
    return recoveries.find(recoveryKey).orElseThrow();
  }

  // ---------------------------------------------------------------- reports

  /** The grant's statement, from one consistent snapshot, with its balance check. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, noRollbackFor = LedgerException.class)
  public GrantStatement statement(String grantReference) {
    GrantFigures f = figuresOf(grantReference);
    List<GrantStatement.BudgetLineStatement> lines = figures.budgetLines(grantReference);
    List<Movement> movements = journal.ofGrant(grantReference);
    return new GrantStatement(f.grantReference(), f.cityCode(), f.currency(), f.status(), f.awarded(), f.committed(),
        f.pending(), f.paid(), f.acceptedSpent(), f.recoveryOrdered(), f.recovered(), f.available(), f.cityFloat(),
        lines, payments.ofGrant(grantReference), movements, BalanceCheck.imbalances(f, lines, movements));
  }

  /** One row per grant, ordered by grant reference. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, noRollbackFor = LedgerException.class)
  public List<BudgetVsActualRow> budgetVsActual() {
    return figures.all().stream().map(GrantFigures::toBudgetVsActual).toList();
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Locks the grant a key belongs to, found from the key itself ({@code <grant reference>:...}),
   * before anything else is read: once the lock is held, every read sees the latest committed
   * rows (H2 may serve a stale row to a transaction that read it before waiting for the lock).
   */
  private void lockGrantOf(String key, String what) {
    int colon = key == null ? -1 : key.indexOf(':');
    if (colon <= 0) {
      throw new UnknownLedgerKeyException(what, key);
    }
    GrantAccount account = accounts.lock(key.substring(0, colon))
        .orElseThrow(() -> new UnknownLedgerKeyException(what, key));
    if (account.isClosed()) {
      throw new GrantClosedException(account.grantReference());
    }
  }

  /** The open grant's account read without its lock: for a check that changes nothing. */
  private GrantAccount openToRead(String grantReference) {
    GrantAccount account = accounts.find(grantReference)
        .orElseThrow(() -> new UnknownLedgerKeyException("grant", grantReference));
    if (account.isClosed()) {
      throw new GrantClosedException(grantReference);
    }
    return account;
  }

  private GrantAccount openForChange(String grantReference) {
    GrantAccount account = accounts.lock(grantReference)
        .orElseThrow(() -> new UnknownLedgerKeyException("grant", grantReference));
    if (account.isClosed()) {
      throw new GrantClosedException(grantReference);
    }
    return account;
  }

  private GrantFigures figuresOf(String grantReference) {
    return figures.of(grantReference).orElseThrow(() -> new UnknownLedgerKeyException("grant", grantReference));
  }

  private Commitment sameCommitment(Commitment commitment, String grantReference, BigDecimal amount, BudgetLine line) {
    if (!commitment.grantReference().equals(grantReference) || commitment.amount().compareTo(amount) != 0
        || commitment.budgetLine() != line) {
      throw new LedgerConflictException(InWords.sentence(InWords.commitment(commitment.commitmentKey()))
          + " is already committed on grant " + commitment.grantReference() + ": "
          + Money.readable(commitment.amount(), currency) + " on the " + InWords.line(commitment.budgetLine())
          + " budget. A different commitment of it is refused.");
    }
    if (commitment.status() == Commitment.Status.RELEASED) {
      throw new LedgerConflictException(InWords.sentence(InWords.commitment(commitment.commitmentKey()))
          + " was released; it cannot be committed again.");
    }
    return commitment;
  }

  private Instant now() {
    // microseconds: what both databases store, so a value read back equals the value written
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static Said said(BigDecimal amount, GrantAccount account) {
    return Said.amount(amount, account.currency());
  }

  private static String readable(BigDecimal amount, GrantAccount account) {
    return Money.readable(amount, account.currency());
  }

  private static void requireGrantReference(String grantReference) {
    if (grantReference == null || !GRANT_REFERENCE.matcher(grantReference).matches()) {
      throw new LedgerException("the grant reference '" + grantReference
          + "' must be up to 64 letters, digits, dots, dashes or underscores, e.g. LYON-2026");
    }
  }

  /** Keys name their grant: {@code <grant reference>:<something>}, at most 128 characters. */
  private static void requireKey(String key, String what, String grantReference) {
    requireGrantReference(grantReference);
    if (key == null || !key.startsWith(grantReference + ":") || key.length() == grantReference.length() + 1
        || key.length() > MAX_KEY) {
      throw new LedgerException("the " + what + " key '" + key + "' must be '" + grantReference
          + ":' followed by a name, e.g. " + grantReference + ":experiment-1, at most " + MAX_KEY + " characters");
    }
  }

  private static void requireText(String value, String what, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new LedgerException(InWords.sentence(what) + " is missing.");
    }
    if (value.length() > maxLength) {
      throw new LedgerException(InWords.sentence(what) + " is longer than " + maxLength + " characters.");
    }
  }
}
