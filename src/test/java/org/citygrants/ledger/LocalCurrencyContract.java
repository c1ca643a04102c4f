package org.citygrants.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Spending in the city's own currency ({@link ExchangeRates}, {@link LocalSpending}) and the
 * database's own checks of tables exchange_rate and spending_item (V11). Runs on H2
 * ({@link LocalCurrencyH2Test}) and on PostgreSQL ({@link LocalCurrencyPostgresTest}).
 */
abstract class LocalCurrencyContract extends LedgerContract {

  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  static final MovementContext CITY = MovementContext.by("lyon", "spending reported");

  ExchangeRates rates;
  LocalSpending spending;

  @BeforeEach
  void lyonOpenedAYearAgo() {
    rates = database().bean(ExchangeRates.class);
    spending = database().bean(LocalSpending.class);
    openLyon();
    // spending is reported from the award's day on: the grant was awarded a year ago (tests only)
    jdbc.sql("UPDATE grant_account SET opened_at = opened_at - INTERVAL '365' DAY").update();
  }

  // ------------------------------------------------------------------ the rate table

  @Test
  void aRateFileIsImportedOnceAndTheSameFileAgainChangesNothing() {
    String file = "currency,valid_from,rate,source\nXOF," + TODAY.minusDays(100) + ",655.957,BCEAO\nUGX,"
        + TODAY.minusDays(100) + ",4012.5\n";

    ExchangeRates.Imported first = rates.importCsv(file, "frank");
    ExchangeRates.Imported again = rates.importCsv(file, "fiona");

    assertThat(first.added()).isEqualTo(2);
    assertThat(again.added()).isZero();
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(rates.list("xof")).singleElement().satisfies(rate -> {
      assertThat(rate.unitsPerEuro()).isEqualTo(new BigDecimal("655.957000"));
      assertThat(rate.source()).isEqualTo("BCEAO");
      assertThat(rate.importedBy()).as("the first import's").isEqualTo("frank");
      assertThat(rate.importedAt()).isNotNull();
    });
    assertThat(rates.list("UGX").get(0).source()).isNull();

    ExchangeRates.Imported sameLineTwice = rates.importCsv("currency,valid_from,rate\r\nKES," + TODAY + ",140\r\n\r\nKES,"
        + TODAY + ",140.000\r\n", "frank");
    assertThat(sameLineTwice.added()).isEqualTo(1);
    assertThat(sameLineTwice.unchanged()).isEqualTo(1);
  }

  @Test
  void aBadLineOrAChangedRateRefusesTheWholeFileNamingTheLineAndNothingIsImported() {
    rates.importCsv("currency,valid_from,rate\nXOF," + TODAY.minusDays(100) + ",655.957\n", "frank");

    // line 2 is new and good, line 3 changes a rate already imported: line 2 is not kept either
    RateImportException changed = refusedFile("currency,valid_from,rate\nMAD," + TODAY + ",10.85\nXOF,"
        + TODAY.minusDays(100) + ",700\n");
    assertThat(changed.line()).isEqualTo(3);
    assertThat(changed.column()).isEqualTo("rate");
    assertThat(changed.getMessage()).contains("655.957000", "700");

    RateImportException twice = refusedFile("currency,valid_from,rate\nMAD," + TODAY + ",10.85\nMAD," + TODAY + ",10.9\n");
    assertThat(twice.line()).isEqualTo(3);
    assertThat(twice.getMessage()).contains("two different rates of MAD");
    assertThat(refusedFile("currency,valid_from,rate\nMAD," + TODAY + ",0\n").column()).isEqualTo("rate");
    assertThat(refusedFile("currency,valid_from,rate\nMAD," + TODAY + ",10.1234567\n").column()).isEqualTo("rate");
    assertThat(refusedFile("currency,valid_from,rate\nMAD,31/01/2027,10.85\n").column()).isEqualTo("valid_from");
    assertThat(refusedFile("currency,valid_from,rate\nMA,2027-01-31,10.85\n").column()).isEqualTo("currency");
    assertThat(refusedFile("currency,valid_from,rate\nEUR,2027-01-31,1\n").column()).as("the grants' own currency")
        .isEqualTo("currency");
    assertThat(refusedFile("currency,valid_from,rate\nMAD,2027-01-31\n").column()).isEqualTo("file");
    assertThat(refusedFile("currency,valid_from,rate\n").column()).isEqualTo("file");
    assertThat(refusedFile("XOF,2027-01-31,655.957\n").column()).isEqualTo("header");

    assertThat(rates.list(null)).extracting(ExchangeRate::currency).containsExactly("XOF");
  }

  private RateImportException refusedFile(String csv) {
    RateImportException refusal = org.assertj.core.api.Assertions.catchThrowableOfType(RateImportException.class,
        () -> rates.importCsv(csv, "frank"));
    assertThat(refusal).as(csv).isNotNull();
    return refusal;
  }

  // ------------------------------------------------------------------ spending converted at the rate of its day

  @Test
  void spendingIsConvertedAtTheLatestRateValidOnOrBeforeItsDayAndJournalled() {
    rates.importCsv("currency,valid_from,rate\nXOF," + TODAY.minusDays(100) + ",655.957\nXOF," + TODAY.minusDays(30)
        + ",660\n", "frank");
    List<ExchangeRate> xof = rates.list("XOF");

    SpendingItem before = spend(TODAY.minusDays(31), "655957", "XOF");
    SpendingItem onTheDay = spend(TODAY.minusDays(30), "660000", "XOF");
    SpendingItem after = spend(TODAY, "1000", "XOF");

    assertThat(before.amount()).isEqualTo(eur("1000.00"));
    assertThat(before.exchangeRateId()).as("not the rate valid from a later day").isEqualTo(xof.get(0).id());
    assertThat(before.unitsPerEuro()).isEqualTo(new BigDecimal("655.957000"));
    assertThat(before.rateValidFrom()).isEqualTo(TODAY.minusDays(100));
    assertThat(before.originalAmount()).isEqualTo(eur("655957.00"));
    assertThat(before.originalCurrency()).isEqualTo("XOF");
    assertThat(onTheDay.amount()).isEqualTo(eur("1000.00"));
    assertThat(onTheDay.exchangeRateId()).isEqualTo(xof.get(1).id());
    assertThat(after.amount()).as("1000 / 660 = 1.5151...").isEqualTo(eur("1.52"));
    assertThat(after.rateValidFrom()).isEqualTo(TODAY.minusDays(30));

    GrantStatement statement = balancedStatement(LYON);
    assertThat(statement.reportedSpent()).as("items are the detail behind the reports: not counted twice")
        .isEqualTo(eur("0.00"));
    assertThat(statement.movements()).filteredOn(m -> m.type() == MovementType.SPENDING_ITEM_REPORTED)
        .extracting(Movement::amount, Movement::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(eur("1000.00"), "lyon"),
            org.assertj.core.groups.Tuple.tuple(eur("1000.00"), "lyon"),
            org.assertj.core.groups.Tuple.tuple(eur("1.52"), "lyon"));
    assertThat(spending.items(LYON)).extracting(SpendingItem::id)
        .containsExactly(before.id(), onTheDay.id(), after.id());
    assertThat(spending.totals().get(LYON).amount()).isEqualTo(eur("2001.52"));
    assertThat(spending.totals().get(LYON).originals()).containsEntry("XOF", eur("1316957.00"));
  }

  @Test
  void centsAreRoundedHalfEvenAsTheLedgerRoundsElsewhere() {
    rates.importCsv("currency,valid_from,rate\nMAD," + TODAY.minusDays(10) + ",2\n", "frank");

    assertThat(spend(TODAY, "0.25", "MAD").amount()).as("0.125").isEqualTo(eur("0.12"));
    assertThat(spend(TODAY, "0.75", "MAD").amount()).as("0.375").isEqualTo(eur("0.38"));
    assertRefused(LedgerException.class, () -> spend(TODAY, "0.01", "MAD"), "less than a cent");
  }

  @Test
  void withoutARateOfItsDayNothingIsRecorded() {
    rates.importCsv("currency,valid_from,rate\nXOF," + TODAY.minusDays(5) + ",655.957\n", "frank");

    LedgerException noRate = assertRefused(LedgerException.class, () -> spend(TODAY, "1000", "UGX"), "no rate of UGX");
    assertThat(noRate.messageIn(java.util.Locale.FRENCH, who -> who)).contains("pas de taux de UGX");
    assertRefused(LedgerException.class, () -> spend(TODAY.minusDays(6), "1000", "XOF"),
        "no rate of XOF for " + TODAY.minusDays(6));
    assertRefused(LedgerException.class, () -> spend(TODAY.plusDays(1), "1000", "XOF"), "in the future");
    assertRefused(LedgerException.class, () -> spend(TODAY.minusDays(400), "10", "EUR"), "before grant");

    assertThat(spending.items(LYON)).isEmpty();
  }

  @Test
  void spendingInTheGrantsOwnCurrencyNeedsNoRate() {
    SpendingItem euros = spend(TODAY, "120.50", "EUR");

    assertThat(rates.list(null)).isEmpty();
    assertThat(euros.amount()).isEqualTo(eur("120.50"));
    assertThat(euros.originalAmount()).isEqualTo(eur("120.50"));
    assertThat(euros.exchangeRateId()).isNull();
    assertThat(euros.unitsPerEuro()).isNull();
    assertThat(euros.rateValidFrom()).isNull();
    assertThat(spending.totals().get(LYON).originals()).as("no other currency").isEmpty();
  }

  @Test
  void theSameRequestSentAgainRecordsNothingMoreEvenWhenBothArriveTogether() throws Exception {
    rates.importCsv("currency,valid_from,rate\nXOF," + TODAY.minusDays(10) + ",655.957\n", "frank");
    LocalSpending.Report sensors = new LocalSpending.Report(BudgetLine.EXPERIMENTS, TODAY, "sensors", eur("655957"),
        "XOF", null);

    SpendingItem first = spending.report(LYON, sensors, "phone-7f3a", CITY);
    SpendingItem again = spending.report(LYON, sensors, "phone-7f3a", CITY);
    assertThat(again).isEqualTo(first);
    assertRefused(LedgerException.class, () -> spending.report(LYON, new LocalSpending.Report(BudgetLine.EXPERIMENTS,
        TODAY, "sensors", eur("655958"), "XOF", null), "phone-7f3a", CITY), "phone-7f3a");
    SpendingItem secondPurchase = spending.report(LYON, sensors, "phone-8b21", CITY);
    assertThat(secondPurchase.id()).isNotEqualTo(first.id());

    // a retry racing its first send: the grant's account is locked, the second finds the first
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.Callable<SpendingItem> send = () -> {
        start.await(10, java.util.concurrent.TimeUnit.SECONDS);
        return spending.report(LYON, sensors, "phone-race", CITY);
      };
      java.util.concurrent.Future<SpendingItem> one = pool.submit(send);
      java.util.concurrent.Future<SpendingItem> two = pool.submit(send);
      assertThat(one.get(30, java.util.concurrent.TimeUnit.SECONDS).id())
          .isEqualTo(two.get(30, java.util.concurrent.TimeUnit.SECONDS).id());
    } finally {
      pool.shutdownNow();
    }

    assertThat(spending.items(LYON)).hasSize(3);
    assertThat(movements(LYON, MovementType.SPENDING_ITEM_REPORTED)).isEqualTo(3);
    assertThatThrownBy(() -> jdbc.sql("UPDATE spending_item SET request_key = 'phone-7f3a' WHERE id = ?")
        .param(secondPurchase.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
  }

  private SpendingItem spend(LocalDate day, String amount, String currency) {
    return spending.report(LYON, new LocalSpending.Report(BudgetLine.EXPERIMENTS, day, "sensors", eur(amount),
        currency, null), CITY);
  }

  // ------------------------------------------------------------------ the database's own checks

  @Test
  void theDatabaseRefusesRatesThatAreNotRatesAndASecondRateOfADay() {
    String insert = "INSERT INTO exchange_rate (currency, valid_from, units_per_euro, imported_by, imported_at) "
        + "VALUES (%s, DATE '2027-01-01', %s, 'frank', CURRENT_TIMESTAMP)";
    jdbc.sql(insert.formatted("'XOF'", "655.957")).update();

    assertViolation(insert.formatted("'XOF'", "700"));
    assertViolation(insert.formatted("'KES'", "0"));
    assertViolation(insert.formatted("'KES'", "-140"));
    assertViolation(insert.formatted("'kes'", "140"));
    assertViolation(insert.formatted("'KE'", "140"));
    assertViolation(insert.formatted("'K3S'", "140"));
    assertViolation(insert.formatted("NULL", "140"));
    assertViolation("INSERT INTO exchange_rate (currency, valid_from, units_per_euro, imported_by, imported_at) "
        + "VALUES ('KES', DATE '2027-01-01', 140, NULL, CURRENT_TIMESTAMP)");
    assertThat(rates.list(null)).hasSize(1);
  }

  @Test
  void theDatabaseKeepsTheRateUsedWholeAndNotFromAfterTheSpending() {
    rates.importCsv("currency,valid_from,rate\nXOF,2026-01-01,655.957\n", "frank");
    long rate = rates.list("XOF").get(0).id();
    String insert = """
        INSERT INTO spending_item (grant_reference, line_code, spent_on, description, original_amount, original_currency,
          exchange_rate_id, units_per_euro, rate_valid_from, amount, reported_by, reported_at)
        VALUES ('LYON-2026', 'experiments', DATE '2026-02-10', %s, %s, 'XOF', %s, %s, %s, %s, 'lyon', CURRENT_TIMESTAMP)""";
    String good = insert.formatted("'sensors'", "655957", rate, "655.957", "DATE '2026-01-01'", "1000");
    jdbc.sql(good).update();

    // the rate used: all three of its figures, or none of them
    assertViolation(insert.formatted("'sensors'", "655957", rate, "NULL", "DATE '2026-01-01'", "1000"));
    assertViolation(insert.formatted("'sensors'", "655957", rate, "655.957", "NULL", "1000"));
    assertViolation(insert.formatted("'sensors'", "655957", "NULL", "655.957", "DATE '2026-01-01'", "1000"));
    assertViolation(insert.formatted("'sensors'", "655957", rate, "0", "DATE '2026-01-01'", "1000"));
    // not a rate valid from after the day of the spending
    assertViolation(insert.formatted("'sensors'", "655957", rate, "655.957", "DATE '2026-03-01'", "1000"));
    // the rate row's own figures, of the currency paid
    assertViolation(insert.formatted("'sensors'", "655957", rate, "700", "DATE '2026-01-01'", "937.08"));
    assertViolation(insert.formatted("'sensors'", "655957", rate, "655.957", "DATE '2025-12-01'", "1000"));
    assertViolation(good.replace("'XOF'", "'UGX'"));
    // the euro amount is the original at that rate, to the cent
    assertViolation(insert.formatted("'sensors'", "655957", rate, "655.957", "DATE '2026-01-01'", "999.99"));
    jdbc.sql(insert.formatted("'rounded'", "1000", rate, "655.957", "DATE '2026-01-01'", "1.52")).update();
    assertViolation(insert.formatted("'sensors'", "1000", rate, "655.957", "DATE '2026-01-01'", "1.53"));
    // without a rate: in the grant's currency, the same amount, a currency code
    String own = insert.formatted("'train'", "120.50", "NULL", "NULL", "NULL", "120.50").replace("'XOF'", "'EUR'");
    jdbc.sql(own).update();
    assertViolation(own.replace(", 120.50, 'lyon'", ", 120.00, 'lyon'"));
    assertViolation(own.replace("'EUR'", "'eur'"));
    assertViolation(own.replace("'EUR'", "'E1'"));
    // not a rate that was never imported
    assertViolation(insert.formatted("'sensors'", "655957", rate + 1000, "655.957", "DATE '2026-01-01'", "1000"));
    // amounts above zero, something said, a line of the grant
    assertViolation(insert.formatted("'sensors'", "0", rate, "655.957", "DATE '2026-01-01'", "1000"));
    assertViolation(insert.formatted("'sensors'", "655957", rate, "655.957", "DATE '2026-01-01'", "0"));
    assertViolation(insert.formatted("'  '", "655957", rate, "655.957", "DATE '2026-01-01'", "1000"));
    assertViolation(good.replace("'experiments'", "'travel'"));
    assertViolation(good.replace("'LYON-2026'", "'GENT-2026'"));

    assertThat(spending.items(LYON)).extracting(SpendingItem::description).containsExactly("sensors", "rounded", "train");
  }

  private void assertViolation(String sql) {
    assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataIntegrityViolationException.class);
  }
}
