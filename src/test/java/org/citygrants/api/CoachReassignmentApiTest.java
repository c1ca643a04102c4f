package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.CONFIRM_READINESS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** PUT /api/grants/{reference}/coach: a manager moves a grant, its coach tasks and rights to another coach. */
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
class CoachReassignmentApiTest extends ApiTest {

  @Test
  void aManagerHandsTheGrantToAnotherCoachWhoGetsItsTasksAndItsStatement() throws Exception {
    String grant = grantWithAdvancePaid("lyon", "coach1");
    assertThat(journey.task(grant, CONFIRM_READINESS).getAssignee()).isEqualTo("coach1");

    mvc.perform(as("manager", reassign(grant, "{\"coach\": \"coach2\"}")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.previousCoach").value("coach1"))
        .andExpect(jsonPath("$.newCoach").value("coach2"));

    assertThat(journey.task(grant, CONFIRM_READINESS).getAssignee()).isEqualTo("coach2");
    assertThat(journey.variable(grant, "coach")).isEqualTo("coach2");
    mvc.perform(as("coach2", get("/api/grants/{reference}/statement", grant))).andExpect(status().isOk());
    mvc.perform(as("coach1", get("/api/grants/{reference}/statement", grant))).andExpect(status().isForbidden());
  }

  @Test
  void onlyAManagerReassignsAndOnlyToACoach() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");

    mvc.perform(as("lyon", reassign(grant, "{\"coach\": \"coach2\"}"))).andExpect(status().isForbidden());
    mvc.perform(as("coach1", reassign(grant, "{\"coach\": \"coach2\"}"))).andExpect(status().isForbidden());
    mvc.perform(as("manager", reassign(grant, "{\"coach\": \"officer\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("coach"));
    mvc.perform(as("manager", reassign("NOWHERE-2026", "{\"coach\": \"coach2\"}"))).andExpect(status().isNotFound());
    assertThat(journey.variable(grant, "coach")).as("nothing changed").isEqualTo("coach1");
  }

  private static MockHttpServletRequestBuilder reassign(String grant, String body) {
    return put("/api/grants/{reference}/coach", grant).contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
