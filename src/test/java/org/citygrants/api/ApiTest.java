package org.citygrants.api;

import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.ApplicationTest;
import org.citygrants.support.GrantJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The application's REST API over MockMvc with the whole application behind it (real ledger,
 * engine, demo identities), on its own in-memory H2 whose jobs the tests run. Requests carry the
 * Spring Security principal with {@code with(user(...))}, which holds whatever mechanism (HTTP
 * Basic, the webapp session) authenticates real requests. Users: the demo identities (lyon,
 * tampere, officer, manager, coach1, coach2, finance1, finance2).
 */
@ApplicationTest
abstract class ApiTest {

  static final String OFFICER = "officer";
  static final String MANAGER = "manager";
  static final String FINANCE_REQUESTER = "finance1";
  static final String FINANCE_APPROVER = "finance2";
  /** An amount as the API writes it: a string with two decimals. */
  static final String AMOUNT = "^-?[0-9]+\\.[0-9]{2}$";

  @Autowired MockMvc mvc;
  @Autowired GrantJourney journey;
  @Autowired LedgerService ledger;
  @Autowired TaskService taskService;

  /** The request as this signed-in user. */
  static MockHttpServletRequestBuilder as(String userId, MockHttpServletRequestBuilder request) {
    return request.with(user(userId));
  }

  String applyAndAward(String cityUser, int amount) {
    String grant = journey.apply(cityUser, application("learning"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(amount));
    journey.acceptAward(grant, cityUser);
    return grant;
  }

  /** Awarded 40,000, coach assigned. */
  String grantInPreparation(String cityUser, String coach) {
    String grant = applyAndAward(cityUser, 40000);
    journey.complete(grant, ASSIGN_COACH, MANAGER, of("coach", coach));
    return grant;
  }

  /** In preparation, procurement approved, the advance (12,000) paid. */
  String grantWithAdvancePaid(String cityUser, String coach) {
    String grant = grantInPreparation(cityUser, coach);
    journey.cityPrepares(grant, cityUser, OFFICER);
    journey.payOpenPayment(grant);
    return grant;
  }

  /** Advance paid, readiness confirmed, the investment committee approved the activities. */
  String grantWithApprovedActivities(String cityUser, String coach) {
    String grant = grantWithAdvancePaid(cityUser, coach);
    journey.readyAndCommitteeApproves(grant, cityUser, coach);
    return grant;
  }

  void payOpenPayment(String grant) {
    journey.payOpenPayment(grant);
  }

  Map<String, Object> taskVariables(String grant, String taskKey) {
    return taskService.getVariables(journey.task(grant, taskKey).getId());
  }
}
