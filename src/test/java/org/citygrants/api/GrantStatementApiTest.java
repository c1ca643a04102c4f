package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.Movement;
import org.citygrants.ledger.Payment;
import org.citygrants.support.FormData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** GET /api/grants/{reference}/statement: the ledger's figures, and who may read them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
class GrantStatementApiTest extends ApiTest {

  @Autowired ObjectMapper json;

  private String lyonGrant;
  private String tampereGrant;

  @BeforeAll
  void grants() {
    lyonGrant = grantWithAdvancePaid("lyon", "coach1");
    tampereGrant = grantInPreparation("tampere", "coach2");
  }

  @Test
  void theStatementShowsTheLedgersFiguresToTheCentAndIsBalanced() throws Exception {
    GrantStatement ledgerStatement = ledger.statement(lyonGrant);

    String body = mvc.perform(as(OFFICER, get("/api/grants/{reference}/statement", lyonGrant)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andReturn().getResponse().getContentAsString();
    JsonNode statement = json.readTree(body);

    assertThat(statement.path("grantReference").asText()).isEqualTo(lyonGrant);
    assertThat(statement.path("cityCode").asText()).isEqualTo("lyon");
    assertThat(statement.path("cityName").asText()).isEqualTo("Lyon");
    assertThat(statement.path("coach").asText()).isEqualTo("coach1");
    assertThat(statement.path("objectiveType").asText()).isEqualTo("learning");
    assertThat(statement.path("currency").asText()).isEqualTo("EUR");
    assertThat(statement.path("status").asText()).isEqualTo("OPEN");
    assertAmount(statement, "awarded", ledgerStatement.awarded());
    assertAmount(statement, "committed", ledgerStatement.committed());
    assertAmount(statement, "pendingPayments", ledgerStatement.pendingPayments());
    assertAmount(statement, "paid", ledgerStatement.paid());
    assertAmount(statement, "reportedSpent", ledgerStatement.reportedSpent());
    assertAmount(statement, "recoveryOrdered", ledgerStatement.recoveryOrdered());
    assertAmount(statement, "recovered", ledgerStatement.recovered());
    assertAmount(statement, "available", ledgerStatement.available());
    assertAmount(statement, "cityFloat", ledgerStatement.cityFloat());
    assertThat(statement.path("awarded").asText()).isEqualTo("40000.00");
    assertThat(statement.path("paid").asText()).isEqualTo("12000.00");
    assertThat(statement.path("balanced").isBoolean()).isTrue();
    assertThat(statement.path("balanced").asBoolean()).isTrue();
    assertThat(ledgerStatement.balanced()).isTrue();
    assertThat(statement.path("imbalances")).isEmpty();

    JsonNode lines = statement.path("budgetLines");
    assertThat(lines).hasSize(ledgerStatement.budgetLines().size());
    for (int i = 0; i < lines.size(); i++) {
      GrantStatement.BudgetLineStatement line = ledgerStatement.budgetLines().get(i);
      assertThat(lines.get(i).path("line").asText()).isEqualTo(line.line().code());
      assertAmount(lines.get(i), "allocated", line.allocated());
      assertAmount(lines.get(i), "committed", line.committed());
      assertAmount(lines.get(i), "remaining", line.remaining());
    }

    JsonNode payments = statement.path("payments");
    assertThat(payments).hasSize(1);
    Payment advance = ledgerStatement.payments().get(0);
    assertThat(payments.get(0).path("paymentKey").asText()).isEqualTo(advance.paymentKey());
    assertThat(payments.get(0).path("kind").asText()).isEqualTo("ADVANCE");
    assertThat(payments.get(0).path("status").asText()).isEqualTo("DISBURSED");
    assertThat(payments.get(0).path("requestedBy").asText()).isEqualTo(FINANCE_REQUESTER);
    assertThat(payments.get(0).path("approvedBy").asText()).isEqualTo(FINANCE_APPROVER);
    assertAmount(payments.get(0), "amount", advance.amount());
    assertThat(payments.get(0).path("disbursedAt").asText()).as("ISO-8601 instant").endsWith("Z");

    JsonNode movements = statement.path("movements");
    assertThat(movements).hasSize(ledgerStatement.movements().size());
    for (int i = 0; i < movements.size(); i++) {
      Movement movement = ledgerStatement.movements().get(i);
      assertThat(movements.get(i).path("id").asLong()).isEqualTo(movement.id());
      assertThat(movements.get(i).path("type").asText()).isEqualTo(movement.type().name());
      assertThat(movements.get(i).path("actor").asText()).isEqualTo(movement.actor());
      assertThat(movements.get(i).path("referenceKey").asText()).isEqualTo(movement.referenceKey());
      assertAmount(movements.get(i), "amount", movement.amount());
    }
  }

  @ParameterizedTest(name = "{0} reads Tampere's statement")
  @ValueSource(strings = {"officer", "manager", "finance1", "finance2", "coach2", "tampere"})
  void programmeStaffFinanceTheGrantsCoachAndItsCityReadTheStatement(String user) throws Exception {
    mvc.perform(as(user, get("/api/grants/{reference}/statement", tampereGrant)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.grantReference").value(tampereGrant))
        .andExpect(jsonPath("$.cityCode").value("tampere"))
        .andExpect(jsonPath("$.coach").value("coach2"))
        .andExpect(jsonPath("$.awarded").value("40000.00"))
        .andExpect(jsonPath("$.balanced").value(true));
  }

  @ParameterizedTest(name = "{0} may not read Tampere's statement")
  @ValueSource(strings = {"lyon", "coach1", "admin"})
  void anotherCityAnotherCoachAndTheAdministratorGet403(String user) throws Exception {
    mvc.perform(as(user, get("/api/grants/{reference}/statement", tampereGrant)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(jsonPath("$.message").value(containsString(tampereGrant)))
        .andExpect(jsonPath("$.awarded").doesNotExist());
  }

  @Test
  void aCityReadsItsOwnStatement() throws Exception {
    mvc.perform(as("lyon", get("/api/grants/{reference}/statement", lyonGrant)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paid").value("12000.00"))
        .andExpect(jsonPath("$.available").value(matchesPattern(AMOUNT)))
        .andExpect(jsonPath("$.payments", hasSize(1)));
    mvc.perform(as("coach1", get("/api/grants/{reference}/statement", lyonGrant)))
        .andExpect(status().isOk());
    mvc.perform(as("tampere", get("/api/grants/{reference}/statement", lyonGrant)))
        .andExpect(status().isForbidden());
  }

  @Test
  void anUnknownGrantIs404WithAJsonError() throws Exception {
    for (String user : new String[] {OFFICER, "lyon"}) {
      mvc.perform(as(user, get("/api/grants/{reference}/statement", "NOWHERE-1999")))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
          .andExpect(jsonPath("$.status").value(404))
          .andExpect(jsonPath("$.error").value("Not Found"))
          .andExpect(jsonPath("$.message").value("There is no grant NOWHERE-1999."))
          .andExpect(jsonPath("$.path").value("/api/grants/NOWHERE-1999/statement"));
    }
  }

  @Test
  void aGrantNotYetAwardedHasNoStatement() throws Exception {
    String applied = journey.apply("lyon", FormData.application("learning"));

    mvc.perform(as("lyon", get("/api/grants/{reference}/statement", applied)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value(containsString("has not been awarded")));
    mvc.perform(as("tampere", get("/api/grants/{reference}/statement", applied)))
        .andExpect(status().isForbidden());
  }

  @Test
  void withoutSigningInThereIsNoStatement() throws Exception {
    mvc.perform(get("/api/grants/{reference}/statement", lyonGrant).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isUnauthorized());
  }

  private static void assertAmount(JsonNode node, String field, BigDecimal expected) {
    JsonNode value = node.path(field);
    assertThat(value.isTextual()).as("%s is a string", field).isTrue();
    assertThat(value.asText()).as(field).matches(AMOUNT);
    assertThat(new BigDecimal(value.asText())).as(field).isEqualByComparingTo(expected);
    assertThat(value.asText()).as(field).isEqualTo(expected.setScale(2).toPlainString());
  }
}
