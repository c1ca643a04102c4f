package org.citygrants.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.evidence.EvidenceFiles;
import org.citygrants.evidence.SampleFiles;
import org.citygrants.grant.change.GrantChange;
import org.citygrants.grant.change.GrantChanges;
import org.citygrants.grant.pause.GrantPauses;
import org.citygrants.language.LanguagePreferences;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.GrantChangeProcess;
import org.citygrants.process.PaymentProcess;
import org.citygrants.process.ProcessGateway;
import org.citygrants.support.GrantJourney;
import org.citygrants.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people's journey in a real browser: lyon applies in Tasklist (a value the form refuses
 * first), officer sizes, lyon accepts the award (a question left empty is refused first), manager
 * assigns coach1, coach1 sees the Lyon task, finance1 requests the advance and
 * finance2 approves it, coach1 confirms readiness, manager sees the grant in Cockpit.
 *
 * <p>On the way, every Camunda Form whose rules hide a field that has its own rule (required, a
 * minimum, ...) is refused once, corrected and completed on the same page, without a reload
 * (Tasklist 7.24 kept the Complete button disabled there: scripts/city-grants/complete-button.js).
 * The journey's grant reaches four of them; a second Lyon grant is brought to the others through
 * the Java API, and each person does them while signed in for the journey anyway, so the browser
 * adds no sign-in. The test ends by checking that no form of {@code forms/} with such a rule was
 * left out. Non-administrators are not offered "Create task".
 *
 * <p>In two languages: lyon (Claire Dubois) reads French, her choice, in a browser of her own whose
 * language is French ({@code --lang=fr-FR}); the staff read English and take turns in an English one. lyon applies, completes a preparation task (the held grant's procurement
 * plan) and reads her award and grant page in French; the officer reviews her plan in English. On
 * those screens no line is a text of the product in the other language (names and data aside:
 * {@link ScreenLanguage}). On the way, the bytes on the wire of Tasklist's first load and reload,
 * the grant page and the cohort view are held to their budgets, and both pages fit a phone's
 * screen.
 *
 * <p>Screenshots of each step go to target/browser/. Skipped where Chromium is not installed
 * (.ci/run installs it).
 */
@Tag("application")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512",
    "camunda.bpm.job-execution.enabled=false",
    // as in production: the procurement plan needs a file (lyon attaches hers in Tasklist)
    "grant.evidence.required-steps=" + SUBMIT_PROCUREMENT_PLAN})
class TasklistJourneyBrowserTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired LedgerService ledger;
  @Autowired ProcessGateway gateway;
  @Autowired GrantJourney journey;
  @Autowired LanguagePreferences languages;
  @Autowired EvidenceFiles evidence;
  @Autowired GrantPauses pauses;
  @Autowired GrantChanges changes;
  @Autowired org.citygrants.ledger.ExchangeRates rates;
  @Autowired org.citygrants.ledger.LocalSpending localSpending;
  @Autowired IdentityService identityService;

  /**
   * The city's browser (French, as a city official's in Bamako or Lyon: lyon signs in once and
   * stays), the staff's (English: they take turns on one Tasklist page), and the one in use.
   */
  TasklistDriver city;
  TasklistDriver staff;
  TasklistDriver browser;
  /** The Camunda Forms refused once, corrected and completed in this test. */
  final Set<String> formsRefusedThenCompleted = new TreeSet<>();

  @BeforeEach
  void openBrowser() throws Exception {
    assumeTrue(TasklistDriver.browserInstalled(),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver): browser test skipped");
    // lyon reads French, her choice in the demo; the staff read English: coach1 and finance2,
    // French in the demo, choose English for this journey (the staff's browser is English)
    languages.choose("coach1", "en");
    languages.choose("finance2", "en");
    city = new TasklistDriver("http://localhost:" + port, Path.of("target", "browser"), true, "fr-FR");
    staff = new TasklistDriver("http://localhost:" + port, Path.of("target", "browser"), true, "en-US");
    browser = city;
  }

  @AfterEach
  void closeBrowser() throws Exception {
    for (TasklistDriver each : new TasklistDriver[] {city, staff}) {
      if (each != null) {
        each.screenshot("last-page");
        each.close();
      }
    }
  }

  @Test
  void aCityAppliesAndStaffCarryTheGrantToItsAdvanceInTasklist() throws Exception {
    // lyon (Claire Dubois) reads French: her Tasklist, forms, task names and pages are French, and
    // no text of the product on her screens is English (names and data aside)
    // on the wire (README, "Languages and slow lines"): Tasklist's first load in a French browser,
    // from an empty cache, the sign-in included, then the same page reloaded
    NetworkLog.Traffic firstLoad = browser.traffic(() -> browser.login("tasklist", "lyon", "fr"));
    NetworkLog.Traffic reload = browser.traffic(browser::reload);
    browser.screenshot("lyon-tasklist");
    assertFrench("lyon's task list");
    assertThat(browser.offersCreateTask()).as("'Create task' is for administrators only").isFalse();
    browser.startProcess("Subvention d'expérimentation pour une ville");
    browser.text("challenge", "Schoolyards overheat in summer; children cannot play outside.");
    browser.text("experimentArea", "Greening schoolyards with parents");
    browser.radio("objectiveType", 1);
    browser.text("requestedAmount", "400");
    browser.text("population", "520000");
    browser.select("procurementRoute", 2);
    browser.select("participationDepth", 2);
    browser.radio("cashFlowSituation", 1);
    browser.screenshot("lyon-application-refuses-400-euros");
    assertThat(browser.startEnabled()).as("the form refuses 400 EUR").isFalse();
    assertThat(spaced(browser.pageText())).contains("La valeur doit être d’au moins 15 000.");
    assertFrench("lyon's application refused at 400 EUR");
    browser.text("requestedAmount", "40000");
    browser.screenshot("lyon-application-valid");
    browser.clickStart();

    ProcessInstance grant = runtimeService.createProcessInstanceQuery().processDefinitionKey("city-grant").singleResult();
    assertThat(grant).as("the application started a grant").isNotNull();
    String lyon = grant.getBusinessKey();
    assertThat(lyon).startsWith("LYON-");
    // Tasklist tells the city its grant's reference, with the link to the grant's page (followed
    // below, once the city has accepted the award)
    assertThat(browser.waitForText("Votre candidature est enregistrée sous la référence " + lyon))
        .contains("Ouvrir la page de la subvention");
    assertThat(browser.linkHref("Ouvrir la page de la subvention")).endsWith("/grants/" + lyon);
    browser.screenshot("lyon-application-registered");
    browser.closeNote();

    String held = holdASecondGrantAtTheOtherFormsThatHideRuledFields();
    lyonReportsOnTheHeldGrant(held);

    browser = staff;
    browser.login("tasklist", "officer");
    browser.openTask("My group tasks", "Size the grant");
    String sizing = refuseOnce(lyon, SIZE_GRANT, () -> {
      browser.radio("sizingDecision", 1); // decline: a reason is required
      assertThat(browser.completeRefused()).containsExactly("declineReason");
      browser.screenshot("officer-size-grant-refused");
      browser.radio("sizingDecision", 0); // award after all: the reason is hidden
      // the rules' proposal is there already: the amount the city asked for, within the band
      assertThat(browser.value("awardedAmount")).isEqualTo("40000");
    });
    browser.screenshot("officer-sizes-the-grant");
    assertEnglish("the officer's sizing");
    completeInBrowser(sizing, "officer");
    officerDecidesOnTheHeldGrant(held);
    officerPausesAndResumesTheHeldGrant(held);

    browser = city; // lyon is still signed in: her task list shows the award to accept
    browser.openTask("Tâches de mes groupes", "Accepter la subvention");
    // the terms in the city team's language (lyon reads French), the amount as French writes it
    assertThat(browser.pageText().replaceAll("[\u202f\u00a0]", " ")).contains("Les conditions de la subvention",
        "Montant attribué : 40 000,00 EUR", "à compter du jour où vous acceptez");
    String acceptance = refuseOnce(lyon, ACCEPT_AWARD, () -> {
      browser.radio("awardResponse", 1); // a question: its text is required
      assertThat(browser.completeRefused()).containsExactly("awardQuestion");
      browser.radio("awardResponse", 0); // accept after all: the question is hidden
    });
    browser.screenshot("lyon-accepts-the-award");
    assertFrench("lyon's award acceptance");
    completeInBrowser(acceptance, "lyon");
    // the grant's page from Tasklist's header (lyon follows two grants: the list, then this one): the
    // terms as accepted, the agreement to download, what waits and for whom
    browser.reload(); // later that day: Tasklist's header now offers both her grants
    browser.followLink("Subventions");
    browser.waitForText(lyon);
    browser.clearCache(); // the grant's page as on a first visit (the list above shares its files)
    NetworkLog.Traffic grantPage = browser.traffic(() -> browser.followLink("Lyon · " + lyon));
    // lyon (Claire Dubois) reads French: the page's words, the groups and the amounts are French
    assertThat(browser.waitForText("Chez Responsables du programme")).contains("Désigner le coach d'expérimentation");
    assertThat(browser.waitForText("Télécharger la convention (PDF)")).contains("par Claire Dubois le",
        "Avance", "Conditions de la subvention");
    browser.screenshot("lyon-grant-page-after-accepting");
    assertFrench("lyon's grant page");
    onAPhone("lyon-grant-page-on-a-phone");
    assertThat(browser.fetch(browser.linkHref("Télécharger la convention (PDF)"))).isEqualTo("200 application/pdf");

    browser = staff;
    browser.login("tasklist", "manager");
    assertThat(browser.offersCreateTask()).isFalse();
    browser.openTask("My group tasks", "Assign experimentation coach");
    browser.select("coach", 0);
    browser.screenshot("manager-assigns-coach1");
    browser.complete();
    assertThat(runtimeService.getVariable(grant.getId(), "coach")).isEqualTo("coach1");

    // the city prepares (through the engine; the forms are covered by the lifecycle tests)
    completeAs("lyon", grant, COMPLETE_METHOD_ONBOARDING, methodOnboarding());
    completeAs("lyon", grant, PLAN_EXPERIMENTATION, planningCanvas());
    completeAs("lyon", grant, OBTAIN_INTERNAL_AUTHORISATIONS, internalAuthorisations());
    evidence.attach("lyon", lyon, SUBMIT_PROCUREMENT_PLAN, "plan-achats.pdf", SampleFiles.pdf());
    completeAs("lyon", grant, SUBMIT_PROCUREMENT_PLAN, procurementPlan());

    browser.login("tasklist", "coach1");
    // the readiness check comes later; coach1 sees the grant's tasks in "Coach: my cities' tasks"
    assertThat(browser.taskNamesIn("Coach: my cities' tasks")).contains("Review procurement plan");
    browser.screenshot("coach1-sees-lyon");
    coachDecidesOnTheHeldGrant(held);
    changesOfTheHeldGrantDecidedInTasklist(held);
    // that coach2 sees none of it, in the same filters, is DemoIdentitySeederTest's (through the
    // filters' own queries: a sign-in here cost some 8 s of the suite's CPU for the same answer)

    // the procurement review's form was refused and completed in the browser on the held grant
    completeAs("officer", grant, REVIEW_PROCUREMENT_PLAN, procurementReview(true));

    // the supplier's invoice behind the advance request (the Files window is walked by lyon above)
    evidence.attach("finance1", lyon, PaymentProcess.Elements.REQUEST_PAYMENT, "facture-avance.pdf", SampleFiles.pdf());
    browser.login("tasklist", "finance1");
    browser.openTask("Payments to approve", "Request payment");
    // the amount to pay comes prefilled with the proposal: nothing to type
    assertThat(browser.value("paymentAmount")).isEqualTo(browser.value("proposedPaymentAmount"));
    browser.screenshot("finance1-requests-the-advance");
    browser.complete();

    browser.login("tasklist", "finance2");
    browser.openTask("Payments to approve", "Approve payment");
    String approval = refuseOnce(lyon, PaymentProcess.Elements.APPROVE_PAYMENT, () -> {
      browser.touch("paymentQuery"); // read and left empty: required unless the payment is approved
      assertThat(browser.fieldsInError()).containsExactly("paymentQuery");
      browser.check("paymentApproved");
    });
    browser.screenshot("finance2-approves-the-advance");
    completeInBrowser(approval, "finance2");
    managementService.createJobQuery().messages().list().forEach(job -> managementService.executeJob(job.getId()));
    assertThat(ledger.statement(lyon).paid()).isPositive();
    // the advance, paid, rests on its invoice: the grant's page says so and links it
    browser.open("/grants/" + lyon);
    assertThat(browser.waitForText("Evidence: facture-avance.pdf")).contains("Advance");
    browser.screenshot("finance2-sees-the-advance-and-its-invoice");

    browser.login("tasklist", "coach1");
    browser.openTask("My tasks", "Confirm readiness");
    browser.screenshot("coach1-readiness-task");
    String readiness = refuseOnce(lyon, CONFIRM_READINESS, () -> {
      assertThat(browser.completeRefused()).containsExactly("readinessGuidance"); // not ready: say why
      Stream.of("criterionTeamInPlace", "criterionAuthorisationsObtained", "criterionProcurementReady",
          "criterionHypothesesTestable", "criterionMeasuresDefined", "readyToExperiment").forEach(browser::check);
    });
    completeInBrowser(readiness, "coach1");

    browser.login("cockpit", "manager");
    browser.openCockpitInstance(grant.getId());
    browser.screenshot("manager-sees-the-grant-in-cockpit");
    assertThat(browser.diagramShows("SubProcess_Preparation")).isTrue();

    browser.clearCache();
    NetworkLog.Traffic cohortView = browser.traffic(() -> browser.open("/cohort/"));
    assertThat(browser.waitForText(lyon)).as("the cohort view lists the grant").contains(lyon);
    browser.screenshot("manager-cohort-view");
    onAPhone("manager-cohort-view-on-a-phone");
    lightOnTheWire(firstLoad, reload, grantPage, cohortView);

    assertThat(formsRefusedThenCompleted)
        .as("every form that hides a field with a rule of its own is refused, corrected and completed in the browser")
        .containsAll(formsThatHideFieldsWithRules());
  }

  // --- the second grant: the other forms that hide a field with a rule ----------------------

  /**
   * A second Lyon grant, sized and given to coach1 through the Java API, then waiting at each
   * task whose form hides a field with a rule and which the journey's grant does not reach in
   * this test (process instance modification; the variables are what these forms show).
   */
  private String holdASecondGrantAtTheOtherFormsThatHideRuledFields() {
    String held = journey.apply("lyon", application("learning"));
    journey.complete(held, SIZE_GRANT, "officer", award(40000));
    journey.acceptAward(held, "lyon");
    journey.complete(held, ASSIGN_COACH, "manager", of("coach", "coach1"));
    String instance = journey.mainInstance(held).getId();
    Map<String, Object> shown = new HashMap<>(committee());
    shown.putAll(experimentPlan(5000, 6));
    shown.putAll(experimentReport(3000, false));
    shown.putAll(transitionPlan());
    runtimeService.setVariables(instance, shown);
    runtimeService.createProcessInstanceModification(instance)
        .startBeforeActivity(DECIDE_PREPARATION_OVERRUN)
        .startBeforeActivity(DECIDE_COMMITTEE_CONVENING)
        .startBeforeActivity(REVIEW_EXPERIMENT_PLAN)
        .startBeforeActivity(DECIDE_EXPERIMENT_OUTCOME)
        .startBeforeActivity(SUBMIT_PROGRESS_REPORT)
        .startBeforeActivity(REVIEW_TRANSITION_PLAN)
        .startBeforeActivity(SUBMIT_FINAL_REPORT)
        .execute();
    return held;
  }

  /** lyon, signed in: the progress report and the final report, whose objective hides a part. */
  private void lyonReportsOnTheHeldGrant(String held) throws IOException {
    browser.markPage();
    String progress = openHeld(held, SUBMIT_PROGRESS_REPORT, "Envoyer le rapport d'avancement", () -> {
      assertThat(browser.completeRefused()).contains("progressSummary", "learningLog");
      browser.screenshot("lyon-progress-report-refused");
      browser.text("progressSummary", "Workshops under way, first schoolyard drawn.");
      browser.text("learningLog", "Evening slots draw more parents.");
    });
    completeInBrowser(progress, "lyon");

    String finalReport = openHeld(held, SUBMIT_FINAL_REPORT, "Envoyer le rapport final", () -> {
      assertThat(browser.completeRefused()).contains("finalSummary");
      browser.text("finalSummary", "Two schoolyards co-designed; the approach continues.");
      browser.text("learningLog", "Co-design needs evening slots and a facilitator.");
      browser.text("otherExpenditure", "0");
    });
    completeInBrowser(finalReport, "lyon");

    // a preparation task in French: the procurement plan (the officer reviews it in English below)
    String procurementPlan = openHeld(held, SUBMIT_PROCUREMENT_PLAN, "Envoyer le plan d'achats", () -> {
      assertThat(browser.completeRefused()).contains("procurementPlan", "estimatedProcurementCost");
      assertFrench("lyon's procurement plan refused");
      browser.text("procurementPlan", "Trois devis pour les plantes et un paysagiste.");
      browser.text("procurementLeadTimeWeeks", "8");
      browser.text("estimatedProcurementCost", "20000");
    });
    browser.screenshot("lyon-procurement-plan-in-french");
    attachThePlan(held);
    completeInBrowser(procurementPlan, "lyon");
    assertThat(browser.notReloaded()).as("lyon's forms on one page load").isTrue();
  }

  /**
   * lyon's plan needs a file (evidence/RequiredEvidence): Complete is refused in words without one;
   * she attaches the PDF in Tasklist's "Pièces jointes" window, which then counts it.
   */
  private void attachThePlan(String held) throws IOException {
    assertThat(browser.textOf(".city-grants-files-button")).isEqualTo("Pièces jointes (0)");
    assertThat(browser.completeNotTaken())
        .contains("Joignez au moins un fichier à « Envoyer le plan d'achats » avant de terminer cette tâche")
        .doesNotContain("ENGINE-", "Cannot submit task form");
    browser.screenshot("lyon-plan-refused-without-a-file");
    Path pdf = Files.createTempDirectory("evidence").resolve("plan-achats-lyon.pdf");
    Files.write(pdf, SampleFiles.pdf());
    browser.clickOn(".city-grants-files-button");
    assertThat(browser.textOf(".city-grants-files-window .modal-title")).isEqualTo("Fichiers de " + held);
    // last year's budget first, by mistake: she removes it with her reason (refused without one); its record stays
    Path wrong = pdf.resolveSibling("budget-2025.pdf");
    Files.write(wrong, SampleFiles.pdf());
    browser.chooseFile("#city-grants-file-input", wrong);
    browser.clickOn(".city-grants-attach-button");
    assertThat(browser.textOf(".city-grants-file-attached")).isEqualTo("budget-2025.pdf est joint.");
    browser.clickOn(".city-grants-file-remove");
    browser.clickOn(".city-grants-remove-confirm");
    assertThat(browser.textOf(".city-grants-remove-refusal")).isEqualTo("Dites pourquoi le fichier est retiré.");
    browser.typeInto(".city-grants-remove-reason", "Mauvais fichier : le budget de l’an dernier.");
    browser.clickOn(".city-grants-remove-confirm");
    browser.waitForText("budget-2025.pdf est retiré ; sa trace reste avec votre raison.");
    assertThat(evidence.list("lyon", held, true)).singleElement().satisfies(file -> {
      assertThat(file.name()).isEqualTo("budget-2025.pdf");
      assertThat(file.deletedBy()).isEqualTo("lyon");
      assertThat(file.deletedReason()).isEqualTo("Mauvais fichier : le budget de l’an dernier.");
    });
    browser.chooseFile("#city-grants-file-input", pdf);
    browser.clickOn(".city-grants-attach-button");
    assertThat(browser.textOf(".city-grants-file-attached")).isEqualTo("plan-achats-lyon.pdf est joint.");
    browser.screenshot("lyon-plan-attached");
    browser.clickOn(".city-grants-files-close");
    assertThat(browser.textOf(".city-grants-files-button")).isEqualTo("Pièces jointes (1)");
  }

  /** officer, signed in: the preparation overrun, then the two reports lyon has just sent. */
  private void officerDecidesOnTheHeldGrant(String held) throws IOException {
    browser.markPage();
    String overrun = openHeld(held, DECIDE_PREPARATION_OVERRUN, "Decide on preparation overrun", () -> {
      browser.radio("overrunDecision", 0); // extend: a new due date is required
      assertThat(browser.completeRefused()).contains("newPreparationDueDate");
      browser.screenshot("officer-overrun-refused");
      browser.radio("overrunDecision", 1); // continue without extension: the date is hidden
      browser.text("overrunReason", "Council vote delayed.");
    });
    completeInBrowser(overrun, "officer");

    // lyon's procurement plan, written in French, reviewed in English, with the file she attached
    String procurementReview = openHeld(held, REVIEW_PROCUREMENT_PLAN, "Review procurement plan", () -> {
      assertThat(browser.textOf(".city-grants-files-button")).isEqualTo("Files (1)");
      browser.clickOn(".city-grants-files-button");
      assertThat(browser.textOf(".city-grants-step-files")).contains("plan-achats-lyon.pdf", "Submit procurement plan",
          "Claire Dubois");
      browser.screenshot("officer-sees-lyons-plan-file");
      assertThat(browser.fetch(browser.linkHref("plan-achats-lyon.pdf"))).isEqualTo("200 application/pdf");
      browser.clickOn(".city-grants-files-close");
      assertThat(browser.completeRefused()).containsExactly("procurementFeedback");
      assertEnglish("the officer's review of lyon's procurement plan");
      browser.screenshot("officer-reviews-the-french-plan-in-english");
      // sent back with a note (approving would ask for this grant's advance beside the journey's)
      browser.text("procurementFeedback", "Please add the landscape designer's quote.");
    });
    completeInBrowser(procurementReview, "officer");

    String progressReview = openHeld(held, REVIEW_PROGRESS_REPORT, "Review progress report", () -> {
      assertThat(browser.completeRefused()).containsExactly("progressReportFeedback");
      browser.check("progressReportAccepted");
    });
    completeInBrowser(progressReview, "officer");

    String finalReview = openHeld(held, REVIEW_FINAL_REPORT, "Review final report", () -> {
      assertThat(browser.completeRefused()).containsExactly("finalReportFeedback");
      browser.check("finalReportAccepted");
      browser.screenshot("officer-final-report-accepted-after-a-refusal");
    });
    completeInBrowser(finalReview, "officer");
    assertThat(browser.notReloaded()).as("the officer's forms on one page load").isTrue();
  }

  /** coach1, signed in: committee convening, the experiment's plan and outcome, the transition plan. */
  /**
   * The officer, signed in, pauses the held grant from its page (municipal elections): refused in
   * words without the expected day, then paused, the page saying so; then resumed from the same
   * page. Who and why are recorded; the engine holds the grant while it is paused.
   */
  private void officerPausesAndResumesTheHeldGrant(String held) throws IOException {
    browser.open("/grants/" + held);
    browser.waitForText("What you can do");
    browser.clickOn("details.pause > summary"); // each action folds under its heading
    browser.clickOn("form.action.pause button");
    assertThat(browser.waitForText("Not done, nothing changed")).contains("expected to resume");
    assertThat(pauses.current(held)).as("a refused pause changes nothing").isEmpty();
    browser.typeInto("#act-note", "Municipal elections in March.");
    browser.typeInto("#act-expectedResume", LocalDate.now().plusDays(60).toString());
    browser.clickOn("form.action.pause button");
    assertThat(browser.waitForText("The grant is paused.")).contains("Municipal elections in March.", "Resume the grant");
    browser.screenshot("officer-pauses-a-grant-from-its-page");
    assertEnglish("the officer's grant page, paused");
    assertThat(pauses.current(held)).hasValueSatisfying(pause -> assertThat(pause.pausedBy()).isEqualTo("officer"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(held).active().count()).isZero();
    browser.clickOn("details.resume > summary");
    browser.clickOn("form.action.resume button");
    browser.waitForText("The grant runs again");
    assertThat(pauses.current(held)).isEmpty();
    assertThat(pauses.history(held)).singleElement().satisfies(pause -> assertThat(pause.resumedBy()).isEqualTo("officer"));
  }

  /**
   * Changes to the held grant (grant.change), their three forms refused once and completed: lyon's
   * budget move goes to coach1 (signed in), who agrees; the officer accepts it; then a second
   * officer's higher award waits for the officer, who approves it (four eyes: not the one who asked).
   */
  private void changesOfTheHeldGrantDecidedInTasklist(String held) throws IOException {
    // lyon, still signed in in her French browser, reports a spending in CFA francs and asks for the
    // move from her grant's page, on a phone's screen
    rates.importCsv("currency,valid_from,rate,source\nXOF,2020-01-01,655.957,BCEAO\n", "finance1");
    TasklistDriver staffBrowser = browser;
    browser = city;
    city.windowSize(390, 844);
    city.open("/grants/" + held);
    city.waitForText("Ce que vous pouvez faire");
    city.clickOn("details.spend > summary");
    city.typeInto("#act-spentAmount", "655957");
    city.choose("#act-spentCurrency", "XOF");
    city.typeInto("#act-spentFor", "Capteurs d’humidité du sol");
    // the invoice's photo, taken on the phone, sent with the spending from the page
    Path photo = Files.createTempDirectory("invoice").resolve("facture-capteurs.png");
    Files.write(photo, SampleFiles.png());
    city.chooseFile("#act-spentFile", photo);
    city.clickOn("form.action.spend button");
    assertThat(spaced(city.waitForText("Enregistré"))).contains("655 957 F CFA = 1 000,00 €");
    assertThat(localSpending.items(held)).singleElement().satisfies(item -> {
      assertThat(item.originalCurrency()).isEqualTo("XOF");
      assertThat(item.amount()).isEqualByComparingTo("1000.00");
      assertThat(evidence.describe("lyon", item.documentId()).name()).isEqualTo("facture-capteurs.png");
    });
    assertThat(city.textOf("#spending a")).isEqualTo("Facture");
    city.clickOn("details.move > summary");
    city.choose("#act-fromLine", "experiments");
    city.choose("#act-toLine", "learning-activities");
    city.typeInto("#act-moveAmount", "1000");
    city.typeInto("#act-moveReason", "Une visite d’étude au laboratoire urbain de Kigali.");
    city.clickOn("form.action.move button");
    city.waitForText("Envoyé");
    city.screenshot("lyon-asks-a-budget-move-on-a-phone");
    assertFrench("lyon's grant page after a spending and a budget move");
    city.windowSize(1400, 1000);
    browser = staffBrowser;
    GrantChange move = changes.history(held).get(changes.history(held).size() - 1);
    assertThat(move.kind()).isEqualTo(GrantChange.BUDGET_MOVE);
    assertThat(move.requestedBy()).isEqualTo("lyon");
    String agreement = openHeld(held, GrantChangeProcess.Elements.AGREE_BUDGET_MOVE, "Agree to the budget move", () -> {
      assertThat(browser.pageText()).contains("Move 1,000.00 EUR from the experiments line to the learning activities line.");
      assertThat(browser.value("changeReason")).isEqualTo("Une visite d’étude au laboratoire urbain de Kigali.");
      assertThat(browser.completeRefused()).containsExactly("coachNote");
      browser.check("coachAgrees");
    });
    completeInBrowser(agreement, "coach1");

    browser.login("tasklist", "officer");
    String decision = openHeld(held, GrantChangeProcess.Elements.DECIDE_CHANGE, "Decide on the change", () -> {
      assertThat(browser.completeRefused()).containsExactly("decisionNote");
      browser.check("changeAccepted");
    });
    browser.screenshot("officer-decides-a-budget-move");
    completeInBrowser(decision, "officer");
    assertThat(changes.find(move.id()).orElseThrow().status()).isEqualTo(GrantChange.APPLIED);

    TestPeople.member(identityService, "officer-journey2", "Nadia", "Okello", null, "programme-officers");
    changes.request("officer-journey2", held, new GrantChanges.ChangeRequest(GrantChange.AMENDMENT, "42000", null, null,
        null, null, null, "The second experiment needs sensors."));
    String approval = openHeld(held, GrantChangeProcess.Elements.APPROVE_INCREASE, "Approve the higher award (four eyes)",
        () -> {
          assertThat(browser.pageText()).contains("The award from 40,000.00 EUR to 42,000.00 EUR.")
              .doesNotContain("The deciding officer's note"); // none: an officer asked, nobody decided before
          assertThat(browser.value("requestedByName")).isEqualTo("Nadia Okello");
          assertThat(browser.completeRefused()).containsExactly("approvalNote");
          browser.check("increaseApproved");
        });
    browser.screenshot("officer-approves-a-higher-award");
    completeInBrowser(approval, "officer");
    assertThat(ledger.statement(held).awarded()).isEqualByComparingTo("42000");
  }

  private void coachDecidesOnTheHeldGrant(String held) throws IOException {
    browser.markPage();
    String convening = openHeld(held, DECIDE_COMMITTEE_CONVENING, "Decide when to convene the committee", () -> {
      assertThat(browser.completeRefused()).containsExactly("nextConveningCheck");
      // a day that does not exist is refused in words, not rolled over to another day
      assertThat(browser.typeDate("nextConveningCheck", "32/13/2026")).isEmpty();
      assertThat(browser.pageText()).contains("Not taken: 32/13/2026 is not a day of the calendar");
      browser.screenshot("coach1-convening-refused");
      browser.check("conveneNow"); // convene now: no date asked
      browser.screenshot("coach1-convening-can-complete");
    });
    completeInBrowser(convening, "coach1");

    String plan = openHeld(held, REVIEW_EXPERIMENT_PLAN, "Review experiment plan with the committee", () -> {
      assertThat(browser.completeRefused()).containsExactly("experimentPlanFeedback");
      browser.check("experimentPlanApproved");
    });
    completeInBrowser(plan, "coach1");

    String outcome = openHeld(held, DECIDE_EXPERIMENT_OUTCOME, "Decide: persevere, pivot or stop", () -> {
      browser.check("winFlagged"); // a win: its story is required
      assertThat(browser.completeRefused()).containsExactlyInAnyOrder("experimentReportFeedback", "winStory");
      browser.text("experimentReportFeedback", "Add the spending detail.");
      browser.uncheck("winFlagged"); // no win after all: the story is hidden
    });
    completeInBrowser(outcome, "coach1");

    String transition = openHeld(held, REVIEW_TRANSITION_PLAN, "Review transition plan", () -> {
      assertThat(browser.completeRefused()).containsExactly("transitionPlanFeedback");
      browser.check("transitionPlanAccepted");
    });
    completeInBrowser(transition, "coach1");
    assertThat(browser.notReloaded()).as("coach1's forms on one page load").isTrue();
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * Bytes on the wire as Chromium counts them (README, "Languages and slow lines"): Tasklist's first
   * load as lyon at most 1.5 MB, reloaded at most 150 KB, a grant's page and the cohort view at most
   * 500 KB each on a first visit; nothing asked for outside the application. File by file in
   * target/browser/bytes-on-the-wire.txt.
   */
  private void lightOnTheWire(NetworkLog.Traffic first, NetworkLog.Traffic reload, NetworkLog.Traffic grantPage,
      NetworkLog.Traffic cohort) throws IOException {
    String base = "http://localhost:" + port;
    String report = first.report("Tasklist, first load as lyon in a French browser (empty cache, sign-in included)")
        + reload.report("Tasklist reloaded (warm cache)")
        + grantPage.report("Grant page as lyon (first visit)")
        + cohort.report("Cohort view /cohort/ as manager (first visit)");
    Files.writeString(Path.of("target", "browser", "bytes-on-the-wire.txt"), report);
    // the log saw the loads it measures (an empty log would pass every budget)
    assertThat(first.responses()).as(report).anyMatch(r -> r.url().contains("/camunda/lib/deps.js") && r.bytes() > 100_000);
    assertThat(reload.responses()).as(report).anyMatch(r -> r.url().endsWith("/camunda/app/tasklist/default/"));
    assertThat(grantPage.responses()).as(report).anyMatch(r -> r.url().contains("/api/grants/"));
    assertThat(cohort.responses()).as(report).anyMatch(r -> r.url().endsWith("/api/cohort"));
    assertThat(first.bytes()).as(report).isLessThanOrEqualTo(1_500_000);
    assertThat(reload.bytes()).as(report).isLessThanOrEqualTo(150_000);
    assertThat(grantPage.bytes()).as(report).isLessThanOrEqualTo(500_000);
    assertThat(cohort.bytes()).as(report).isLessThanOrEqualTo(500_000);
    for (NetworkLog.Traffic traffic : List.of(first, reload, grantPage, cohort)) {
      assertThat(traffic.outside(base)).as("asked for outside the application").isEmpty();
    }
  }

  /** The page on a phone's screen (390 x 844): no side scrolling; then the desk's window again. */
  private void onAPhone(String screenshot) throws IOException {
    browser.windowSize(390, 844);
    try {
      browser.screenshot(screenshot);
      assertThat(browser.scrollsSideways()).as("%s scrolls sideways", screenshot).isFalse();
    } finally {
      browser.windowSize(1400, 1000);
    }
  }

  /** The product's texts in English and French, to tell which language a screen speaks. */
  private static ScreenLanguage screenLanguage;

  private static ScreenLanguage screenLanguage() throws IOException {
    if (screenLanguage == null) {
      screenLanguage = ScreenLanguage.ofTheProduct();
    }
    return screenLanguage;
  }

  /** No text of the product on the screen is English (a French reader's screen; names and data aside). */
  private void assertFrench(String screen) throws IOException {
    assertThat(screenLanguage().linesIn(browser.pageText(), "en")).as("English on %s", screen).isEmpty();
  }

  /** No text of the product on the screen is French (an English reader's screen). */
  private void assertEnglish(String screen) throws IOException {
    assertThat(screenLanguage().linesIn(browser.pageText(), "fr")).as("French on %s", screen).isEmpty();
  }

  /** A page's text with its no-break spaces (French thousands, before "?" and ":") as spaces. */
  private static String spaced(String text) {
    return text.replaceAll("[\u202f\u00a0]", " ");
  }

  /** Opens the held grant's task by id in the running Tasklist, then {@link #refuseOnce}. */
  private String openHeld(String grant, String taskKey, String taskName, Correction refusalAndCorrection)
      throws IOException {
    browser.openTaskById(journey.task(grant, taskKey).getId(), taskName);
    return refuseOnce(grant, taskKey, refusalAndCorrection);
  }

  /**
   * On the open form of the grant's task: a refusal and its correction, then the Complete button
   * must be clickable again on the same page (no field on screen in error); records the form.
   * Returns the task's id.
   */
  private String refuseOnce(String grant, String taskKey, Correction refusalAndCorrection) throws IOException {
    String taskId = journey.task(grant, taskKey).getId();
    String form = formService.getTaskFormData(taskId).getCamundaFormRef().getKey();
    refusalAndCorrection.run();
    assertThat(browser.noFieldInError()).as("%s: no field on screen in error after the correction (%s)", form,
        browser.fieldsInError()).isTrue();
    boolean completable = browser.completeEnabled();
    if (!completable) {
      browser.screenshot(form + "-complete-stuck");
    }
    assertThat(completable).as("%s: Complete can be clicked after the correction, without a reload", form).isTrue();
    formsRefusedThenCompleted.add(form);
    return taskId;
  }

  /** Completes the open form and checks that the engine recorded the completion by this person. */
  private void completeInBrowser(String taskId, String user) {
    browser.complete();
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    assertThat(done.getEndTime()).as("task %s completed", done.getTaskDefinitionKey()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo(user);
  }

  private void completeAs(String user, ProcessInstance grant, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(grant.getId()).taskDefinitionKey(taskKey).singleResult();
    gateway.completeTask(user, task.getId(), variables);
  }

  /** The forms of {@code forms/} with an editable field that has a rule of its own and a rule that hides it. */
  static Set<String> formsThatHideFieldsWithRules() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> forms = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(file.toFile());
        boolean hidesRuledField = form.findParents("conditional").stream()
            .anyMatch(field -> field.path("conditional").hasNonNull("hide") && !field.path("validate").isEmpty()
                && !field.path("readonly").asBoolean(false) && !field.path("disabled").asBoolean(false));
        if (hidesRuledField) {
          forms.add(form.path("id").asText());
        }
      }
    }
    return forms;
  }

  @FunctionalInterface
  private interface Correction {
    void run() throws IOException;
  }
}
