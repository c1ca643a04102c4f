package org.citygrants.ledger;

import java.math.BigDecimal;

/**
 * The sums of one grant, read from the tables in one query, and the quantities the rules use.
 *
 * <ul>
 *   <li>committed: active commitments; pending: payments requested or approved, not yet paid;
 *       paid: disbursed payments; acceptedSpent: accepted expenditure;
 *       recoveryOrdered / recovered: recoveries ordered and not yet received / received.</li>
 *   <li>{@link #uncommitted()} = awarded − committed: what commitments may still take.</li>
 *   <li>{@link #unpaid()} = awarded − paid − pending: what payment requests may still take.</li>
 *   <li>{@link #available()} = awarded − max(committed, paid + pending): capital neither earmarked
 *       nor promised to the city. Commitments and payments are two views of the same capital
 *       (payments fund commitments, an advance may come before them), so it is the larger of the
 *       two that uses it up, not their sum.</li>
 * </ul>
 */
record GrantFigures(
    String grantReference,
    String cityCode,
    GrantAccount.Status status,
    String currency,
    BigDecimal awarded,
    BigDecimal committed,
    BigDecimal pending,
    BigDecimal paid,
    BigDecimal acceptedSpent,
    BigDecimal recoveryOrdered,
    BigDecimal recovered,
    BigDecimal advance) {

  BigDecimal uncommitted() {
    return awarded.subtract(committed);
  }

  BigDecimal unpaid() {
    return awarded.subtract(paid).subtract(pending);
  }

  BigDecimal available() {
    return awarded.subtract(Money.max(committed, paid.add(pending)));
  }

  /** Money the city received and has not yet justified by accepted expenditure or paid back. */
  BigDecimal cityFloat() {
    return paid.subtract(recovered).subtract(acceptedSpent);
  }

  /** Paid money the city may still be asked to pay back: not spent, not already recovered. */
  BigDecimal recoverable() {
    return paid.subtract(acceptedSpent).subtract(recovered).subtract(recoveryOrdered);
  }

  /**
   * Accepted expenditure (up to the award) − money paid or promised + money recovered or ordered
   * back: positive = final balance owed to the city, negative = unspent money to recover.
   */
  Settlement settlement() {
    BigDecimal eligible = Money.min(acceptedSpent, awarded);
    return Settlement.of(eligible.subtract(paid).subtract(pending).add(recovered).add(recoveryOrdered));
  }

  /**
   * The tranche that restores the city's float to the advance: accepted expenditure + advance −
   * money paid or promised so far, capped by what may still be paid, never negative.
   */
  BigDecimal trancheProposal() {
    BigDecimal restoresFloat = acceptedSpent.add(advance).subtract(paid).subtract(pending);
    BigDecimal proposal = Money.min(unpaid(), restoresFloat);
    return proposal.signum() > 0 ? proposal : Money.ZERO;
  }

  BudgetVsActualRow toBudgetVsActual() {
    return new BudgetVsActualRow(grantReference, cityCode, status, currency, awarded, committed, paid,
        acceptedSpent, recovered, available());
  }
}
