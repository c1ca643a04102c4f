package org.citygrants.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The grant_account and budget_line tables. */
@Repository
class GrantAccounts {

  private static final String COLUMNS =
      "grant_reference, city_code, currency, awarded_amount, status, opened_at, closed_at";

  private final JdbcClient jdbc;

  GrantAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<GrantAccount> find(String grantReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM grant_account WHERE grant_reference = ?")
        .param(grantReference).query(GrantAccounts::account).optional();
  }

  /**
   * Reads the grant and locks its row until the transaction ends. Every change to a grant's
   * ledger starts here, so the changes of one grant run one after the other, on every node,
   * and the capital checks that follow see the latest committed figures.
   */
  Optional<GrantAccount> lock(String grantReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM grant_account WHERE grant_reference = ? FOR UPDATE")
        .param(grantReference).query(GrantAccounts::account).optional();
  }

  void insert(GrantAccount account, Map<BudgetLine, BigDecimal> allocation) {
    jdbc.sql("INSERT INTO grant_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(account.grantReference(), account.cityCode(), account.currency(), account.awarded(),
            account.status().name(), Rows.param(account.openedAt()), Rows.param(account.closedAt()))
        .update();
    allocation.forEach((line, amount) -> jdbc.sql(
            "INSERT INTO budget_line (grant_reference, line_code, allocated_amount) VALUES (?, ?, ?)")
        .params(account.grantReference(), line.code(), amount)
        .update());
  }

  /** A new award and new allocations of the lines given (the others keep theirs). */
  void amend(String grantReference, BigDecimal awarded, Map<BudgetLine, BigDecimal> allocations) {
    jdbc.sql("UPDATE grant_account SET awarded_amount = ? WHERE grant_reference = ? AND status = 'OPEN'")
        .params(awarded, grantReference).update();
    allocations.forEach((line, amount) -> jdbc.sql(
            "UPDATE budget_line SET allocated_amount = ? WHERE grant_reference = ? AND line_code = ?")
        .params(amount, grantReference, line.code()).update());
  }

  void close(String grantReference, Instant at) {
    jdbc.sql("UPDATE grant_account SET status = 'CLOSED', closed_at = ? WHERE grant_reference = ? AND status = 'OPEN'")
        .params(Rows.param(at), grantReference).update();
  }

  Optional<BigDecimal> allocation(String grantReference, BudgetLine line) {
    return jdbc.sql("SELECT allocated_amount FROM budget_line WHERE grant_reference = ? AND line_code = ?")
        .params(grantReference, line.code()).query(BigDecimal.class).optional().map(Money::of);
  }

  private static GrantAccount account(ResultSet rs, int rowNum) throws SQLException {
    return new GrantAccount(
        rs.getString("grant_reference"),
        rs.getString("city_code"),
        rs.getString("currency"),
        Money.of(rs.getBigDecimal("awarded_amount")),
        GrantAccount.Status.valueOf(rs.getString("status")),
        Rows.instant(rs, "opened_at"),
        Rows.instant(rs, "closed_at"));
  }
}
