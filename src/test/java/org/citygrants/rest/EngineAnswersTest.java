package org.citygrants.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.citygrants.language.FilterTexts;
import org.citygrants.language.FormTexts;
import org.citygrants.language.ModelTexts;
import org.citygrants.rest.EngineAnswers.Kind;
import org.junit.jupiter.api.Test;

/** Which engine REST answers are translated, and how their JSON changes: texts only. */
class EngineAnswersTest {

  private final ObjectMapper json = new ObjectMapper();
  private final EngineAnswers answers = new EngineAnswers(new FormTexts(), new ModelTexts(), new FilterTexts(),
      id -> id.equals("long-id-without-key") ? Optional.of("grant-payment") : Optional.empty());

  @Test
  void thePathsTasklistReads() {
    assertThat(EngineAnswers.kindOf("task/4711/deployed-form")).hasValue(Kind.FORM);
    assertThat(EngineAnswers.kindOf("/task/4711/deployed-form/")).hasValue(Kind.FORM);
    assertThat(EngineAnswers.kindOf("process-definition/city-grant:3:99/deployed-start-form")).hasValue(Kind.FORM);
    assertThat(EngineAnswers.kindOf("process-definition/key/city-grant/deployed-start-form")).hasValue(Kind.FORM);
    assertThat(EngineAnswers.kindOf("task")).hasValue(Kind.TASKS);
    assertThat(EngineAnswers.kindOf("task/4711")).hasValue(Kind.TASKS);
    assertThat(EngineAnswers.kindOf("filter/f1/list")).hasValue(Kind.TASKS);
    assertThat(EngineAnswers.kindOf("filter/f1/singleResult")).hasValue(Kind.TASKS);
    assertThat(EngineAnswers.kindOf("process-definition")).hasValue(Kind.PROCESS_DEFINITIONS);
    assertThat(EngineAnswers.kindOf("process-definition/key/city-grant")).hasValue(Kind.PROCESS_DEFINITIONS);
    assertThat(EngineAnswers.kindOf("filter")).hasValue(Kind.FILTERS);
    assertThat(EngineAnswers.kindOf("filter/f1")).hasValue(Kind.FILTERS);
    assertThat(EngineAnswers.kindOf("task/4711/form-variables")).hasValue(Kind.FORM_VARIABLES);
    assertThat(EngineAnswers.kindOf("process-definition/key/city-grant/form-variables")).hasValue(Kind.FORM_VARIABLES);
    assertThat(EngineAnswers.kindOf("task/4711/variables")).isEmpty();
    assertThat(EngineAnswers.kindOf("process-definition/city-grant:3:99/xml")).isEmpty();
    assertThat(EngineAnswers.kindOf("history/task")).isEmpty();
  }

  @Test
  void tasklistsHalListOfAFilter() throws Exception {
    String hal = """
        {"_links":{},"_embedded":{
          "processDefinition":[{"id":"city-grant:3:99","key":"city-grant","name":"City experimentation grant"}],
          "task":[
            {"id":"t1","name":"Accept the award","description":"The city team reads the award terms and accepts them, or asks the programme officer a question first.","processDefinitionId":"city-grant:3:99","taskDefinitionKey":"Task_AcceptAward","_embedded":{"variable":[{"name":"cityName","value":"Lyon"}]}},
            {"id":"t2","name":"Approve payment (four eyes)","processDefinitionId":"long-id-without-key","taskDefinitionKey":"Task_ApprovePayment"},
            {"id":"t3","name":"A task an administrator made","processDefinitionId":null,"taskDefinitionKey":null}]},
         "count":3}""";
    JsonNode french = json.readTree(answers.translate(Kind.TASKS, hal.getBytes(StandardCharsets.UTF_8), Locale.FRENCH));
    JsonNode tasks = french.path("_embedded").path("task");
    assertThat(tasks.get(0).path("name").asText()).isEqualTo("Accepter la subvention");
    assertThat(tasks.get(0).path("description").asText()).startsWith("L'équipe de la ville lit les conditions");
    assertThat(tasks.get(0).path("_embedded").path("variable").get(0).path("value").asText()).isEqualTo("Lyon");
    assertThat(tasks.get(1).path("name").asText()).isEqualTo("Approuver le paiement (quatre yeux)");
    assertThat(tasks.get(2).path("name").asText()).isEqualTo("A task an administrator made");
    assertThat(french.path("_embedded").path("processDefinition").get(0).path("name").asText())
        .isEqualTo("Subvention d'expérimentation pour une ville");
    assertThat(french.path("count").asInt()).isEqualTo(3);
  }

  @Test
  void oneTaskInHalEmbedsItsProcessDefinition() throws Exception {
    String hal = """
        {"id":"t1","name":"Size the grant","processDefinitionId":"city-grant:3:99","taskDefinitionKey":"Task_SizeGrant",
         "_embedded":{"processDefinition":[{"id":"city-grant:3:99","key":"city-grant","name":"City experimentation grant"}]}}""";
    JsonNode french = json.readTree(answers.translate(Kind.TASKS, hal.getBytes(StandardCharsets.UTF_8), Locale.FRENCH));
    assertThat(french.path("name").asText()).isEqualTo("Dimensionner la subvention");
    assertThat(french.path("_embedded").path("processDefinition").get(0).path("name").asText())
        .isEqualTo("Subvention d'expérimentation pour une ville");
  }

  @Test
  void startProcessListsProcessesByTheirTranslatedNames() throws Exception {
    String list = "[{\"id\":\"experimentation-programme:1:5\",\"key\":\"experimentation-programme\",\"name\":\"Experimentation programme (cohort)\"}]";
    JsonNode french = json.readTree(answers.translate(Kind.PROCESS_DEFINITIONS, list.getBytes(StandardCharsets.UTF_8), Locale.FRENCH));
    assertThat(french.get(0).path("name").asText()).isEqualTo("Programme d'expérimentation (cohorte)");
    assertThat(french.get(0).path("key").asText()).isEqualTo("experimentation-programme");
  }

  @Test
  void anAnswerThatIsNoJsonGoesOutAsItCame() {
    byte[] text = "not json {".getBytes(StandardCharsets.UTF_8);
    assertThat(answers.translate(Kind.TASKS, text, Locale.FRENCH)).isSameAs(text);
    assertThat(answers.translate(Kind.FORM, text, Locale.FRENCH)).isSameAs(text);
  }

  @Test
  void aFormsVariablesWrittenInWordsComeInTheReadersLanguage() throws Exception {
    String variables = """
        {"paymentMilestoneLabel":{"type":"String","value":"Tranche for experiment 2","valueInfo":{}},
         "paymentMilestoneLabel_fr":{"type":"String","value":"Tranche de l’expérimentation 2","valueInfo":{}},
         "spendingFlag":{"type":"String","value":"","valueInfo":{}},
         "spendingFlag_fr":{"type":"String","value":"","valueInfo":{}},
         "cityName":{"type":"String","value":"Lyon","valueInfo":{}},
         "paymentAmount":{"type":"Double","value":12000.0,"valueInfo":{}}}""";
    JsonNode french = json.readTree(answers.translate(Kind.FORM_VARIABLES, variables.getBytes(StandardCharsets.UTF_8), Locale.FRENCH));
    assertThat(french.path("paymentMilestoneLabel").path("value").asText()).isEqualTo("Tranche de l’expérimentation 2");
    assertThat(french.path("spendingFlag").path("value").asText()).isEmpty();
    assertThat(french.path("cityName").path("value").asText()).isEqualTo("Lyon");
    assertThat(french.path("paymentAmount").path("value").asDouble()).isEqualTo(12000.0);
    assertThat(french.has("paymentMilestoneLabel_fr")).as("the copies are left out").isFalse();
  }

  @Test
  void aTaskListsColumnsAndADescriptionsExpressionComeInTheReadersLanguage() throws Exception {
    EngineAnswers withVariables = new EngineAnswers(new FormTexts(), new ModelTexts(), new FilterTexts(), id -> Optional.empty(),
        wanted -> {
          assertThat(wanted).extracting(EngineAnswers.TaskVariables.Wanted::taskId).containsExactly("t1", "t2");
          return java.util.Map.of("t1", java.util.Map.of("objectiveLabel_fr", "Apprentissage : ce que nous avons appris"),
              "t2", java.util.Map.of("spendingFlag_fr", "déclaré 9 000,00 EUR, soit 3 000,00 de plus que les 6 000,00 engagés"));
        });
    String hal = """
        {"_links":{},"_embedded":{
          "processDefinition":[{"id":"city-grant:3:99","key":"city-grant","name":"City experimentation grant"}],
          "task":[
            {"id":"t1","name":"Size the grant","processDefinitionId":"city-grant:3:99","taskDefinitionKey":"Task_SizeGrant",
             "executionId":"e1","processInstanceId":"p1",
             "_embedded":{"variable":[{"name":"cityName","value":"Lyon"},{"name":"objectiveLabel","value":"Learning: what we learned"},
               {"name":"paymentAmount","value":12000.0}]}},
            {"id":"t2","name":"Decide on spending above the budget","processDefinitionId":"city-grant:3:99",
             "taskDefinitionKey":"Task_DecideExcessSpending","executionId":"e2","processInstanceId":"p2",
             "description":"Spending above the committed budget: reported 9,000.00 EUR, 3,000.00 above the 6,000.00 committed. Only the committed part counts as spent; approve the rest with a reason and the next tranche may pay it, or refuse it with a reason."}]},
         "count":2}""";
    JsonNode french = json.readTree(withVariables.translate(Kind.TASKS, hal.getBytes(StandardCharsets.UTF_8), Locale.FRENCH));
    JsonNode tasks = french.path("_embedded").path("task");
    assertThat(tasks.get(0).path("_embedded").path("variable").findValuesAsText("value"))
        .containsExactly("Lyon", "Apprentissage : ce que nous avons appris", "12000.0");
    assertThat(tasks.get(1).path("description").asText())
        .startsWith("Dépenses au-delà du budget engagé\u00a0: déclaré 9 000,00 EUR, soit 3 000,00 de plus que les 6 000,00 engagés.");
  }

  @Test
  void theCandidateGroupsOfOneTaskAreNamedInTheReadersLanguage() throws Exception {
    String hal = """
        {"id":"t1","name":"Size the grant","processDefinitionId":"city-grant:3:99","taskDefinitionKey":"Task_SizeGrant",
         "_embedded":{"identityLink":[
           {"type":"candidate","groupId":"programme-officers","userId":null,
            "_embedded":{"group":[{"id":"programme-officers","name":"Programme officers","type":"WORKFLOW"}]}},
           {"type":"candidate","groupId":"city-lyon","userId":null,
            "_embedded":{"group":[{"id":"city-lyon","name":"Lyon","type":"WORKFLOW"}]}}],
           "group":[{"id":"finance-officers","name":"Finance officers","type":"WORKFLOW"}]}}""";
    JsonNode french = json.readTree(answers.translate(Kind.TASKS, hal.getBytes(StandardCharsets.UTF_8), Locale.FRENCH));
    assertThat(french.findValuesAsText("name")).contains("Chargé·es de programme", "Lyon", "Responsables financiers")
        .doesNotContain("Programme officers", "Finance officers");
    JsonNode english = json.readTree(answers.translate(Kind.TASKS, hal.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH));
    assertThat(english.findValuesAsText("name")).contains("Programme officers");
  }
}
