package org.citygrants.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.TaskService;
import java.util.Map;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.ProcessGateway;
import org.citygrants.support.FormData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people's journey in a real browser: lyon applies in Tasklist (a value the form refuses
 * first), officer sizes, manager assigns coach1, coach1 sees the Lyon task and coach2 does not,
 * finance1 requests the advance and finance2 approves it, manager sees the grant in Cockpit.
 * Screenshots of each step go to target/browser/. Skipped where Chromium is not installed
 * (.ci/run installs it).
 */
@Tag("application")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class TasklistJourneyBrowserTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired LedgerService ledger;
  @Autowired ProcessGateway gateway;

  TasklistDriver browser;

  @BeforeEach
  void openBrowser() throws Exception {
    assumeTrue(TasklistDriver.browserInstalled(),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver): browser test skipped");
    browser = new TasklistDriver("http://localhost:" + port, Path.of("target", "browser"));
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (browser != null) {
      browser.screenshot("last-page");
      browser.close();
    }
  }

  @Test
  void aCityAppliesAndStaffCarryTheGrantToItsAdvanceInTasklist() throws Exception {
    browser.login("tasklist", "lyon");
    browser.screenshot("lyon-tasklist");
    browser.startProcess("City experimentation grant");
    browser.text("challenge", "Schoolyards overheat in summer; children cannot play outside.");
    browser.text("experimentArea", "Greening schoolyards with parents");
    browser.radio("objectiveType", 1);
    browser.text("requestedAmount", "400");
    browser.text("population", "520000");
    browser.select("procurementRoute", 2);
    browser.select("participationDepth", 2);
    browser.radio("cashFlowSituation", 1);
    browser.text("contactEmail", "experiments@lyon.example.org");
    browser.screenshot("lyon-application-refuses-400-euros");
    assertThat(browser.startEnabled()).as("the form refuses 400 EUR").isFalse();
    assertThat(browser.pageText()).contains("minimum value of 15000");
    browser.text("requestedAmount", "40000");
    browser.screenshot("lyon-application-valid");
    browser.clickStart();

    ProcessInstance grant = runtimeService.createProcessInstanceQuery().processDefinitionKey("city-grant").singleResult();
    assertThat(grant).as("the application started a grant").isNotNull();
    assertThat(grant.getBusinessKey()).startsWith("LYON-");

    browser.login("tasklist", "officer");
    browser.openTask("My group tasks", "Size the grant");
    browser.radio("sizingDecision", 0);
    browser.text("awardedAmount", "40000");
    browser.screenshot("officer-sizes-the-grant");
    browser.complete();

    browser.login("tasklist", "manager");
    browser.openTask("My group tasks", "Assign experimentation coach");
    browser.select("coach", 0);
    browser.screenshot("manager-assigns-coach1");
    browser.complete();
    assertThat(runtimeService.getVariable(grant.getId(), "coach")).isEqualTo("coach1");

    // the city prepares (through the engine; the forms are covered by the lifecycle tests)
    completeAs("lyon", "Task_CompleteMethodOnboarding", FormData.methodOnboarding());
    completeAs("lyon", "Task_PlanExperimentation", FormData.planningCanvas());
    completeAs("lyon", "Task_ObtainInternalAuthorisations", FormData.internalAuthorisations());
    completeAs("lyon", "Task_SubmitProcurementPlan", FormData.procurementPlan());

    browser.login("tasklist", "coach1");
    // the readiness check comes later; coach1 sees the grant's tasks in "Coach: my cities' tasks"
    assertThat(browser.taskNamesIn("Coach: my cities' tasks")).contains("Review procurement plan");
    browser.screenshot("coach1-sees-lyon");
    browser.login("tasklist", "coach2");
    assertThat(browser.taskNamesIn("My tasks")).isEmpty();
    assertThat(browser.taskNamesIn("Coach: my cities' tasks")).isEmpty();
    browser.screenshot("coach2-sees-nothing-of-lyon");

    browser.login("tasklist", "officer");
    browser.openTask("My group tasks", "Review procurement plan");
    browser.check("procurementApproved");
    browser.complete();

    browser.login("tasklist", "finance1");
    browser.openTask("Payments to approve", "Request payment");
    browser.text("paymentAmount", browser.value("proposedPaymentAmount"));
    browser.screenshot("finance1-requests-the-advance");
    browser.complete();

    browser.login("tasklist", "finance2");
    browser.openTask("Payments to approve", "Approve payment");
    browser.check("paymentApproved");
    browser.screenshot("finance2-approves-the-advance");
    browser.complete();
    managementService.createJobQuery().messages().list().forEach(job -> managementService.executeJob(job.getId()));
    assertThat(ledger.statement(grant.getBusinessKey()).paid()).isPositive();

    browser.login("tasklist", "coach1");
    browser.openTask("My tasks", "Confirm readiness");
    browser.screenshot("coach1-readiness-task");

    browser.login("cockpit", "manager");
    browser.openCockpitInstance(grant.getId());
    browser.screenshot("manager-sees-the-grant-in-cockpit");
    assertThat(browser.diagramShows("SubProcess_Preparation")).isTrue();
  }

  private void completeAs(String user, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().taskDefinitionKey(taskKey).singleResult();
    gateway.completeTask(user, task.getId(), variables);
  }
}
