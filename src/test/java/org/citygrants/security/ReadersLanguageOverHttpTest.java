package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.OBTAIN_INTERNAL_AUTHORISATIONS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;

/**
 * What Tasklist reads from the engine REST API, in the reader's language, over real HTTP and on both
 * copies of the API: lyon (who chose French) gets the forms, the task names, "Start process" and
 * the filters in French, and a refused form in French; officer (English) gets them as deployed,
 * the form byte for byte. Here beside the other HTTP tests for their client and Tasklist sign-in.
 */
class ReadersLanguageOverHttpTest extends SecuredApplicationTest {

  private static final String API = "/engine-rest";
  private static final String WEBAPP_API = "/camunda/api/engine/engine/default";

  @Test
  void aFrenchCityReadsItsFormsAndTasksInFrenchAnEnglishOfficerAsDeployed() throws IOException {
    String grant = grantInPreparation("lyon", "coach1", "Rues scolaires : trop de voitures aux heures d'entrée.");
    Task authorisations = task(grant, OBTAIN_INTERNAL_AUTHORISATIONS);

    // the task's form
    JsonNode french = as("lyon").get(API + "/task/" + authorisations.getId() + "/deployed-form").json();
    assertThat(label(french, "authorisationReference")).isEqualTo("La décision et sa référence");
    assertThat(french.findValuesAsText("dateLabel")).containsExactly("Date de la décision");
    Http.Response english = as("officer").get(API + "/task/" + authorisations.getId() + "/deployed-form");
    assertThat(english.status()).isEqualTo(200);
    assertThat(english.body()).as("the form as deployed, byte for byte").isEqualTo(deployed("internal-authorisations"));

    // the same through the webapps' copy of the API, signed in to Tasklist, whatever the browser says
    Http browser = anonymous().header("Accept-Language", "en-GB,en;q=0.9");
    WebappSessionTest.signInToTasklist(browser, "lyon");
    JsonNode throughTasklist = browser.get(WEBAPP_API + "/task/" + authorisations.getId() + "/deployed-form").json();
    assertThat(label(throughTasklist, "authorisationReference")).isEqualTo("La décision et sa référence");

    // task names and descriptions: plain JSON, one task, and Tasklist's HAL list of a filter
    assertThat(names(as("lyon").get(API + "/task?processInstanceBusinessKey=" + grant).json()))
        .contains("Indiquer les autorisations internes", "Suivre l'accueil sur la méthode");
    assertThat(names(as("officer").get(API + "/task?processInstanceBusinessKey=" + grant).json()))
        .contains("Record internal authorisations", "Complete method onboarding");
    assertThat(as("lyon").get(API + "/task/" + authorisations.getId()).json().path("name").asText())
        .isEqualTo("Indiquer les autorisations internes");
    JsonNode halTask = browser.get(WEBAPP_API + "/task/" + authorisations.getId(), "application/hal+json").json();
    assertThat(halTask.path("name").asText()).isEqualTo("Indiquer les autorisations internes");

    JsonNode filters = browser.get(WEBAPP_API + "/filter?resourceType=Task&itemCount=true").json();
    JsonNode groupTasks = byName(filters, "Tâches de mes groupes");
    assertThat(groupTasks.path("properties").path("variables").findValuesAsText("label")).contains("Subvention", "Ville");
    JsonNode list = browser.header("X-XSRF-TOKEN", xsrf(browser)).header("Accept", "application/hal+json")
        .post(WEBAPP_API + "/filter/" + groupTasks.path("id").asText() + "/list?firstResult=0&maxResults=50",
            Map.of("processInstanceBusinessKey", grant)).json();
    assertThat(names(list.path("_embedded").path("task"))).contains("Indiquer les autorisations internes");
    assertThat(list.path("_embedded").path("processDefinition").findValuesAsText("name"))
        .contains("Subvention d'expérimentation pour une ville");
    assertThat(byName(as("officer").get(API + "/filter?resourceType=Task").json(), "All open tasks")).isNotNull();

    // "Start process" and the start form
    JsonNode startable = browser.get(WEBAPP_API + "/process-definition?latest=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true&firstResult=0&maxResults=15").json();
    assertThat(startable.findValuesAsText("name")).contains("Subvention d'expérimentation pour une ville");
    JsonNode startForm = browser.get(WEBAPP_API + "/process-definition/" + byKey(startable, "city-grant")
        + "/deployed-start-form").json();
    assertThat(label(startForm, "challenge")).isEqualTo("Le défi de votre ville");
    assertThat(label(as("tampere").get(API + "/process-definition/key/city-grant/deployed-start-form").json(), "challenge"))
        .isEqualTo("Your city's challenge");
  }

  @Test
  void wordsTheApplicationWroteIntoVariablesReachEachReaderOfAFormAndATaskListInTheirLanguage() {
    String grant = grantWithPaymentToApprove("lyon", "coach1", "Marchés : trop d'invendus jetés le soir.");
    Task approval = task(grant, PaymentProcess.Elements.APPROVE_PAYMENT);

    // finance2 reads French: the milestone the approval form shows, in French
    JsonNode french = as("finance2").get(API + "/task/" + approval.getId() + "/form-variables?deserializeValues=false").json();
    assertThat(french.path("paymentMilestoneLabel").path("value").asText()).isEqualTo("Avance");
    assertThat(french.has("paymentMilestoneLabel_fr")).as("the copies stay out of the form's variables").isFalse();
    // as written for an English reader (finance1, who requested it, may not approve it)
    assertThat(taskService.getVariable(approval.getId(), "paymentMilestoneLabel")).isEqualTo("Advance");

    // the same words in the columns of Tasklist's task list, through the webapps' copy of the API
    Http browser = anonymous().header("Accept-Language", "en-GB,en;q=0.9");
    WebappSessionTest.signInToTasklist(browser, "finance2");
    JsonNode payments = byName(browser.get(WEBAPP_API + "/filter?resourceType=Task&itemCount=true").json(), "Paiements à approuver");
    JsonNode list = browser.header("X-XSRF-TOKEN", xsrf(browser)).header("Accept", "application/hal+json")
        .post(WEBAPP_API + "/filter/" + payments.path("id").asText() + "/list?firstResult=0&maxResults=50",
            Map.of("processInstanceBusinessKey", grant)).json();
    JsonNode columns = null;
    for (JsonNode task : list.path("_embedded").path("task")) {
      if (approval.getId().equals(task.path("id").asText())) {
        columns = task.path("_embedded").path("variable");
      }
    }
    assertThat(columns).as("the approval in finance2's list: %s", list).isNotNull();
    assertThat(column(columns, "paymentMilestoneLabel")).isEqualTo("Avance");
    assertThat(column(columns, "cityName")).isEqualTo("Lyon");

    // the objective column of a grant's own tasks, for coach1 (French) in the list of her cities' tasks
    String inPreparation = grantInPreparation("lyon", "coach1", "Parcs : trop de chaleur l'été dans les cours d'école.");
    Http coach = anonymous().header("Accept-Language", "en-GB,en;q=0.9");
    WebappSessionTest.signInToTasklist(coach, "coach1");
    JsonNode coachs = null;
    for (JsonNode filter : coach.get(WEBAPP_API + "/filter?resourceType=Task&itemCount=true").json()) {
      if (filter.path("name").asText().endsWith("les tâches de mes villes")) {
        coachs = filter;
      }
    }
    assertThat(coachs).as("coach1's filter").isNotNull();
    JsonNode grantTasks = coach.header("X-XSRF-TOKEN", xsrf(coach)).header("Accept", "application/hal+json")
        .post(WEBAPP_API + "/filter/" + coachs.path("id").asText() + "/list?firstResult=0&maxResults=50",
            Map.of("processInstanceBusinessKey", inPreparation)).json();
    List<String> objectives = new ArrayList<>();
    grantTasks.path("_embedded").path("task").forEach(task -> objectives.add(column(task.path("_embedded").path("variable"), "objectiveLabel")));
    assertThat(objectives).as("%s", grantTasks).isNotEmpty().allSatisfy(objective -> assertThat(objective).startsWith("Apprentissage"));
  }

  private static String column(JsonNode variables, String name) {
    for (JsonNode variable : variables) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText();
      }
    }
    throw new AssertionError("no column " + name + " in " + variables);
  }

  @Test
  void aRefusedFormIsExplainedInTheReadersLanguage() {
    String grant = grantInPreparation("lyon", "coach1", "Cantines : trop de gaspillage alimentaire chaque midi.");
    Task authorisations = task(grant, OBTAIN_INTERNAL_AUTHORISATIONS);
    Map<String, Object> withoutReference = Map.of("variables", Map.of(
        "authorisationDate", Map.of("value", java.time.LocalDate.now().toString())));
    Http.Response refused = as("lyon").post(API + "/task/" + authorisations.getId() + "/complete", withoutReference);
    assertThat(refused.status()).as("%s", refused).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).isEqualTo("«\u00a0La décision et sa référence\u00a0» est obligatoire.");
    assertThat(refused.json().path("field").asText()).isEqualTo("authorisationReference");
    assertThat(task(grant, OBTAIN_INTERNAL_AUTHORISATIONS).getId()).as("nothing completed").isEqualTo(authorisations.getId());
  }

  private static String label(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component.path("label").asText();
      }
    }
    throw new AssertionError("no field " + key + " in " + form);
  }

  private static List<String> names(JsonNode tasks) {
    List<String> names = new ArrayList<>();
    tasks.forEach(task -> names.add(task.path("name").asText()));
    return names;
  }

  private static JsonNode byName(JsonNode list, String name) {
    for (JsonNode element : list) {
      if (name.equals(element.path("name").asText())) {
        return element;
      }
    }
    throw new AssertionError("no " + name + " in " + list);
  }

  private static String byKey(JsonNode definitions, String key) {
    for (JsonNode definition : definitions) {
      if (key.equals(definition.path("key").asText())) {
        return definition.path("id").asText();
      }
    }
    throw new AssertionError("no " + key + " in " + definitions);
  }

  private static String xsrf(Http browser) {
    return browser.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((a, b) -> b).map(java.net.HttpCookie::getValue).orElseThrow();
  }

  private static String deployed(String formId) throws IOException {
    try (InputStream in = ReadersLanguageOverHttpTest.class.getResourceAsStream("/forms/" + formId + ".form")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
