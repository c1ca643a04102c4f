package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.GrantChangeProcess.Elements.*;
import static org.citygrants.support.FormData.of;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.citygrants.grant.pause.GrantPauses;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.MovementType;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.InputRejectedException;
import org.citygrants.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Changes to a running grant over the API and through their tasks: an officer's higher award waits
 * for a second officer (four eyes, also held by the database), a lower one applies at once, never
 * below what is paid; a city's budget move goes to its coach, then an officer; a city's request to
 * stop reaches an officer; duration and objective follow; the ledger stays balanced; the city team
 * is told and reads the history; refusals name the field and change nothing.
 */
class GrantChangeApiTest extends ApiTest {

  static final String SECOND_OFFICER = "officer-change2";

  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired GrantPauses pauses;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired org.citygrants.grant.change.GrantChanges changes;

  @BeforeEach
  void aSecondOfficer() {
    TestPeople.member(identityService, SECOND_OFFICER, "Nadia", "Okello", null, "programme-officers");
  }

  @Test
  void aHigherAwardWaitsForASecondOfficerAndTheLedgerTheFormsAndTheCityFollow() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");

    mvc.perform(as(OFFICER, amend(grant, "{\"amount\": \"45000\", \"reason\": \"Sensors for the second experiment.\"}")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("open"))
        .andExpect(jsonPath("$.requestedAs").value("officer"))
        .andExpect(jsonPath("$.summary").value("The award from 40,000.00 EUR to 45,000.00 EUR."));
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo("40000");
    assertThat(journey.openTaskKeys(grant)).contains(APPROVE_INCREASE);

    // four eyes: the officer who asked cannot approve, in words; nothing changes
    assertThatThrownBy(() -> journey.complete(grant, APPROVE_INCREASE, OFFICER, of("increaseApproved", true)))
        .isInstanceOf(InputRejectedException.class).hasMessageContaining("another programme officer must approve it");
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo("40000");

    journey.complete(grant, APPROVE_INCREASE, SECOND_OFFICER, of("increaseApproved", true));
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.awarded()).isEqualByComparingTo("45000");
    assertThat(statement.imbalances()).isEmpty();
    assertThat(statement.budgetLines().stream().map(GrantStatement.BudgetLineStatement::allocated)
        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("45000");
    assertThat(statement.movements()).anySatisfy(m -> {
      assertThat(m.type()).isEqualTo(MovementType.AWARD_INCREASED);
      assertThat(m.amount()).isEqualByComparingTo("5000");
      assertThat(m.actor()).isEqualTo(SECOND_OFFICER);
    });
    assertThat(runtimeService.getVariable(journey.mainInstance(grant).getId(), "awardedAmount")).isEqualTo(45000L);

    // the city team reads the history, in French, and was told
    mvc.perform(as("lyon", get("/api/grants/{reference}/changes", grant).header("Accept-Language", "fr")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value("applied"))
        .andExpect(jsonPath("$[0].statusLabel").value("appliquée"))
        .andExpect(jsonPath("$[0].approvedBy").value("Nadia Okello"))
        .andExpect(jsonPath("$[0].summary").value(startsWith("La subvention de 40")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = 'lyon' AND notification_key LIKE ?")
        .param(grant + ":change-%").query(Integer.class).single()).isEqualTo(1);
    mvc.perform(as("tampere", get("/api/grants/{reference}/changes", grant))).andExpect(status().isForbidden());
    // the grant's page: the history, and what each reader may ask or do now
    mvc.perform(as("lyon", get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.changes[0].kindLabel").value("Amendment"))
        .andExpect(jsonPath("$.changes[0].statusLabel").value("applied"))
        .andExpect(jsonPath("$.actions.askChange").value(true))
        .andExpect(jsonPath("$.actions.askStop").value(true))
        .andExpect(jsonPath("$.actions.moveBudget").value(true))
        .andExpect(jsonPath("$.actions.amend").value(false))
        .andExpect(jsonPath("$.actions.budgetLines[0].value").value("experiments"));
    mvc.perform(as(OFFICER, get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.actions.amend").value(true))
        .andExpect(jsonPath("$.actions.askStop").value(false))
        .andExpect(jsonPath("$.actions.durations[0].value").value("P6M"));
    mvc.perform(as(FINANCE_REQUESTER, get("/api/grants/{reference}", grant)))
        .andExpect(jsonPath("$.actions.amend").value(false))
        .andExpect(jsonPath("$.actions.moveBudget").value(false));

    // the database holds four eyes too
    assertThatThrownBy(() -> jdbc.sql("UPDATE grant_change SET approved_by = requested_by WHERE grant_reference = ?")
        .param(grant).update()).hasStackTraceContaining("FOUR_EYES");
  }

  @Test
  void aLowerAwardAppliesAtOnceButNeverBelowWhatIsPaidOrAboveTheCap() throws Exception {
    String grant = grantWithAdvancePaid("lyon", "coach1"); // 12,000 paid
    mvc.perform(as(OFFICER, amend(grant, "{\"amount\": \"10000\", \"reason\": \"Smaller scope.\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("amount"))
        .andExpect(jsonPath("$.message").value(startsWith("Grant " + grant + " cannot be lowered to")));
    mvc.perform(as(OFFICER, amend(grant, "{\"amount\": \"9000000\", \"reason\": \"x\"}")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amount"));
    mvc.perform(as(OFFICER, amend(grant, "{\"amount\": \"lots\", \"reason\": \"x\"}")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amount"));
    mvc.perform(as(OFFICER, amend(grant, "{\"amount\": \"30000\"}")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
    mvc.perform(as(OFFICER, amend(grant, "{\"reason\": \"nothing\"}")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amount"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM grant_change WHERE grant_reference = ?").param(grant)
        .query(Integer.class).single()).as("nothing recorded").isZero();

    mvc.perform(as(OFFICER, amend(grant, "{\"amount\": \"30000\", \"reason\": \"Smaller scope.\"}")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("applied"));
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo("30000");
    assertThat(ledger.statement(grant).imbalances()).isEmpty();
    assertThat(journey.openTaskKeys(grant)).doesNotContain(APPROVE_INCREASE, DECIDE_CHANGE);
  }

  @Test
  void aCitysBudgetMoveGoesToItsCoachThenAnOfficerAndTheLedgerRecordsIt() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    BigDecimal experiments = line(grant, BudgetLine.EXPERIMENTS);
    mvc.perform(as("lyon", moveBudget(grant, "{\"fromLine\": \"experiments\", \"toLine\": \"learning-activities\", "
            + "\"amount\": \"999999\", \"reason\": \"A study visit.\"}")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("moveAmount"));
    mvc.perform(as("lyon", moveBudget(grant, "{\"fromLine\": \"experiments\", \"toLine\": \"travel\", "
            + "\"amount\": \"2000\", \"reason\": \"A study visit.\"}")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("toLine"));

    mvc.perform(as("lyon", moveBudget(grant, "{\"fromLine\": \"experiments\", \"toLine\": \"learning-activities\", "
            + "\"amount\": \"2000\", \"reason\": \"A study visit to Kigali.\"}")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.requestedAs").value("city"))
        .andExpect(jsonPath("$.status").value("open"));
    assertThat(journey.task(grant, AGREE_BUDGET_MOVE).getAssignee()).isEqualTo("coach1");
    // a second change waits for this one
    mvc.perform(as(OFFICER, amend(grant, "{\"objective\": \"impact\", \"reason\": \"x\"}")))
        .andExpect(status().isConflict());

    journey.complete(grant, AGREE_BUDGET_MOVE, "coach1", of("coachAgrees", true));
    assertThat(line(grant, BudgetLine.EXPERIMENTS)).as("not before the officer").isEqualByComparingTo(experiments);
    journey.complete(grant, DECIDE_CHANGE, OFFICER, of("changeAccepted", true));
    assertThat(line(grant, BudgetLine.EXPERIMENTS)).isEqualByComparingTo(experiments.subtract(new BigDecimal("2000")));
    assertThat(ledger.statement(grant).imbalances()).isEmpty();
    assertThat(ledger.statement(grant).movements()).anySatisfy(m -> assertThat(m.type()).isEqualTo(MovementType.BUDGET_MOVED));
  }

  @Test
  void aBudgetMoveWaitingForTheCoachFollowsTheNewCoachWhenAManagerChangesIt() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    mvc.perform(as("lyon", moveBudget(grant, "{\"fromLine\": \"experiments\", \"toLine\": \"learning-activities\", "
            + "\"amount\": \"1000\", \"reason\": \"A study visit to Kigali.\"}")))
        .andExpect(status().isCreated());
    assertThat(journey.task(grant, AGREE_BUDGET_MOVE).getAssignee()).isEqualTo("coach1");

    mvc.perform(as(MANAGER, put("/api/grants/{reference}/coach", grant).contentType(MediaType.APPLICATION_JSON)
            .content("{\"coach\": \"coach2\"}")))
        .andExpect(status().isOk());

    // the agreement is the new coach's now; the previous coach can neither see nor answer it
    org.camunda.bpm.engine.task.Task agreement = journey.task(grant, AGREE_BUDGET_MOVE);
    assertThat(agreement.getAssignee()).isEqualTo("coach2");
    assertThat(authorizationService.isUserAuthorized("coach1", List.of(),
        org.camunda.bpm.engine.authorization.Permissions.READ, org.camunda.bpm.engine.authorization.Resources.TASK,
        agreement.getId())).isFalse();
    assertThatThrownBy(() -> journey.gateway().completeTask("coach1", agreement.getId(), of("coachAgrees", true)))
        .isInstanceOf(org.citygrants.process.ProcessGateway.TaskNotAvailableException.class);
    assertThat(journey.openTaskKeys(grant)).contains(AGREE_BUDGET_MOVE);

    journey.complete(grant, AGREE_BUDGET_MOVE, "coach2", of("coachAgrees", true));
    assertThat(changes.history(grant).get(changes.history(grant).size() - 1).coachAnswerBy()).isEqualTo("coach2");
    assertThat(journey.openTaskKeys(grant)).contains(DECIDE_CHANGE);
  }

  @Test
  void aCitysRequestToStopReachesAnOfficerWhoMayRefuseAndDurationAndObjectiveFollowAnAcceptedAmendment()
      throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    mvc.perform(as(OFFICER, post("/api/grants/{reference}/stop-requests", grant).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"x\"}").with(csrf())))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("kind"));
    mvc.perform(as("lyon", post("/api/grants/{reference}/stop-requests", grant).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"The council ended the project.\"}").with(csrf())))
        .andExpect(status().isCreated());
    journey.complete(grant, DECIDE_CHANGE, OFFICER, of("changeAccepted", false, "decisionNote", "Let us talk first."));
    mvc.perform(as("lyon", get("/api/grants/{reference}/changes", grant)))
        .andExpect(jsonPath("$[0].status").value("refused"))
        .andExpect(jsonPath("$[0].note").value("Let us talk first."));
    assertThat(journey.mainInstance(grant)).as("still running").isNotNull();

    String instance = journey.mainInstance(grant).getId();
    Date end = (Date) runtimeService.getVariable(instance, CityGrantProcess.PROGRAMME_END_DATE.name());
    mvc.perform(as("coach1", amend(grant, "{\"programmeDuration\": \"P15M\", \"objective\": \"impact\", "
            + "\"reason\": \"The pilot runs through the rainy season.\"}")))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.requestedAs").value("coach"));
    journey.complete(grant, DECIDE_CHANGE, OFFICER, of("changeAccepted", true));
    assertThat(runtimeService.getVariable(instance, CityGrantProcess.PROGRAMME_DURATION.name())).isEqualTo("P15M");
    assertThat(runtimeService.getVariable(instance, CityGrantProcess.OBJECTIVE_TYPE.name())).isEqualTo("impact");
    Date moved = (Date) runtimeService.getVariable(instance, CityGrantProcess.PROGRAMME_END_DATE.name());
    assertThat(moved.toInstant().atZone(ZoneId.systemDefault()).toLocalDate())
        .isEqualTo(end.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().plusMonths(3));
  }

  @Test
  void aChangeStillWaitingWhenTheGrantIsStoppedIsWithdrawnWithItsTask() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    mvc.perform(as("lyon", amend(grant, "{\"objective\": \"impact\", \"reason\": \"The council wants figures.\"}")))
        .andExpect(status().isCreated());
    assertThat(journey.openTaskKeys(grant)).contains(DECIDE_CHANGE);

    mvc.perform(as(OFFICER, post("/api/grants/{reference}/early-stop", grant).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"The council ended the project.\"}").with(csrf())))
        .andExpect(status().isAccepted());
    journey.runAsyncJobs();
    assertThat(journey.openTaskKeys(grant)).doesNotContain(DECIDE_CHANGE);
    mvc.perform(as("lyon", get("/api/grants/{reference}/changes", grant).header("Accept-Language", "fr")))
        .andExpect(jsonPath("$[0].status").value("withdrawn"))
        .andExpect(jsonPath("$[0].statusLabel").value(startsWith("retirée")));
  }

  @Test
  void aCitysAcceptedRequestToStopStopsTheGrantAsTheDecidingOfficer() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    mvc.perform(as("lyon", post("/api/grants/{reference}/stop-requests", grant).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"The council ended the project.\"}").with(csrf())))
        .andExpect(status().isCreated());
    journey.complete(grant, DECIDE_CHANGE, OFFICER, of("changeAccepted", true));
    journey.runAsyncJobs();
    mvc.perform(as("lyon", get("/api/grants/{reference}/changes", grant)))
        .andExpect(jsonPath("$[0].status").value("applied"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant)
        .processDefinitionKey("city-grant").singleResult()).satisfiesAnyOf(
            instance -> assertThat(instance).isNull(),
            instance -> assertThat(runtimeService.getVariable(instance.getId(), "stoppedBy")).isEqualTo(OFFICER));
  }

  @Test
  void othersAreRefusedAndAPausedGrantWaits() throws Exception {
    String grant = grantInPreparation("lyon", "coach1");
    mvc.perform(as("tampere", amend(grant, "{\"amount\": \"30000\", \"reason\": \"x\"}")))
        .andExpect(status().isForbidden());
    mvc.perform(as("coach2", amend(grant, "{\"amount\": \"30000\", \"reason\": \"x\"}")))
        .andExpect(status().isForbidden());
    mvc.perform(as(OFFICER, amend("NOWHERE-1999", "{\"amount\": \"30000\", \"reason\": \"x\"}")))
        .andExpect(status().isNotFound());
    mvc.perform(as("lyon", amend(grant, "{\"amount\": \"30000\", \"reason\": \"x\"}").header("Accept-Language", "fr")))
        .andExpect(status().isCreated());
    // the city's own request waits for an officer; none of it applied
    assertThat(ledger.statement(grant).awarded()).isEqualByComparingTo("40000");
    journey.complete(grant, DECIDE_CHANGE, OFFICER, of("changeAccepted", false, "decisionNote", "Not now."));

    pauses.pause(OFFICER, grant, "staff", null, java.time.LocalDate.now().plusDays(30).toString());
    mvc.perform(as(OFFICER, amend(grant, "{\"amount\": \"30000\", \"reason\": \"x\"}")))
        .andExpect(status().isConflict());
  }

  @Test
  void theOpenApiDescriptionHasTheChangeOperations() throws Exception {
    mvc.perform(as(OFFICER, get("/v3/api-docs")))
        .andExpect(jsonPath("$.paths['/api/grants/{reference}/amendments'].post.responses['409']").exists())
        .andExpect(jsonPath("$.paths['/api/grants/{reference}/budget-moves'].post").exists())
        .andExpect(jsonPath("$.paths['/api/grants/{reference}/stop-requests'].post").exists())
        .andExpect(jsonPath("$.paths['/api/grants/{reference}/changes'].get").exists());
  }

  private BigDecimal line(String grant, BudgetLine line) {
    return ledger.statement(grant).budgetLines().stream().filter(l -> l.line() == line).findFirst().orElseThrow()
        .allocated();
  }

  private static MockHttpServletRequestBuilder amend(String grant, String body) {
    return post("/api/grants/{reference}/amendments", grant).contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON).content(body).with(csrf());
  }

  private static MockHttpServletRequestBuilder moveBudget(String grant, String body) {
    return post("/api/grants/{reference}/budget-moves", grant).contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON).content(body).with(csrf());
  }
}
