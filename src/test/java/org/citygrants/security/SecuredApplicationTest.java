package org.citygrants.security;

import org.citygrants.support.ApplicationTest;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.GrantJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random port with the demo identities, for tests over real HTTP.
 * Every subclass shares the one {@link ApplicationTest} context. Grants are set up
 * through the process gateway as their users would; what is tested goes over HTTP.
 */
@ApplicationTest
abstract class SecuredApplicationTest {

  static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired GrantJourney journey;
  @Autowired TaskService taskService;

  void serveThisEngine() {
    if (ProcessEngines.getDefaultProcessEngine(false) != processEngine) {
      ProcessEngines.registerProcessEngine(processEngine);
    }
  }

  Http anonymous() {
    return new Http(port, null, null);
  }

  Http as(String user) {
    return new Http(port, user, PASSWORD);
  }

  // --- grants set up as their users would

  /** A grant applied for by the city user, awarded, with its coach: the four preparation tasks are open. */
  String grantInPreparation(String cityUser, String coach, String challenge) {
    String grant = journey.apply(cityUser, with(application("learning"), "challenge", challenge));
    journey.complete(grant, SIZE_GRANT, "officer", award(40000));
    journey.acceptAward(grant, cityUser);
    journey.complete(grant, ASSIGN_COACH, "manager", of("coach", coach));
    return grant;
  }

  /** A grant whose advance finance1 has requested: Task_ApprovePayment is open for a second finance officer. */
  String grantWithPaymentToApprove(String cityUser, String coach, String challenge) {
    String grant = grantInPreparation(cityUser, coach, challenge);
    journey.complete(grant, COMPLETE_METHOD_ONBOARDING, cityUser, methodOnboarding());
    journey.complete(grant, PLAN_EXPERIMENTATION, cityUser, planningCanvas());
    journey.complete(grant, OBTAIN_INTERNAL_AUTHORISATIONS, cityUser, internalAuthorisations());
    journey.complete(grant, SUBMIT_PROCUREMENT_PLAN, cityUser, procurementPlan());
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, "officer", procurementReview(true));
    Object proposed = taskService.getVariable(journey.task(grant, PaymentProcess.Elements.REQUEST_PAYMENT).getId(),
        PaymentProcess.PROPOSED_PAYMENT_AMOUNT.name());
    journey.complete(grant, PaymentProcess.Elements.REQUEST_PAYMENT, "finance1",
        requestPayment(((Number) proposed).doubleValue()));
    return grant;
  }

  Task task(String grant, String taskKey) {
    return journey.task(grant, taskKey);
  }

  String mainInstance(String grant) {
    return journey.mainInstance(grant).getId();
  }

  /** Form values as the engine REST API takes them: {"name": {"value": ..., "type": ...}}. */
  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("value", value);
      variable.put("type", typeOf(value));
      if (value instanceof List<?> list) {
        variable.put("value", Http.json(list));
      }
      variables.put(name, variable);
    });
    return variables;
  }

  static String typeOf(Object value) {
    if (value == null) {
      return "Null";
    } else if (value instanceof Boolean) {
      return "Boolean";
    } else if (value instanceof Integer || value instanceof Long) {
      return "Long";
    } else if (value instanceof Double) {
      return "Double";
    } else if (value instanceof List<?>) {
      return "Json";
    }
    return "String";
  }

  /** The body of a start or completion: {"variables": {...}}. */
  static Map<String, Object> submission(Map<String, Object> values) {
    return Map.of("variables", typed(values));
  }
}
