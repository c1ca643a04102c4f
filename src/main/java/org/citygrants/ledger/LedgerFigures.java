package org.citygrants.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums per grant and per budget line, straight from the tables. */
@Repository
class LedgerFigures {

  private static final String FIGURES = """
      SELECT g.grant_reference, g.city_code, g.status, g.currency, g.awarded_amount,
        (SELECT SUM(c.amount) FROM commitment c
          WHERE c.grant_reference = g.grant_reference AND c.status = 'ACTIVE') AS committed,
        (SELECT SUM(p.amount) FROM payment p
          WHERE p.grant_reference = g.grant_reference AND p.status IN ('REQUESTED', 'APPROVED')) AS pending,
        (SELECT SUM(p.amount) FROM payment p
          WHERE p.grant_reference = g.grant_reference AND p.status = 'DISBURSED') AS paid,
        (SELECT SUM(e.amount) FROM expenditure e
          WHERE e.grant_reference = g.grant_reference AND e.accepted = TRUE) AS accepted_spent,
        (SELECT SUM(r.amount) FROM recovery r
          WHERE r.grant_reference = g.grant_reference AND r.status = 'ORDERED') AS recovery_ordered,
        (SELECT SUM(r.amount) FROM recovery r
          WHERE r.grant_reference = g.grant_reference AND r.status = 'RECEIVED') AS recovered,
        (SELECT SUM(p.amount) FROM payment p
          WHERE p.grant_reference = g.grant_reference AND p.kind = 'ADVANCE' AND p.status <> 'REJECTED') AS advance
      FROM grant_account g
      """;

  private final JdbcClient jdbc;

  LedgerFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<GrantFigures> of(String grantReference) {
    return jdbc.sql(FIGURES + " WHERE g.grant_reference = ?").param(grantReference)
        .query(LedgerFigures::figures).optional();
  }

  List<GrantFigures> all() {
    return jdbc.sql(FIGURES + " ORDER BY g.grant_reference").query(LedgerFigures::figures).list();
  }

  List<GrantStatement.BudgetLineStatement> budgetLines(String grantReference) {
    return jdbc.sql("""
            SELECT b.line_code, b.allocated_amount,
              (SELECT SUM(c.amount) FROM commitment c WHERE c.grant_reference = b.grant_reference
                AND c.line_code = b.line_code AND c.status = 'ACTIVE') AS committed
            FROM budget_line b WHERE b.grant_reference = ?""")
        .param(grantReference)
        .query((rs, n) -> {
          BigDecimal allocated = Money.of(rs.getBigDecimal("allocated_amount"));
          BigDecimal committed = Money.of(rs.getBigDecimal("committed"));
          return new GrantStatement.BudgetLineStatement(BudgetLine.fromCode(rs.getString("line_code")),
              allocated, committed, allocated.subtract(committed));
        })
        .list().stream()
        .sorted(Comparator.comparing(GrantStatement.BudgetLineStatement::line))
        .toList();
  }

  private static GrantFigures figures(ResultSet rs, int rowNum) throws SQLException {
    return new GrantFigures(
        rs.getString("grant_reference"),
        rs.getString("city_code"),
        GrantAccount.Status.valueOf(rs.getString("status")),
        rs.getString("currency"),
        Money.of(rs.getBigDecimal("awarded_amount")),
        Money.of(rs.getBigDecimal("committed")),
        Money.of(rs.getBigDecimal("pending")),
        Money.of(rs.getBigDecimal("paid")),
        Money.of(rs.getBigDecimal("accepted_spent")),
        Money.of(rs.getBigDecimal("recovery_ordered")),
        Money.of(rs.getBigDecimal("recovered")),
        Money.of(rs.getBigDecimal("advance")));
  }
}
