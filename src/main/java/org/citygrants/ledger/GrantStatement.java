package org.citygrants.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * A grant's ledger at one moment, read in one consistent snapshot.
 *
 * <p>Figures: {@code committed} = active commitments; {@code pendingPayments} = payments requested
 * or approved; {@code paid} = disbursed payments; {@code reportedSpent} = accepted expenditure;
 * {@code recoveryOrdered} = recoveries ordered, not yet received; {@code recovered} = received.
 *
 * <p>The identities it balances (see {@link BalanceCheck}; any failure is listed in
 * {@link #imbalances()}):
 * <ul>
 *   <li>capital: awarded = available + max(committed, paid + pendingPayments), with available ≥ 0;
 *       the budget lines' allocations add up to awarded and each line's commitments stay within
 *       its allocation; recovered + recoveryOrdered ≤ paid;</li>
 *   <li>cash: cityFloat = paid − recovered − reportedSpent (money the city holds and has not yet
 *       justified; negative = the programme owes the city);</li>
 *   <li>journal: every figure equals the replay of the {@code ledger_movement} journal.</li>
 * </ul>
 */
public record GrantStatement(
    String grantReference,
    String cityCode,
    String currency,
    GrantAccount.Status status,
    BigDecimal awarded,
    BigDecimal committed,
    BigDecimal pendingPayments,
    BigDecimal paid,
    BigDecimal reportedSpent,
    BigDecimal recoveryOrdered,
    BigDecimal recovered,
    BigDecimal available,
    BigDecimal cityFloat,
    List<BudgetLineStatement> budgetLines,
    List<Payment> payments,
    List<Movement> movements,
    List<String> imbalances) {

  public GrantStatement {
    budgetLines = List.copyOf(budgetLines);
    payments = List.copyOf(payments);
    movements = List.copyOf(movements);
    imbalances = List.copyOf(imbalances);
  }

  public boolean balanced() {
    return imbalances.isEmpty();
  }

  /** One budget line: what it was allocated, what is committed on it and what is left. */
  public record BudgetLineStatement(BudgetLine line, BigDecimal allocated, BigDecimal committed, BigDecimal remaining) {
  }
}
