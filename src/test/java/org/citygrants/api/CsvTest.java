package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CSV writing and the Accept negotiation of budget-vs-actual, without the application. */
class CsvTest {

  @Test
  void fieldsAreQuotedOnlyWhenNeededAndQuotesDoubled() {
    assertThat(Csv.quote("Lyon")).isEqualTo("Lyon");
    assertThat(Csv.quote("Tampere, Pirkanmaa")).isEqualTo("\"Tampere, Pirkanmaa\"");
    assertThat(Csv.quote("the \"Manse\"")).isEqualTo("\"the \"\"Manse\"\"\"");
    assertThat(Csv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.quote("cr\rhere")).isEqualTo("\"cr\rhere\"");
    assertThat(Csv.quote(" padded ")).isEqualTo("\" padded \"");
    assertThat(Csv.quote("Wiśniewska")).isEqualTo("Wiśniewska");
    assertThat(Csv.quote(null)).isEmpty();
  }

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(Csv.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.text("+1")).isEqualTo("'+1");
    assertThat(Csv.text("-1")).isEqualTo("'-1");
    assertThat(Csv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.text("Saint-Étienne")).isEqualTo("Saint-Étienne");
  }

  @Test
  void aRecordEndsWithCrlfAndLeavesAmountsAsTheyAre() {
    List<String> cells = Arrays.asList("LYON-2026", "a, b", null, "-5.00");
    assertThat(Csv.record(cells, Set.of(3))).isEqualTo("LYON-2026,\"a, b\",,-5.00\r\n");
    assertThat(Csv.record(cells, Set.of())).isEqualTo("LYON-2026,\"a, b\",,'-5.00\r\n");
  }

  @ParameterizedTest(name = "Accept: {0} → csv {1}")
  @CsvSource(delimiter = '|', value = {
      "text/csv|true",
      "text/csv;charset=UTF-8|true",
      "application/json|false",
      "*/*|false",
      "'text/html,application/xhtml+xml,*/*;q=0.8'|false",
      "'application/json;q=0.5, text/csv'|true",
      "'text/csv;q=0.5, application/json'|false",
      "'text/csv, application/json'|true",
      "'text/csv;q=0, application/json'|false",
      "not a media type|false"})
  void csvOnlyWhenAskedForBeforeJson(String accept, boolean csv) {
    assertThat(ProgrammeController.prefersCsv(accept)).isEqualTo(csv);
  }

  @Test
  void noAcceptHeaderMeansJson() {
    assertThat(ProgrammeController.prefersCsv(null)).isFalse();
    assertThat(ProgrammeController.prefersCsv("")).isFalse();
  }

  @Test
  void amountsHaveTwoDecimalsAndADecimalPoint() {
    assertThat(Amounts.of(new java.math.BigDecimal("12000"))).isEqualTo("12000.00");
    assertThat(Amounts.of(new java.math.BigDecimal("1234567.5"))).isEqualTo("1234567.50");
    assertThat(Amounts.of(new java.math.BigDecimal("-3.10"))).isEqualTo("-3.10");
    assertThat(Amounts.of(null)).isNull();
  }
}
