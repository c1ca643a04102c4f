package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.grant.pause.GrantPauses;
import org.citygrants.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * POST /api/grants/{reference}/pause and /resume: programme officers only, bad input refused in the
 * reader's language with nothing changed, 409 for a pause of a paused grant or a resume of a
 * running one; the pause recorded with who; the grant page and the cohort view show it, in French
 * to lyon (the demo's French reader) and in English to the officer.
 */
class GrantPauseApiTest extends ApiTest {

  static final String SECOND_OFFICER = "officer-pause2";

  @Autowired GrantPauses pauses;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private String inAMonth;

  @BeforeEach
  void aSecondOfficer() {
    TestPeople.member(identityService, SECOND_OFFICER, "Nadia", "Benali", null, "programme-officers");
    inAMonth = today().plusDays(30).toString();
  }

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void anOfficerPausesAnotherResumesAndTheGrantPageAndCohortViewShowIt() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");

    mvc.perform(as(OFFICER, pause(grant, "{\"reason\": \"elections\", \"note\": \"Municipal elections in March.\", "
            + "\"expectedResume\": \"" + inAMonth + "\"}")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.grantReference").value(grant))
        .andExpect(jsonPath("$.paused").value(true))
        .andExpect(jsonPath("$.pausedBy").value(OFFICER))
        .andExpect(jsonPath("$.reason").value("elections"))
        .andExpect(jsonPath("$.reasonLabel").value("Elections"))
        .andExpect(jsonPath("$.expectedResume").value(inAMonth));
    assertThat(jdbc.sql("SELECT paused_by FROM grant_pause WHERE grant_reference = ?").param(grant)
        .query(String.class).single()).as("who paused: the signed-in officer").isEqualTo(OFFICER);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).active().count()).isZero();

    // lyon reads French: her grant's page says it is paused, why and until when; her steps wait
    mvc.perform(inFrench("lyon", get("/api/grants/{reference}", grant)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paused.reason").value("elections"))
        .andExpect(jsonPath("$.paused.reasonLabel").value("Élections"))
        .andExpect(jsonPath("$.paused.note").value("Municipal elections in March."))
        .andExpect(jsonPath("$.paused.by").value("Sofia Marques"))
        .andExpect(jsonPath("$.paused.expectedResume").value(inAMonth))
        .andExpect(jsonPath("$.paused.overdue").value(false))
        .andExpect(jsonPath("$.nextSteps[0].overdue").value(false))
        .andExpect(jsonPath("$.nextSteps[0].yours").value(true))
        .andExpect(jsonPath("$.nextSteps[0].taskUrl").value(org.hamcrest.Matchers.nullValue()))
        .andExpect(jsonPath("$.stepsDone[-1:].name").value(
            "Subvention mise en pause (Élections : Municipal elections in March.) ; reprise prévue le "
                + org.citygrants.language.Words.longDay(LocalDate.parse(inAMonth), java.util.Locale.FRENCH)));
    // the cohort view: every city sees the grant is paused and why; the note only its own city team
    mvc.perform(inFrench("lyon", get("/api/cohort")))
        .andExpect(jsonPath("$.grants[?(@.grantReference == '" + grant + "')].paused.reasonLabel").value("Élections"))
        .andExpect(jsonPath("$.grants[?(@.grantReference == '" + grant + "')].paused.note")
            .value("Municipal elections in March."));
    mvc.perform(as("tampere", get("/api/cohort")))
        .andExpect(jsonPath("$.grants[?(@.grantReference == '" + grant + "')].paused.reasonLabel").value("Elections"))
        .andExpect(jsonPath("$.grants[?(@.grantReference == '" + grant + "')].paused.note").isEmpty());

    // a second pause is a conflict, in words; so is a resume by nobody's right
    mvc.perform(as(SECOND_OFFICER, pause(grant, "{\"reason\": \"staff\", \"expectedResume\": \"" + inAMonth + "\"}")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.message").value(startsWith("Grant " + grant + " is paused already, since ")));

    // another officer resumes it: recorded with who, and the grant runs again
    mvc.perform(as(SECOND_OFFICER, resume(grant)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paused").value(false))
        .andExpect(jsonPath("$.pausedBy").value(OFFICER))
        .andExpect(jsonPath("$.resumedBy").value(SECOND_OFFICER))
        .andExpect(jsonPath("$.moved").exists());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).suspended().count()).isZero();
    mvc.perform(as(OFFICER, get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.paused").doesNotExist())
        .andExpect(jsonPath("$.pauses[0].pausedBy").value("Sofia Marques"))
        .andExpect(jsonPath("$.pauses[0].resumedBy").value("Nadia Benali"))
        .andExpect(jsonPath("$.pauses[0].movedDays").value(0));
    mvc.perform(as(OFFICER, resume(grant)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value("Grant " + grant + " is not paused: there is nothing to resume."));
  }

  @Test
  void theGrantPageOffersEachReaderWhatTheirRoleAndTheGrantsStateAllow() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");

    mvc.perform(as(OFFICER, get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.actions.pause").value(true))
        .andExpect(jsonPath("$.actions.resume").value(false))
        .andExpect(jsonPath("$.actions.stopEarly").value(true))
        .andExpect(jsonPath("$.actions.changeCoach").value(false))
        .andExpect(jsonPath("$.actions.pauseReasons[?(@.value == 'elections')].label").value("Elections"));
    mvc.perform(as(MANAGER, get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.actions.changeCoach").value(true))
        .andExpect(jsonPath("$.actions.pause").value(false))
        .andExpect(jsonPath("$.actions.stopEarly").value(false))
        .andExpect(jsonPath("$.actions.coaches").isNotEmpty())
        .andExpect(jsonPath("$.actions.coaches[?(@.value == 'coach1')]").isEmpty());
    for (String reader : new String[] {"lyon", "coach1"}) {
      mvc.perform(as(reader, get("/api/grants/{reference}", grant)))
          .andExpect(jsonPath("$.actions.pause").value(false))
          .andExpect(jsonPath("$.actions.stopEarly").value(false))
          .andExpect(jsonPath("$.actions.changeCoach").value(false))
          .andExpect(jsonPath("$.actions.coaches").isEmpty());
    }
    mvc.perform(inFrench(OFFICER, get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.actions.pauseReasons[?(@.value == 'elections')].label").value("Élections"));

    // paused: the officer can only resume; a manager may still give the grant another coach
    pauses.pause(OFFICER, grant, "staff", null, inAMonth);
    mvc.perform(as(OFFICER, get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.actions.resume").value(true))
        .andExpect(jsonPath("$.actions.pause").value(false))
        .andExpect(jsonPath("$.actions.stopEarly").value(false));
    mvc.perform(as(MANAGER, get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.actions.changeCoach").value(true));
  }

  @Test
  void onlyProgrammeOfficersPauseOrResumeInTheReadersLanguage() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    String body = "{\"reason\": \"staff\", \"expectedResume\": \"" + inAMonth + "\"}";

    for (String user : new String[] {MANAGER, FINANCE_REQUESTER, "tampere"}) {
      mvc.perform(as(user, pause(grant, body)))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.message").value("Only a programme officer can pause a grant."));
    }
    for (String frenchReader : new String[] {"lyon", "coach1"}) {
      mvc.perform(inFrench(frenchReader, pause(grant, body)))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.message").value("Seul·e un·e chargé·e de programme peut mettre une subvention en pause."));
    }
    assertThat(pauses.history(grant)).isEmpty();

    pauses.pause(OFFICER, grant, "staff", null, inAMonth);
    for (String user : new String[] {"lyon", "coach1", MANAGER}) {
      mvc.perform(as(user, resume(grant))).andExpect(status().isForbidden());
    }
    assertThat(pauses.current(grant)).isPresent();
    mvc.perform(as(OFFICER, resume(grant))).andExpect(status().isOk());
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    String yesterday = today().minusDays(1).toString();
    Map<String, String> refused = Map.of(
        "{\"expectedResume\": \"" + inAMonth + "\"}", "reason",
        "{\"reason\": \"holidays\", \"expectedResume\": \"" + inAMonth + "\"}", "reason",
        "{\"reason\": \"other\", \"expectedResume\": \"" + inAMonth + "\"}", "note",
        "{\"reason\": \"staff\"}", "expectedResume",
        "{\"reason\": \"staff\", \"expectedResume\": \"2027-02-30\"}", "expectedResume",
        "{\"reason\": \"staff\", \"expectedResume\": \"15/04/2027\"}", "expectedResume",
        "{\"reason\": \"staff\", \"expectedResume\": \"" + yesterday + "\"}", "expectedResume",
        "{\"reason\": \"staff\", \"expectedResume\": \"" + today() + "\"}", "expectedResume",
        "{\"reason\": \"staff\", \"expectedResume\": \"" + today().plusYears(3) + "\"}", "expectedResume",
        "{\"reason\": \"other\", \"note\": \"" + "x".repeat(GrantPauses.NOTE_LENGTH + 1) + "\", \"expectedResume\": \""
            + inAMonth + "\"}", "note");
    for (Map.Entry<String, String> input : refused.entrySet()) {
      mvc.perform(as(OFFICER, pause(grant, input.getKey())))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.status").value(400))
          .andExpect(jsonPath("$.field").value(input.getValue()));
    }
    mvc.perform(as(OFFICER, pause(grant, "{\"reason\": \"staff\", \"expectedResume\": \"2027-02-30\"}")))
        .andExpect(jsonPath("$.message").value("“2027-02-30” is not a day: write the expected resume day as yyyy-mm-dd, "
            + "e.g. 2027-03-31."));
    // an officer who reads French reads it in French
    mvc.perform(inFrench(SECOND_OFFICER, pause(grant, "{\"reason\": \"staff\", \"expectedResume\": \"" + yesterday + "\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(startsWith("Le jour de reprise prévu doit être après aujourd’hui")));
    mvc.perform(as(OFFICER, pause(grant, "{\"reason\": ")))
        .andExpect(status().isBadRequest());
    mvc.perform(as(OFFICER, pause("NOWHERE-1999", "{\"reason\": \"staff\", \"expectedResume\": \"" + inAMonth + "\"}")))
        .andExpect(status().isNotFound());

    assertThat(pauses.history(grant)).as("nothing recorded").isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).suspended().count())
        .as("nothing suspended").isZero();
  }

  @Test
  void theOpenApiDescriptionHasBothOperations() throws Exception {
    mvc.perform(get("/v3/api-docs").with(org.springframework.security.test.web.servlet.request
            .SecurityMockMvcRequestPostProcessors.user(OFFICER)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/grants/{reference}/pause'].post.responses['409']").exists())
        .andExpect(jsonPath("$.paths['/api/grants/{reference}/resume'].post.responses['403']").exists())
        .andExpect(jsonPath("$.components.schemas.PauseRequest.properties.expectedResume").exists());
  }

  /**
   * The request as this user in a French browser (MockMvc sets no engine user, so the reader's
   * language is the browser's here; over HTTP a person's stored choice comes first).
   */
  private static MockHttpServletRequestBuilder inFrench(String userId, MockHttpServletRequestBuilder request) {
    return as(userId, request.header("Accept-Language", "fr"));
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }

  private static MockHttpServletRequestBuilder pause(String grant, String body) {
    return post("/api/grants/{reference}/pause", grant).contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON).content(body).with(csrf());
  }

  private static MockHttpServletRequestBuilder resume(String grant) {
    return post("/api/grants/{reference}/resume", grant).accept(MediaType.APPLICATION_JSON).with(csrf());
  }
}
