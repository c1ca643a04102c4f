package org.citygrants.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The expenditure table, with what a city reported above a commitment and an officer's decision on it. */
@Repository
class Expenditures {

  private static final String COLUMNS = "expenditure_key, grant_reference, amount, accepted, reported_at,"
      + " reported_amount, excess_of, decided_by, decision_reason";

  /** A row as stored: {@code reportedAmount} is set when the city reported more than the commitment. */
  record Row(Expenditure expenditure, BigDecimal reportedAmount, String excessOf, String decidedBy,
      String decisionReason) {}

  private final JdbcClient jdbc;

  Expenditures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Expenditure> find(String expenditureKey) {
    return findRow(expenditureKey).map(Row::expenditure);
  }

  Optional<Row> findRow(String expenditureKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM expenditure WHERE expenditure_key = ?")
        .param(expenditureKey).query(Expenditures::row).optional();
  }

  /** The officer's decision on the spending reported above the commitment of this report, if any. */
  Optional<Row> excessDecisionOn(String expenditureKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM expenditure WHERE excess_of = ?")
        .param(expenditureKey).query(Expenditures::row).optional();
  }

  /** Spending above commitments that an officer approved: it may be paid as tranches. */
  BigDecimal approvedExcess(String grantReference) {
    return Money.of(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM expenditure"
            + " WHERE grant_reference = ? AND excess_of IS NOT NULL AND accepted = TRUE")
        .param(grantReference).query(BigDecimal.class).single());
  }

  void insert(Expenditure expenditure) {
    insert(expenditure, null, null, null, null);
  }

  void insert(Expenditure expenditure, BigDecimal reportedAmount, String excessOf, String decidedBy,
      String decisionReason) {
    jdbc.sql("INSERT INTO expenditure (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(expenditure.expenditureKey(), expenditure.grantReference(), expenditure.amount(),
            expenditure.accepted(), Rows.param(expenditure.reportedAt()), reportedAmount, excessOf, decidedBy,
            decisionReason)
        .update();
  }

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    BigDecimal reported = rs.getBigDecimal("reported_amount");
    return new Row(
        new Expenditure(rs.getString("expenditure_key"), rs.getString("grant_reference"),
            Money.of(rs.getBigDecimal("amount")), rs.getBoolean("accepted"), Rows.instant(rs, "reported_at")),
        reported == null ? null : Money.of(reported),
        rs.getString("excess_of"),
        rs.getString("decided_by"),
        rs.getString("decision_reason"));
  }
}
