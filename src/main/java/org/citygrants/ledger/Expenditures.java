package org.citygrants.ledger;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The expenditure table. */
@Repository
class Expenditures {

  private final JdbcClient jdbc;

  Expenditures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Expenditure> find(String expenditureKey) {
    return jdbc.sql("SELECT expenditure_key, grant_reference, amount, accepted, reported_at"
            + " FROM expenditure WHERE expenditure_key = ?")
        .param(expenditureKey)
        .query((rs, n) -> new Expenditure(rs.getString("expenditure_key"), rs.getString("grant_reference"),
            Money.of(rs.getBigDecimal("amount")), rs.getBoolean("accepted"), Rows.instant(rs, "reported_at")))
        .optional();
  }

  void insert(Expenditure expenditure) {
    jdbc.sql("INSERT INTO expenditure (expenditure_key, grant_reference, amount, accepted, reported_at)"
            + " VALUES (?, ?, ?, ?, ?)")
        .params(expenditure.expenditureKey(), expenditure.grantReference(), expenditure.amount(),
            expenditure.accepted(), Rows.param(expenditure.reportedAt()))
        .update();
  }
}
