package org.citygrants.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's itemised spending in the currency it paid (table spending_item): each item keeps its
 * original amount and currency, and the euro amount at the rate of its day from the rate table
 * ({@link ExchangeRates}), rounded half even to the cent, with the rate row used. Journalled as
 * {@code SPENDING_ITEM_REPORTED}. Items are the detail behind the city's reports: the accepted
 * spending of the statement still comes from the reports, so nothing is counted twice.
 */
@Service
public class LocalSpending {

  /** The longest description of an item. */
  public static final int DESCRIPTION_LENGTH = 500;

  /** What the city reports: the line, the day it paid, what for, how much in which currency, its invoice. */
  public record Report(BudgetLine line, LocalDate spentOn, String description, BigDecimal amount, String currency,
      String documentId) {}

  /** Per grant: the items' euro total, and each other currency's original total. */
  public record Totals(BigDecimal amount, Map<String, BigDecimal> originals) {}

  private static final String COLUMNS = """
      id, grant_reference, line_code, spent_on, description, original_amount, original_currency, exchange_rate_id,
      units_per_euro, rate_valid_from, amount, document_id, reported_by, reported_at""";

  private final JdbcClient jdbc;
  private final GrantAccounts accounts;
  private final ExchangeRates rates;
  private final MovementJournal journal;
  private final Clock clock;

  LocalSpending(JdbcClient jdbc, GrantAccounts accounts, ExchangeRates rates, MovementJournal journal,
      ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.rates = rates;
    this.journal = journal;
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  /**
   * Records an item of the grant's spending, converted to the grant's currency at the rate of its day.
   *
   * @throws LedgerException no rate of that currency on or before that day, a day after today or
   *     before the grant was opened, an amount that is nothing once converted, a closed grant
   */
  @Transactional
  public SpendingItem report(String grantReference, Report report, MovementContext ctx) {
    return report(grantReference, report, null, ctx);
  }

  /**
   * {@link #report(String, Report, MovementContext)} exactly once per request key: the same key
   * again (a retry) answers the item recorded the first time and records nothing; the same key
   * with another expenditure is refused.
   *
   * @param requestKey the client's key of the request, or null
   */
  @Transactional
  public SpendingItem report(String grantReference, Report report, String requestKey, MovementContext ctx) {
    GrantAccount account = accounts.lock(grantReference)
        .orElseThrow(() -> new UnknownLedgerKeyException("grant", grantReference));
    if (requestKey != null) {
      // the grant's account is locked: a retry racing its first send waits for it here
      Optional<SpendingItem> first = jdbc.sql("SELECT " + COLUMNS + " FROM spending_item WHERE grant_reference = ? "
          + "AND request_key = ?").params(grantReference, requestKey).query(LocalSpending::item).optional();
      if (first.isPresent()) {
        if (!sameExpenditure(first.get(), report)) {
          throw new LedgerException("LEDGER_REFUSED", null, "ledger.spending.keyReused", requestKey);
        }
        return first.get();
      }
    }
    if (account.isClosed()) {
      throw new GrantClosedException(grantReference);
    }
    BigDecimal original = Money.positive(report.amount(), "the spending reported on grant " + grantReference);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (report.spentOn().isAfter(today)) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.spending.future", report.spentOn().toString());
    }
    if (report.spentOn().isBefore(LocalDate.ofInstant(account.openedAt(), ZoneOffset.UTC))) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.spending.beforeAward", report.spentOn().toString(),
          grantReference);
    }
    ExchangeRate rate = null;
    BigDecimal euros = original;
    if (!report.currency().equals(account.currency())) {
      rate = rates.rateOn(report.currency(), report.spentOn()).orElseThrow(() -> new LedgerException("LEDGER_REFUSED",
          null, "ledger.spending.noRate", report.currency(), report.spentOn().toString()));
      euros = inEuros(original, rate);
      if (euros.signum() <= 0) {
        throw new LedgerException("LEDGER_REFUSED", null, "ledger.spending.tooSmall",
            original.toPlainString() + " " + report.currency());
      }
      euros = Money.positive(euros, "the spending reported on grant " + grantReference + " in euros");
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO spending_item (grant_reference, line_code, spent_on, description, original_amount,
              original_currency, exchange_rate_id, units_per_euro, rate_valid_from, amount, document_id, reported_by,
              reported_at, request_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(grantReference, report.line().code(), Date.valueOf(report.spentOn()), report.description(),
            original, report.currency(), rate == null ? null : rate.id(), rate == null ? null : rate.unitsPerEuro(),
            rate == null ? null : Date.valueOf(rate.validFrom()), euros, report.documentId(), ctx.actor(),
            Rows.param(now), requestKey)
        .update(key, "id");
    SpendingItem item = find(key.getKey().longValue());
    journal.append(grantReference, MovementType.SPENDING_ITEM_REPORTED, euros, item.key(), ctx.actor(), now,
        ctx.reason() == null ? ctx.because(report.description()) : ctx);
    return item;
  }

  /**
   * An amount of a local currency in euros at a rate: divided by the units per euro, rounded half
   * even to the cent, as the ledger rounds its other shares (advances, tranches).
   */
  static BigDecimal inEuros(BigDecimal original, ExchangeRate rate) {
    return original.divide(rate.unitsPerEuro(), 2, RoundingMode.HALF_EVEN);
  }

  private static boolean sameExpenditure(SpendingItem item, Report report) {
    return item.line() == report.line() && item.spentOn().equals(report.spentOn())
        && item.description().equals(report.description()) && item.originalAmount().compareTo(report.amount()) == 0
        && item.originalCurrency().equals(report.currency())
        && java.util.Objects.equals(item.documentId(), report.documentId());
  }

  /** The grant's items, by day. */
  public List<SpendingItem> items(String grantReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM spending_item WHERE grant_reference = ? ORDER BY spent_on, id")
        .param(grantReference).query(LocalSpending::item).list();
  }

  /** Every grant's items in sums: the euro total and, per other currency, the original total. */
  public Map<String, Totals> totals() {
    Map<String, BigDecimal> euros = new LinkedHashMap<>();
    Map<String, Map<String, BigDecimal>> originals = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT grant_reference, original_currency, exchange_rate_id IS NULL AS own, SUM(original_amount) AS original,
              SUM(amount) AS euros
            FROM spending_item GROUP BY grant_reference, original_currency, exchange_rate_id IS NULL""")
        .query((ResultSet rs) -> {
          String grant = rs.getString("grant_reference");
          euros.merge(grant, rs.getBigDecimal("euros"), BigDecimal::add);
          if (!rs.getBoolean("own")) {
            originals.computeIfAbsent(grant, g -> new LinkedHashMap<>())
                .merge(rs.getString("original_currency"), rs.getBigDecimal("original").setScale(2), BigDecimal::add);
          }
        });
    Map<String, Totals> totals = new LinkedHashMap<>();
    euros.forEach((grant, sum) -> totals.put(grant, new Totals(sum.setScale(2), originals.getOrDefault(grant, Map.of()))));
    return totals;
  }

  private SpendingItem find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM spending_item WHERE id = ?").param(id).query(LocalSpending::item)
        .single();
  }

  private static SpendingItem item(ResultSet rs, int row) throws SQLException {
    long rateId = rs.getLong("exchange_rate_id");
    Long exchangeRateId = rs.wasNull() ? null : rateId;
    Date validFrom = rs.getDate("rate_valid_from");
    BigDecimal units = rs.getBigDecimal("units_per_euro");
    return new SpendingItem(rs.getLong("id"), rs.getString("grant_reference"), BudgetLine.fromCode(rs.getString("line_code")),
        rs.getDate("spent_on").toLocalDate(), rs.getString("description"), rs.getBigDecimal("original_amount").setScale(2),
        rs.getString("original_currency").strip(), exchangeRateId, units == null ? null : units.setScale(6),
        validFrom == null ? null : validFrom.toLocalDate(), Money.of(rs.getBigDecimal("amount")),
        rs.getString("document_id"), rs.getString("reported_by"), Rows.instant(rs, "reported_at"));
  }
}
