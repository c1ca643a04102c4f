package org.citygrants.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The commitment table. */
@Repository
class Commitments {

  private static final String COLUMNS =
      "commitment_key, grant_reference, line_code, amount, status, committed_at, released_at";

  private final JdbcClient jdbc;

  Commitments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Commitment> find(String commitmentKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM commitment WHERE commitment_key = ?")
        .param(commitmentKey).query(Commitments::commitment).optional();
  }

  List<Commitment> active(String grantReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM commitment WHERE grant_reference = ? AND status = 'ACTIVE' ORDER BY id")
        .param(grantReference).query(Commitments::commitment).list();
  }

  BigDecimal activeOnLine(String grantReference, BudgetLine line) {
    return Money.of(jdbc.sql(
            "SELECT COALESCE(SUM(amount), 0) FROM commitment WHERE grant_reference = ? AND line_code = ? AND status = 'ACTIVE'")
        .params(grantReference, line.code()).query(BigDecimal.class).single());
  }

  /** Everything ever committed on the grant, released commitments included: what tranches may pay for. */
  BigDecimal everCommitted(String grantReference) {
    return Money.of(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM commitment WHERE grant_reference = ?")
        .param(grantReference).query(BigDecimal.class).single());
  }

  void insert(Commitment commitment) {
    jdbc.sql("INSERT INTO commitment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(commitment.commitmentKey(), commitment.grantReference(), commitment.budgetLine().code(),
            commitment.amount(), commitment.status().name(), Rows.param(commitment.committedAt()),
            Rows.param(commitment.releasedAt()))
        .update();
  }

  /** True when this call released it (it was still active). */
  boolean release(String commitmentKey, Instant at) {
    return jdbc.sql("UPDATE commitment SET status = 'RELEASED', released_at = ? WHERE commitment_key = ? AND status = 'ACTIVE'")
        .params(Rows.param(at), commitmentKey).update() == 1;
  }

  private static Commitment commitment(ResultSet rs, int rowNum) throws SQLException {
    return new Commitment(
        rs.getString("commitment_key"),
        rs.getString("grant_reference"),
        BudgetLine.fromCode(rs.getString("line_code")),
        Money.of(rs.getBigDecimal("amount")),
        Commitment.Status.valueOf(rs.getString("status")),
        Rows.instant(rs, "committed_at"),
        Rows.instant(rs, "released_at"));
  }
}
