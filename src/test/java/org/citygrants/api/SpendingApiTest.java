package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.evidence.EvidenceFiles;
import org.citygrants.evidence.SampleFiles;
import org.citygrants.ledger.MovementType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Spending in the city's own currency: finance imports the rate table from CSV (a bad line or a
 * changed rate refuses the whole file, nothing imported; the same file again changes nothing);
 * the city reports an expenditure in CFA francs with its invoice; the ledger keeps both amounts and
 * the rate of its day (a rate valid from a later day is not used); without a rate nothing is
 * recorded; the statement and budget-vs-actual show euros and the original currency.
 */
class SpendingApiTest extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired EvidenceFiles evidence;

  @Test
  void financeImportsRatesFromCsvAndABadFileImportsNothing() throws Exception {
    String file = "currency,valid_from,rate,source\nMAD,2026-01-01,10.85,Bank Al-Maghrib\nMAD,2026-07-01,10.9\n";
    mvc.perform(as(FINANCE_REQUESTER, rates(file)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rates[?(@.currency == 'MAD' && @.validFrom == '2026-01-01')].unitsPerEuro").value("10.850000"));
    mvc.perform(as(FINANCE_REQUESTER, rates(file)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(0)).andExpect(jsonPath("$.unchanged").value(2));
    int before = count("exchange_rate");

    mvc.perform(as(FINANCE_REQUESTER, rates("currency,valid_from,rate\nMAD,2026-01-01,11.2\nKES,2026-01-01,140\n")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("line 2, rate"))
        .andExpect(jsonPath("$.message").value(startsWith("The rate of MAD from 2026-01-01 is 10.850000 already")));
    mvc.perform(as(FINANCE_REQUESTER, rates("currency,valid_from,rate\nKES,2026-01-01,140\nK3S,2026-02-30,1\n")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("line 3, currency"));
    mvc.perform(as(FINANCE_REQUESTER, rates("currency,valid_from,rate\nKES,2026-02-30,140\n")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("line 2, valid_from"));
    mvc.perform(as(FINANCE_REQUESTER, rates("currency,valid_from,rate\nKES,2026-02-01,1,40\n")))
        .andExpect(status().isOk()); // 1,40 reads as rate 1 and source 40: a decimal comma is not a decimal
    mvc.perform(as(FINANCE_REQUESTER, rates("currency,valid_from,rate\nEUR,2026-02-01,1\n")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("line 2, currency"));
    mvc.perform(as(FINANCE_REQUESTER, rates("cur;day;rate\nKES;2026-01-01;140\n")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("line 1, header"));
    assertThat(count("exchange_rate")).as("only the good file's line").isEqualTo(before + 1);

    for (String other : new String[] {"lyon", OFFICER, "coach1"}) {
      mvc.perform(as(other, rates(file))).andExpect(status().isForbidden());
    }
    mvc.perform(as(OFFICER, get("/api/programme/exchange-rates").param("currency", "mad")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
    mvc.perform(as("lyon", get("/api/programme/exchange-rates"))).andExpect(status().isForbidden());
  }

  @Test
  void aCityReportsSpendingInCfaFrancsAndTheLedgerKeepsBothAmountsAndTheRateOfTheDay() throws Exception {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    mvc.perform(as(FINANCE_APPROVER, rates("currency,valid_from,rate,source\nXOF,2020-01-01,655.957,BCEAO\nXOF,"
        + today.plusDays(1) + ",700,later\n"))).andExpect(status().isOk());
    String grant = grantInPreparation("lyon", "coach1");
    String invoice = evidence.attach("lyon", grant, "invoice", "facture-capteurs.pdf", SampleFiles.pdf()).id();

    mvc.perform(as("lyon", spend(grant, "{\"amount\": \"655957\", \"currency\": \"XOF\", \"spentOn\": \"" + today
            + "\", \"description\": \"Capteurs d'humidité du sol\", \"documentId\": \"" + invoice + "\"}")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.originalAmount").value("655957.00"))
        .andExpect(jsonPath("$.originalCurrency").value("XOF"))
        .andExpect(jsonPath("$.amount").value("1000.00"))
        .andExpect(jsonPath("$.unitsPerEuro").value("655.957000"))
        .andExpect(jsonPath("$.rateValidFrom").value("2020-01-01"))
        .andExpect(jsonPath("$.line").value("experiments"))
        .andExpect(jsonPath("$.documentHref").value("/api/documents/" + invoice));
    mvc.perform(as("lyon", spend(grant, "{\"amount\": \"120.50\", \"currency\": \"EUR\", \"spentOn\": \"" + today
            + "\", \"line\": \"learning-activities\", \"description\": \"Train tickets\"}")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.amount").value("120.50"))
        .andExpect(jsonPath("$.unitsPerEuro").doesNotExist());

    // the statement: both items, euros and the original; the accepted spending is the reports' alone
    mvc.perform(as("coach1", get("/api/grants/{reference}/statement", grant)))
        .andExpect(jsonPath("$.spendingItems.length()").value(2))
        .andExpect(jsonPath("$.spendingItems[0].originalCurrency").value("XOF"))
        .andExpect(jsonPath("$.reportedSpent").value("0.00"))
        .andExpect(jsonPath("$.balanced").value(true));
    assertThat(ledger.statement(grant).movements()).filteredOn(m -> m.type() == MovementType.SPENDING_ITEM_REPORTED)
        .hasSize(2).allSatisfy(m -> assertThat(m.actor()).isEqualTo("lyon"));
    mvc.perform(as(OFFICER, get("/api/programme/budget-vs-actual")))
        .andExpect(jsonPath("$.rows[?(@.grantReference == '" + grant + "')].itemisedSpent").value("1120.50"))
        .andExpect(jsonPath("$.rows[?(@.grantReference == '" + grant + "')].itemisedOriginals").value("XOF 655957.00"));
    mvc.perform(as(OFFICER, get("/api/programme/budget-vs-actual.csv")))
        .andExpect(content().string(containsString("available,itemisedSpent,itemisedOriginals")))
        .andExpect(content().string(containsString(",1120.50,XOF 655957.00")));
    mvc.perform(as("lyon", get("/api/grants/{reference}/spending", grant)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
    // the grant's page: the items in the reader's words, and who may report
    mvc.perform(as("lyon", get("/api/grants/{reference}", grant).header("Accept-Language", "fr")))
        .andExpect(jsonPath("$.spending.length()").value(2))
        .andExpect(jsonPath("$.spending[1].original").value("655\u202f957,00 XOF"))
        .andExpect(jsonPath("$.spending[1].rate").value(startsWith("1 EUR = 655,957 XOF, taux du")))
        .andExpect(jsonPath("$.actions.reportSpending").value(true))
        .andExpect(jsonPath("$.actions.currencies[0].value").value("EUR"))
        .andExpect(jsonPath("$.actions.invoices[0].label").value("facture-capteurs.pdf"));
    mvc.perform(as("coach1", get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.actions.reportSpending").value(false));
  }

  @Test
  void badSpendingIsRefusedNamingTheFieldAndNothingIsRecorded() throws Exception {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    String grant = grantInPreparation("lyon", "coach1");
    String tamperes = grantInPreparation("tampere", "coach2");
    String othersFile = evidence.attach("tampere", tamperes, "invoice", "invoice.pdf", SampleFiles.pdf()).id();
    String[][] refused = {
        {"{\"amount\": \"100\", \"currency\": \"UGX\", \"spentOn\": \"" + today + "\", \"description\": \"x\"}", "currency"},
        {"{\"amount\": \"ten\", \"currency\": \"EUR\", \"spentOn\": \"" + today + "\", \"description\": \"x\"}", "amount"},
        {"{\"amount\": \"-5\", \"currency\": \"EUR\", \"spentOn\": \"" + today + "\", \"description\": \"x\"}", "amount"},
        {"{\"amount\": \"5\", \"currency\": \"E1\", \"spentOn\": \"" + today + "\", \"description\": \"x\"}", "currency"},
        {"{\"amount\": \"5\", \"currency\": \"EUR\", \"spentOn\": \"" + today.plusDays(2) + "\", \"description\": \"x\"}", "spentOn"},
        {"{\"amount\": \"5\", \"currency\": \"EUR\", \"spentOn\": \"2027-02-30\", \"description\": \"x\"}", "spentOn"},
        {"{\"amount\": \"5\", \"currency\": \"EUR\", \"spentOn\": \"2020-01-10\", \"description\": \"x\"}", "spentOn"},
        {"{\"amount\": \"5\", \"currency\": \"EUR\", \"spentOn\": \"" + today + "\"}", "description"},
        {"{\"amount\": \"5\", \"currency\": \"EUR\", \"spentOn\": \"" + today + "\", \"description\": \"x\", \"line\": \"travel\"}", "line"},
        {"{\"amount\": \"5\", \"currency\": \"EUR\", \"spentOn\": \"" + today + "\", \"description\": \"x\", \"documentId\": \""
            + othersFile + "\"}", "documentId"},
        {"{\"amount\": \"0.01\", \"currency\": \"TZS\", \"spentOn\": \"" + today + "\", \"description\": \"x\"}", "amount"}};
    mvc.perform(as(FINANCE_REQUESTER, rates("currency,valid_from,rate\nTZS,2020-01-01,2800\n"))).andExpect(status().isOk());
    for (String[] input : refused) {
      mvc.perform(as("lyon", spend(grant, input[0])))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value(input[1]));
    }
    mvc.perform(as("lyon", spend(grant, refused[0][0]).header("Accept-Language", "fr")))
        .andExpect(jsonPath("$.message").value(startsWith("Il n’y a pas de taux de UGX")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM spending_item WHERE grant_reference = ?").param(grant)
        .query(Integer.class).single()).as("nothing recorded").isZero();

    String good = "{\"amount\": \"5\", \"currency\": \"EUR\", \"spentOn\": \"" + today + "\", \"description\": \"x\"}";
    mvc.perform(as("tampere", spend(grant, good))).andExpect(status().isForbidden());
    mvc.perform(as("coach1", spend(grant, good))).andExpect(status().isForbidden());
    mvc.perform(as("tampere", get("/api/grants/{reference}/spending", grant))).andExpect(status().isForbidden());
    mvc.perform(as("lyon", spend("NOWHERE-1999", good))).andExpect(status().isNotFound());

    // the database keeps a rate's day before the spending's
    assertThatThrownBy(() -> jdbc.sql("""
        INSERT INTO spending_item (grant_reference, line_code, spent_on, description, original_amount, original_currency,
          exchange_rate_id, units_per_euro, rate_valid_from, amount, reported_by, reported_at)
        VALUES (?, 'experiments', DATE '2026-01-01', 'x', 10, 'XOF',
          (SELECT MIN(id) FROM exchange_rate), 655.957, DATE '2026-06-01', 1, 'lyon', CURRENT_TIMESTAMP)""")
        .param(grant).update()).hasStackTraceContaining("CK_SPENDING_ITEM_RATE");
  }

  @Test
  void financeImportsTheRateFileAsAFormsFileToo() throws Exception {
    String day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).minusDays(3).toString();
    MockMultipartFile file = new MockMultipartFile("file", "taux.csv", "text/csv",
        ("\uFEFFcurrency,valid_from,rate,source\r\nNGN," + day + ",1650.25,CBN\r\n").getBytes(StandardCharsets.UTF_8));

    mvc.perform(as(FINANCE_APPROVER, multipart("/api/programme/exchange-rates").file(file).with(csrf())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.added").value(1))
        .andExpect(jsonPath("$.rates[?(@.currency == 'NGN')].source").value("CBN"));
    mvc.perform(as(FINANCE_APPROVER, multipart("/api/programme/exchange-rates").file(file).with(csrf())))
        .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(0)).andExpect(jsonPath("$.unchanged").value(1));
    mvc.perform(as(FINANCE_APPROVER, multipart("/api/programme/exchange-rates").file(new MockMultipartFile("file",
            "taux.csv", "text/csv", ("currency,valid_from,rate\nRWF," + day + ",1500\nNGN," + day + ",1700\n")
            .getBytes(StandardCharsets.UTF_8))).with(csrf()).header("Accept-Language", "fr")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("line 3, rate"))
        .andExpect(jsonPath("$.message").value(startsWith("Le taux de NGN à partir du " + day + " est déjà 1650.250000")));
    mvc.perform(as(FINANCE_APPROVER, multipart("/api/programme/exchange-rates").with(csrf())))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("file"));
    mvc.perform(as("lyon", multipart("/api/programme/exchange-rates").file(file).with(csrf())))
        .andExpect(status().isForbidden());
    mvc.perform(as(FINANCE_APPROVER, get("/api/programme/exchange-rates").param("currency", "RWF")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void expendituresIsTheSameResourceAndOnlyThoseWhoFollowTheGrantReadIt() throws Exception {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    String grant = grantInPreparation("lyon", "coach1");
    mvc.perform(as("lyon", post("/api/grants/{reference}/expenditures", grant).contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\": \"80\", \"currency\": \"EUR\", \"spentOn\": \"" + today
                + "\", \"description\": \"Printing\"}").with(csrf())))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value("80.00"));

    // a phone on a slow line sends it again: the same key answers the first item, nothing more is recorded
    String paper = "{\"amount\": \"45\", \"currency\": \"EUR\", \"spentOn\": \"" + today
        + "\", \"description\": \"Paper\"}";
    String firstId = mvc.perform(as("lyon", spend(grant, paper).header("Idempotency-Key", "9b1f0c1e-paper")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1");
    mvc.perform(as("lyon", spend(grant, paper).header("Idempotency-Key", "9b1f0c1e-paper")))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(Long.parseLong(firstId)));
    mvc.perform(as("lyon", spend(grant, paper.replace("\"45\"", "\"46\"")).header("Idempotency-Key", "9b1f0c1e-paper")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("Idempotency-Key"));
    mvc.perform(as("lyon", spend(grant, paper).header("Idempotency-Key", "two words")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("Idempotency-Key"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM spending_item WHERE grant_reference = ? AND description = 'Paper'")
        .param(grant).query(Integer.class).single()).isEqualTo(1);

    for (String reader : new String[] {"lyon", "coach1", OFFICER, FINANCE_REQUESTER}) {
      mvc.perform(as(reader, get("/api/grants/{reference}/expenditures", grant)))
          .andExpect(status().isOk()).andExpect(jsonPath("$[0].description").value("Printing"));
    }
    for (String stranger : new String[] {"tampere", "coach2"}) {
      mvc.perform(as(stranger, get("/api/grants/{reference}/expenditures", grant))).andExpect(status().isForbidden());
      mvc.perform(as(stranger, get("/api/grants/{reference}/spending", grant))).andExpect(status().isForbidden());
    }
  }

  @Test
  void theOpenApiDescriptionHasTheSpendingOperations() throws Exception {
    mvc.perform(as(OFFICER, get("/v3/api-docs")))
        .andExpect(jsonPath("$.paths['/api/programme/exchange-rates'].post.responses['400']").exists())
        .andExpect(jsonPath("$.paths['/api/programme/exchange-rates'].post.requestBody.content['text/csv']").exists())
        .andExpect(jsonPath("$.paths['/api/programme/exchange-rates'].post.requestBody.content['multipart/form-data']").exists())
        .andExpect(jsonPath("$.paths['/api/grants/{reference}/spending'].post.responses['201']").exists())
        .andExpect(jsonPath("$.paths['/api/grants/{reference}/expenditures'].post.responses['201']").exists());
  }

  private int count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
  }

  private static MockHttpServletRequestBuilder rates(String csv) {
    return post("/api/programme/exchange-rates").contentType("text/csv").content(csv).with(csrf());
  }

  private static MockHttpServletRequestBuilder spend(String grant, String body) {
    return post("/api/grants/{reference}/spending", grant).contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON).content(body).with(csrf());
  }
}
