package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.citygrants.ledger.BudgetVsActualRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/** GET /api/programme/budget-vs-actual as JSON and CSV, for programme staff and finance only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
class BudgetVsActualApiTest extends ApiTest {

  /** A city name that needs CSV quoting: a comma and quotes. */
  static final String AWKWARD_CITY_NAME = "Tampere, \"Manse\"";
  static final String HEADER = "grantReference,cityCode,cityName,coach,status,currency,awarded,committed,paid,"
      + "reportedSpent,recovered,available,itemisedSpent,itemisedOriginals";

  @Autowired ObjectMapper json;
  @Autowired IdentityService identityService;

  private String lyonGrant;
  private String tampereGrant;

  @BeforeAll
  void grants() {
    lyonGrant = grantWithAdvancePaid("lyon", "coach1");
    Group tampere = identityService.createGroupQuery().groupId("city-tampere").singleResult();
    String name = tampere.getName();
    tampere.setName(AWKWARD_CITY_NAME);
    identityService.saveGroup(tampere);
    try {
      tampereGrant = applyAndAward("tampere", 35000);
    } finally {
      tampere.setName(name);
      identityService.saveGroup(tampere);
    }
  }

  @Test
  void theJsonHasOneRowPerGrantWithTheLedgersFigures() throws Exception {
    List<BudgetVsActualRow> ledgerRows = ledger.budgetVsActual();

    String body = mvc.perform(as(FINANCE_REQUESTER, get("/api/programme/budget-vs-actual")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andReturn().getResponse().getContentAsString();
    JsonNode rows = json.readTree(body).path("rows");

    assertThat(json.readTree(body).path("generatedAt").asText()).endsWith("Z");
    assertThat(rows).hasSize(ledgerRows.size());
    for (BudgetVsActualRow expected : ledgerRows) {
      JsonNode row = rowOf(rows, expected.grantReference());
      assertThat(row.path("cityCode").asText()).isEqualTo(expected.cityCode());
      assertThat(row.path("status").asText()).isEqualTo(expected.status().name());
      assertThat(row.path("currency").asText()).isEqualTo(expected.currency());
      assertThat(row.path("awarded").asText()).isEqualTo(expected.awarded().setScale(2).toPlainString());
      assertThat(row.path("committed").asText()).isEqualTo(expected.committed().setScale(2).toPlainString());
      assertThat(row.path("paid").asText()).isEqualTo(expected.paid().setScale(2).toPlainString());
      assertThat(row.path("reportedSpent").asText()).isEqualTo(expected.reportedSpent().setScale(2).toPlainString());
      assertThat(row.path("recovered").asText()).isEqualTo(expected.recovered().setScale(2).toPlainString());
      assertThat(row.path("available").asText()).isEqualTo(expected.available().setScale(2).toPlainString());
    }
    JsonNode lyon = rowOf(rows, lyonGrant);
    assertThat(lyon.path("cityName").asText()).isEqualTo("Lyon");
    assertThat(lyon.path("coach").asText()).isEqualTo("coach1");
    assertThat(lyon.path("paid").asText()).isEqualTo("12000.00");
    assertThat(rowOf(rows, tampereGrant).path("cityName").asText()).isEqualTo(AWKWARD_CITY_NAME);
    assertThat(rowOf(rows, tampereGrant).path("awarded").asText()).isEqualTo("35000.00");
  }

  @Test
  void theCsvIsAnAttachmentWithAHeaderAndOneQuotedRowPerGrant() throws Exception {
    List<BudgetVsActualRow> ledgerRows = ledger.budgetVsActual();

    MockHttpServletResponse response = mvc.perform(as(MANAGER, get("/api/programme/budget-vs-actual.csv")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
        .andReturn().getResponse();
    String disposition = response.getHeader("Content-Disposition");
    assertThat(disposition).startsWith("attachment;").containsPattern("filename=\"budget-vs-actual-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
    String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);

    assertThat(csv).startsWith(HEADER + "\r\n").endsWith("\r\n");
    List<List<String>> records = parse(csv);
    assertThat(records.get(0)).containsExactly(HEADER.split(","));
    assertThat(records).hasSize(ledgerRows.size() + 1);
    assertThat(records.subList(1, records.size())).extracting(r -> r.get(0))
        .containsExactlyElementsOf(ledgerRows.stream().map(BudgetVsActualRow::grantReference).sorted().toList());
    assertThat(records).allSatisfy(r -> assertThat(r).hasSize(14));

    assertThat(csv).contains(lyonGrant + ",lyon,Lyon,coach1,OPEN,EUR,40000.00,");
    assertThat(csv).as("comma and quotes quoted, quotes doubled")
        .contains(tampereGrant + ",tampere,\"Tampere, \"\"Manse\"\"\",,OPEN,EUR,35000.00,0.00,0.00,0.00,0.00,35000.00,0.00,\r\n");
    List<String> tampere = records.stream().filter(r -> r.get(0).equals(tampereGrant)).findFirst().orElseThrow();
    assertThat(tampere.get(2)).isEqualTo(AWKWARD_CITY_NAME);
    for (List<String> record : records.subList(1, records.size())) {
      assertThat(record.subList(6, 13)).allSatisfy(amount -> assertThat(amount).matches(AMOUNT));
    }
  }

  @Test
  void acceptTextCsvGivesTheSameCsvOnTheJsonAddress() throws Exception {
    byte[] download = mvc.perform(as(OFFICER, get("/api/programme/budget-vs-actual.csv")))
        .andReturn().getResponse().getContentAsByteArray();

    MockHttpServletResponse negotiated = mvc.perform(as(OFFICER, get("/api/programme/budget-vs-actual")
            .accept("text/csv")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
        .andReturn().getResponse();

    assertThat(new String(negotiated.getContentAsByteArray(), StandardCharsets.UTF_8))
        .isEqualTo(new String(download, StandardCharsets.UTF_8));
    mvc.perform(as(OFFICER, get("/api/programme/budget-vs-actual").accept("text/html,application/xhtml+xml,*/*;q=0.8")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
  }

  @ParameterizedTest(name = "{0} may not see the programme's money")
  @ValueSource(strings = {"lyon", "tampere", "coach1", "admin"})
  void citiesAndCoachesGet403OnJsonAndCsv(String user) throws Exception {
    mvc.perform(as(user, get("/api/programme/budget-vs-actual")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(jsonPath("$.rows").doesNotExist());
    mvc.perform(as(user, get("/api/programme/budget-vs-actual.csv")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("budget vs actual")));
    mvc.perform(as(user, get("/api/programme/budget-vs-actual").accept("text/csv")))
        .andExpect(status().isForbidden());
  }

  private static JsonNode rowOf(JsonNode rows, String grantReference) {
    for (JsonNode row : rows) {
      if (row.path("grantReference").asText().equals(grantReference)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + grantReference + " in " + rows);
  }

  /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
  static List<List<String>> parse(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (c == '"' && field.isEmpty()) {
        i++;
        while (true) {
          char q = csv.charAt(i);
          if (q == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
          } else if (q == '"') {
            i++;
            break;
          } else {
            field.append(q);
            i++;
          }
        }
        char next = csv.charAt(i);
        assertThat(next).as("after a quoted field at %d", i).isIn(',', '\r');
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r') {
        assertThat(csv.charAt(i + 1)).as("CRLF").isEqualTo('\n');
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else {
        assertThat(c).as("bare quote or LF at %d", i).isNotIn('"', '\n');
        field.append(c);
        i++;
      }
    }
    assertThat(record).as("the last record ends with CRLF").isEmpty();
    return records;
  }
}
