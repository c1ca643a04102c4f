package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.FormData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** POST /api/grants/{reference}/early-stop: officers stop grants, which then go to settlement. */
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
class EarlyStopApiTest extends ApiTest {

  static final String REASON = "The council withdrew its support for the schoolyards.";

  @Autowired HistoryService historyService;

  @Test
  void anOfficerStopsAGrantAndItGoesToSettlement() throws Exception {
    String grant = grantWithAdvancePaid("lyon", "coach1");

    mvc.perform(as(OFFICER, stop(grant, "{\"reason\": \"" + REASON + "\"}")))
        .andExpect(status().isAccepted())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.grantReference").value(grant))
        .andExpect(jsonPath("$.stoppedBy").value(OFFICER))
        .andExpect(jsonPath("$.reason").value(REASON))
        .andExpect(jsonPath("$.statement").value("/api/grants/" + grant + "/statement"));
    journey.runAsyncJobs();

    assertThat(passed(grant, "SubProcess_EarlyStop")).isTrue();
    assertThat(journey.variable(grant, "earlyStopReason")).isEqualTo(REASON);
    assertThat(journey.variable(grant, "stoppedBy")).isEqualTo(OFFICER);
    assertThat(journey.openTaskKeys(grant)).as("the unspent advance is recovered")
        .containsExactly(PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED);
    GrantStatement settling = ledger.statement(grant);
    assertThat(settling.recoveryOrdered()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(settling.balanced()).isTrue();
    mvc.perform(as(OFFICER, get("/api/grants/{reference}/statement", grant)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recoveryOrdered").value("12000.00"))
        .andExpect(jsonPath("$.committed").value("0.00"))
        .andExpect(jsonPath("$.balanced").value(true));

    mvc.perform(as(OFFICER, stop(grant, "{\"reason\": \"again\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("reference"))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("already being stopped")));
  }

  @Test
  void aGrantWithNothingPaidIsClosedAtOnce() throws Exception {
    String grant = grantInPreparation("tampere", "coach2");

    mvc.perform(as(OFFICER, stop(grant, "{\"reason\": \"" + REASON + "\"}")))
        .andExpect(status().isAccepted());
    journey.runAsyncJobs();

    assertThat(journey.endedAt(grant, GRANT_STOPPED_EARLY)).isTrue();
    mvc.perform(as(OFFICER, get("/api/grants/{reference}/statement", grant)))
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.balanced").value(true));
    mvc.perform(as(OFFICER, stop(grant, "{\"reason\": \"" + REASON + "\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("reference"))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("already closed")));
  }

  @Test
  void aCityCoachManagerOrFinanceOfficerCannotStopAGrant() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    List<String> openBefore = journey.openTaskKeys(grant);

    for (String user : new String[] {"lyon", "coach1", MANAGER, FINANCE_REQUESTER}) {
      mvc.perform(as(user, stop(grant, "{\"reason\": \"" + REASON + "\"}")))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.status").value(403))
          .andExpect(jsonPath("$.message").value("Only a programme officer can stop a grant."));
    }
    journey.runAsyncJobs();

    assertThat(journey.mainInstance(grant)).isNotNull();
    assertThat(journey.openTaskKeys(grant)).isEqualTo(openBefore);
    assertThat(passed(grant, "SubProcess_EarlyStop")).isFalse();
  }

  @Test
  void aStopWithoutReasonIs400NamingTheField() throws Exception {
    String grant = applyAndAward("lyon", 30000);
    List<String> openBefore = journey.openTaskKeys(grant);

    for (String body : new String[] {"{}", "{\"reason\": null}", "{\"reason\": \"   \"}", ""}) {
      mvc.perform(as(OFFICER, stop(grant, body)))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
          .andExpect(jsonPath("$.status").value(400))
          .andExpect(jsonPath("$.field").value("reason"))
          .andExpect(jsonPath("$.message").value("Say why the grant is stopped."));
    }
    mvc.perform(as(OFFICER, stop(grant, "{\"reason\": ")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("not valid JSON")));

    assertThat(journey.openTaskKeys(grant)).isEqualTo(openBefore);
    assertThat(passed(grant, "SubProcess_EarlyStop")).isFalse();
  }

  @Test
  void anUnknownGrantIs404AndAGrantNotYetAwarded400() throws Exception {
    mvc.perform(as(OFFICER, stop("NOWHERE-1999", "{\"reason\": \"" + REASON + "\"}")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("There is no grant NOWHERE-1999."));

    String applied = journey.apply("lyon", FormData.application("learning"));
    mvc.perform(as(OFFICER, stop(applied, "{\"reason\": \"" + REASON + "\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("reference"))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("not awarded")));
    assertThat(journey.openTaskKeys(applied)).containsExactly(SIZE_GRANT);
  }

  /** The POST as a browser or client would send it (CSRF token harmless where CSRF is off). */
  private static MockHttpServletRequestBuilder stop(String grant, String body) {
    return post("/api/grants/{reference}/early-stop", grant)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .content(body)
        .with(csrf());
  }

  private boolean passed(String grant, String activityId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(grant).list().stream()
        .anyMatch(instance -> historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(activityId).count() > 0);
  }
}
