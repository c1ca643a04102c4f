package org.citygrants.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rate table finance maintains: how many units of a local currency (XOF, UGX, MAD...) one euro
 * bought from a day on. Imported from a CSV file (no internet service assumed); the rate of a day is
 * the latest row of that currency valid from that day or before. A row once imported stays: the
 * spending converted with it keeps pointing at it.
 */
@Service
public class ExchangeRates {

  /** The largest file taken at once, in lines. */
  public static final int MAX_LINES = 10_000;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final String COLUMNS = "id, currency, valid_from, units_per_euro, source, imported_by, imported_at";

  /** What an import did: rows added, rows already there with the same rate. */
  public record Imported(int added, int unchanged, List<ExchangeRate> rates) {}

  private final JdbcClient jdbc;
  private final String grantCurrency;
  private final Clock clock;

  ExchangeRates(JdbcClient jdbc, LedgerProperties properties, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.grantCurrency = properties.currency();
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  /**
   * Imports a CSV file: a header {@code currency,valid_from,rate[,source]}, then one rate per line
   * ({@code XOF,2027-01-01,655.957,BCEAO}); the rate is units of the currency per euro, a decimal
   * point, at most 6 decimals. A line already imported with the same rate is left as it is; a
   * different rate for the same currency and day, or any bad line, refuses the whole file.
   *
   * @throws RateImportException naming the line and column; nothing imported
   */
  @Transactional
  public Imported importCsv(String csv, String importedBy) {
    List<String> lines = csv == null ? List.of() : csv.lines().map(String::strip).toList();
    if (lines.isEmpty() || !header(lines.get(0))) {
      throw new RateImportException(1, "header", "ledger.rates.header");
    }
    if (lines.size() > MAX_LINES + 1) {
      throw new RateImportException(MAX_LINES + 2, "file", "ledger.rates.tooLong", MAX_LINES);
    }
    List<ExchangeRate> parsed = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      parsed.add(parse(line, i + 1, importedBy));
      lineNumbers.add(i + 1);
    }
    if (parsed.isEmpty()) {
      throw new RateImportException(2, "file", "ledger.rates.empty");
    }
    int added = 0;
    int unchanged = 0;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Map<String, ExchangeRate> inThisFile = new HashMap<>();
    for (int i = 0; i < parsed.size(); i++) {
      ExchangeRate rate = parsed.get(i);
      int line = lineNumbers.get(i);
      ExchangeRate earlier = inThisFile.putIfAbsent(rate.currency() + "@" + rate.validFrom(), rate);
      if (earlier != null) {
        if (earlier.unitsPerEuro().compareTo(rate.unitsPerEuro()) != 0) {
          throw new RateImportException(line, "rate", "ledger.rates.twice", rate.currency(), rate.validFrom().toString());
        }
        unchanged++;
        continue;
      }
      Optional<ExchangeRate> existing = find(rate.currency(), rate.validFrom());
      if (existing.isPresent()) {
        if (existing.get().unitsPerEuro().compareTo(rate.unitsPerEuro()) != 0) {
          throw new RateImportException(line, "rate", "ledger.rates.conflict", rate.currency(),
              rate.validFrom().toString(), existing.get().unitsPerEuro().toPlainString(), rate.unitsPerEuro().toPlainString());
        }
        unchanged++;
        continue;
      }
      jdbc.sql("""
              INSERT INTO exchange_rate (currency, valid_from, units_per_euro, source, imported_by, imported_at)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(rate.currency(), Date.valueOf(rate.validFrom()), rate.unitsPerEuro(), rate.source(), importedBy,
              Rows.param(now))
          .update();
      added++;
    }
    return new Imported(added, unchanged, list(null));
  }

  /** The rates, by currency then day; of one currency when given. */
  public List<ExchangeRate> list(String currency) {
    return currency == null || currency.isBlank()
        ? jdbc.sql("SELECT " + COLUMNS + " FROM exchange_rate ORDER BY currency, valid_from").query(ExchangeRates::rate).list()
        : jdbc.sql("SELECT " + COLUMNS + " FROM exchange_rate WHERE currency = ? ORDER BY valid_from")
            .param(currency.strip().toUpperCase(Locale.ROOT)).query(ExchangeRates::rate).list();
  }

  /** The rate of a currency on a day: the latest valid from that day or before. */
  public Optional<ExchangeRate> rateOn(String currency, LocalDate day) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_rate WHERE currency = ? AND valid_from <= ? "
            + "ORDER BY valid_from DESC FETCH FIRST 1 ROWS ONLY")
        .params(currency, Date.valueOf(day)).query(ExchangeRates::rate).optional();
  }

  /** The currency grants are held in (rates are per one of it). */
  public String grantCurrency() {
    return grantCurrency;
  }

  private Optional<ExchangeRate> find(String currency, LocalDate day) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_rate WHERE currency = ? AND valid_from = ?")
        .params(currency, Date.valueOf(day)).query(ExchangeRates::rate).optional();
  }

  private static boolean header(String line) {
    String h = line.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace(" ", "");
    return h.equals("currency,valid_from,rate") || h.equals("currency,valid_from,rate,source");
  }

  private ExchangeRate parse(String line, int number, String by) {
    String[] cells = line.split(",", -1);
    if (cells.length < 3 || cells.length > 4) {
      throw new RateImportException(number, "file", "ledger.rates.cells", number, cells.length);
    }
    String currency = cells[0].strip().toUpperCase(Locale.ROOT);
    if (!CURRENCY.matcher(currency).matches()) {
      throw new RateImportException(number, "currency", "ledger.rates.currency", number, cells[0].strip());
    }
    if (currency.equals(grantCurrency)) {
      throw new RateImportException(number, "currency", "ledger.rates.grantCurrency", number, currency);
    }
    LocalDate day;
    try {
      day = LocalDate.parse(cells[1].strip(), DAY);
    } catch (DateTimeParseException e) {
      throw new RateImportException(number, "valid_from", "ledger.rates.day", number, cells[1].strip());
    }
    BigDecimal rate;
    try {
      rate = new BigDecimal(cells[2].strip());
    } catch (NumberFormatException e) {
      rate = null;
    }
    if (rate == null || rate.signum() <= 0 || rate.scale() > 6 || rate.precision() - rate.scale() > 12) {
      throw new RateImportException(number, "rate", "ledger.rates.rate", number, cells[2].strip());
    }
    String source = cells.length == 4 && !cells[3].isBlank() ? cells[3].strip() : null;
    if (source != null && source.length() > 200) {
      source = source.substring(0, 200);
    }
    return new ExchangeRate(0, currency, day, rate.setScale(6), source, by, null);
  }

  private static ExchangeRate rate(ResultSet rs, int row) throws SQLException {
    return new ExchangeRate(rs.getLong("id"), rs.getString("currency"), rs.getDate("valid_from").toLocalDate(),
        rs.getBigDecimal("units_per_euro").setScale(6), rs.getString("source"), rs.getString("imported_by"),
        Rows.instant(rs, "imported_at"));
  }
}
