package org.citygrants.ledger;

import static org.citygrants.ledger.MovementType.COMMITMENT_RELEASED;
import static org.citygrants.ledger.MovementType.COMMITTED;
import static org.citygrants.ledger.MovementType.EXPENDITURE_ACCEPTED;
import static org.citygrants.ledger.MovementType.GRANT_OPENED;
import static org.citygrants.ledger.MovementType.PAYMENT_DISBURSED;
import static org.citygrants.ledger.MovementType.PAYMENT_REJECTED;
import static org.citygrants.ledger.MovementType.PAYMENT_REQUESTED;
import static org.citygrants.ledger.MovementType.RECOVERY_ORDERED;
import static org.citygrants.ledger.MovementType.RECOVERY_RECEIVED;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks the identities documented on {@link GrantStatement}; returns what does not hold. */
final class BalanceCheck {

  private final List<String> problems = new ArrayList<>();

  private BalanceCheck() {
  }

  static List<String> imbalances(GrantFigures f, List<GrantStatement.BudgetLineStatement> lines,
      List<Movement> movements) {
    BalanceCheck check = new BalanceCheck();
    check.capital(f, lines);
    check.journal(f, MovementJournal.totals(movements));
    return check.problems;
  }

  private void capital(GrantFigures f, List<GrantStatement.BudgetLineStatement> lines) {
    atLeast("available capital", f.available(), BigDecimal.ZERO);
    atMost("committed", f.committed(), "awarded", f.awarded());
    atMost("paid + pending payments", f.paid().add(f.pending()), "awarded", f.awarded());
    atMost("recovered + recovery ordered", f.recovered().add(f.recoveryOrdered()), "paid", f.paid());
    same("awarded", f.awarded(), "sum of budget line allocations",
        lines.stream().map(GrantStatement.BudgetLineStatement::allocated).reduce(Money.ZERO, BigDecimal::add));
    same("committed", f.committed(), "sum of budget line commitments",
        lines.stream().map(GrantStatement.BudgetLineStatement::committed).reduce(Money.ZERO, BigDecimal::add));
    for (GrantStatement.BudgetLineStatement line : lines) {
      atMost("committed on " + line.line().code(), line.committed(), "its allocation", line.allocated());
    }
  }

  private void journal(GrantFigures f, Map<MovementType, BigDecimal> j) {
    same("awarded", f.awarded(), "journal GRANT_OPENED + AWARD_INCREASED − AWARD_DECREASED",
        j.get(GRANT_OPENED).add(j.get(MovementType.AWARD_INCREASED)).subtract(j.get(MovementType.AWARD_DECREASED)));
    same("committed", f.committed(), "journal COMMITTED − COMMITMENT_RELEASED",
        j.get(COMMITTED).subtract(j.get(COMMITMENT_RELEASED)));
    same("pending payments", f.pending(), "journal PAYMENT_REQUESTED − PAYMENT_REJECTED − PAYMENT_DISBURSED",
        j.get(PAYMENT_REQUESTED).subtract(j.get(PAYMENT_REJECTED)).subtract(j.get(PAYMENT_DISBURSED)));
    same("paid", f.paid(), "journal PAYMENT_DISBURSED", j.get(PAYMENT_DISBURSED));
    same("reported spent", f.acceptedSpent(), "journal EXPENDITURE_ACCEPTED", j.get(EXPENDITURE_ACCEPTED));
    same("recovery ordered", f.recoveryOrdered(), "journal RECOVERY_ORDERED − RECOVERY_RECEIVED",
        j.get(RECOVERY_ORDERED).subtract(j.get(RECOVERY_RECEIVED)));
    same("recovered", f.recovered(), "journal RECOVERY_RECEIVED", j.get(RECOVERY_RECEIVED));
  }

  private void same(String what, BigDecimal value, String other, BigDecimal otherValue) {
    if (value.compareTo(otherValue) != 0) {
      problems.add(what + " " + value.toPlainString() + " ≠ " + other + " " + otherValue.toPlainString());
    }
  }

  private void atMost(String what, BigDecimal value, String limitName, BigDecimal limit) {
    if (value.compareTo(limit) > 0) {
      problems.add(what + " " + value.toPlainString() + " > " + limitName + " " + limit.toPlainString());
    }
  }

  private void atLeast(String what, BigDecimal value, BigDecimal floor) {
    if (value.compareTo(floor) < 0) {
      problems.add(what + " " + value.toPlainString() + " < " + floor.toPlainString());
    }
  }
}
