package org.citygrants.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payment table. Each status change is a conditional UPDATE on the expected current status
 * and reports whether it changed the row: a second, concurrent caller changes nothing.
 */
@Repository
class Payments {

  private static final String COLUMNS = "payment_key, grant_reference, milestone, kind, amount, status,"
      + " requested_by, requested_at, approved_by, approved_at, rejected_by, rejection_reason, disbursed_at";

  private final JdbcClient jdbc;

  Payments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Payment> find(String paymentKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE payment_key = ?")
        .param(paymentKey).query(Payments::payment).optional();
  }

  List<Payment> ofGrant(String grantReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE grant_reference = ? ORDER BY id")
        .param(grantReference).query(Payments::payment).list();
  }

  /** Tranches requested, approved or paid on the grant (rejected ones do not count). */
  BigDecimal tranches(String grantReference) {
    return Money.of(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment WHERE grant_reference = ? AND kind = 'TRANCHE'"
            + " AND status <> 'REJECTED'")
        .param(grantReference).query(BigDecimal.class).single());
  }

  void insert(Payment payment) {
    jdbc.sql("INSERT INTO payment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(payment.paymentKey(), payment.grantReference(), payment.milestone(), payment.kind().name(),
            payment.amount(), payment.status().name(), payment.requestedBy(), Rows.param(payment.requestedAt()),
            payment.approvedBy(), Rows.param(payment.approvedAt()), payment.rejectedBy(),
            payment.rejectionReason(), Rows.param(payment.disbursedAt()))
        .update();
  }

  /** A rejected payment asked for again, possibly with another amount and by another requester. */
  boolean requestAgain(Payment payment) {
    return jdbc.sql("""
            UPDATE payment SET status = 'REQUESTED', amount = ?, requested_by = ?, requested_at = ?,
              approved_by = NULL, approved_at = NULL, rejected_by = NULL, rejection_reason = NULL
            WHERE payment_key = ? AND status = 'REJECTED'""")
        .params(payment.amount(), payment.requestedBy(), Rows.param(payment.requestedAt()), payment.paymentKey())
        .update() == 1;
  }

  boolean approve(String paymentKey, String approver, Instant at) {
    return jdbc.sql("UPDATE payment SET status = 'APPROVED', approved_by = ?, approved_at = ?"
            + " WHERE payment_key = ? AND status = 'REQUESTED'")
        .params(approver, Rows.param(at), paymentKey).update() == 1;
  }

  boolean reject(String paymentKey, String rejectedBy, String reason) {
    return jdbc.sql("UPDATE payment SET status = 'REJECTED', rejected_by = ?, rejection_reason = ?,"
            + " approved_by = NULL, approved_at = NULL"
            + " WHERE payment_key = ? AND status IN ('REQUESTED', 'APPROVED')")
        .params(rejectedBy, reason, paymentKey).update() == 1;
  }

  /** The exactly-once step: only the caller that moves the row from APPROVED gets true. */
  boolean disburse(String paymentKey, Instant at) {
    return jdbc.sql("UPDATE payment SET status = 'DISBURSED', disbursed_at = ? WHERE payment_key = ? AND status = 'APPROVED'")
        .params(Rows.param(at), paymentKey).update() == 1;
  }

  private static Payment payment(ResultSet rs, int rowNum) throws SQLException {
    return new Payment(
        rs.getString("payment_key"),
        rs.getString("grant_reference"),
        rs.getString("milestone"),
        PaymentKind.valueOf(rs.getString("kind")),
        Money.of(rs.getBigDecimal("amount")),
        PaymentStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"),
        Rows.instant(rs, "requested_at"),
        rs.getString("approved_by"),
        Rows.instant(rs, "approved_at"),
        rs.getString("rejected_by"),
        rs.getString("rejection_reason"),
        Rows.instant(rs, "disbursed_at"));
  }
}
