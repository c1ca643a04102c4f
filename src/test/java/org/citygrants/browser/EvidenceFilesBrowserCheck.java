package org.citygrants.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.citygrants.cohortrun.GrantPort.OpenTask;
import org.citygrants.cohortrun.RestPort;
import org.citygrants.evidence.SampleFiles;
import org.junit.jupiter.api.Test;

/**
 * Evidence files in a real browser against a running application (not part of {@code mvn verify},
 * whose browser journey is already its largest part): lyon, reading French, cannot complete her
 * procurement plan without a file, attaches a PDF in Tasklist's "Pièces jointes" window and
 * completes it; the officer, reading English, opens the file from "Files" on the review task.
 *
 * <p>Run it against the packaged application in the demo profile, whose default requires a file on
 * the procurement plan: {@code java -jar target/*.jar --spring.profiles.active=demo
 * --server.port=8182}, then {@code mvn -o test -Dtest=EvidenceFilesBrowserCheck
 * -Devidence.check.url=http://localhost:8182}. Screenshots in {@code target/browser-evidence/} (or
 * {@code -Devidence.check.shots=...}). Skipped when no application answers or Chromium is missing.
 */
class EvidenceFilesBrowserCheck {

  static final String URL = System.getProperty("evidence.check.url", "http://localhost:8182");
  static final Path SHOTS = Path.of(System.getProperty("evidence.check.shots", "target/browser-evidence"));

  @Test
  void lyonAttachesHerPlanInFrenchAndTheOfficerOpensItInEnglish() throws Exception {
    assumeTrue(TasklistDriver.browserInstalled(), "Chromium and chromedriver are not installed");
    assumeTrue(answers(URL), "no application at " + URL);

    RestPort port = new RestPort(List.of(URL));
    String grant = port.apply("lyon", application("learning"));
    complete(port, grant, SIZE_GRANT, "officer", award(40000));
    complete(port, grant, ACCEPT_AWARD, "lyon", acceptAward());
    complete(port, grant, ASSIGN_COACH, "manager", of("coach", "coach1"));
    String plan = taskId(port, grant, SUBMIT_PROCUREMENT_PLAN);

    Path pdf = Files.createTempDirectory("evidence").resolve("plan-achats-lyon.pdf");
    Files.write(pdf, SampleFiles.pdf());

    try (TasklistDriver lyon = new TasklistDriver(URL, SHOTS, false, "fr-FR")) {
      lyon.login("tasklist", "lyon", "fr");
      lyon.openTaskById(plan, "Envoyer le plan d'achats");
      lyon.text("procurementPlan", "Trois devis pour les plantes et un paysagiste.");
      lyon.text("procurementLeadTimeWeeks", "8");
      lyon.text("estimatedProcurementCost", "20000");
      assertThat(lyon.textOf(".city-grants-files-button")).isEqualTo("Pièces jointes (0)");

      String refused = lyon.completeNotTaken();
      lyon.screenshot("lyon-plan-refused-without-a-file");
      assertThat(refused).contains("Joignez au moins un fichier à « Envoyer le plan d'achats » avant de terminer cette tâche")
          .doesNotContain("ENGINE-03051", "Cannot submit task form");

      lyon.clickOn(".city-grants-files-button");
      assertThat(lyon.textOf(".city-grants-files-window .modal-title")).isEqualTo("Fichiers de " + grant);
      assertThat(lyon.textOf(".city-grants-no-file")).isEqualTo("Aucun fichier pour l’instant.");
      lyon.chooseFile("#city-grants-file-input", pdf);
      lyon.screenshot("lyon-chooses-her-plan");
      lyon.clickOn(".city-grants-attach-button");
      assertThat(lyon.textOf(".city-grants-file-attached")).isEqualTo("plan-achats-lyon.pdf est joint.");
      assertThat(lyon.textOf(".city-grants-step-files")).contains("plan-achats-lyon.pdf", "Envoyer le plan d'achats",
          "Claire Dubois");
      lyon.screenshot("lyon-plan-attached");
      lyon.clickOn(".city-grants-files-close");
      assertThat(lyon.textOf(".city-grants-files-button")).isEqualTo("Pièces jointes (1)");
      // the same window on a phone
      lyon.windowSize(390, 844);
      lyon.clickOn(".city-grants-files-button");
      assertThat(lyon.textOf(".city-grants-step-files")).contains("plan-achats-lyon.pdf");
      assertThat(lyon.scrollsSideways()).as("the files window on a phone").isFalse();
      lyon.screenshot("lyon-files-on-a-phone");
      lyon.clickOn(".city-grants-files-close");
      lyon.windowSize(1400, 1000);
      lyon.complete();
      lyon.screenshot("lyon-plan-completed");
    }

    String review = taskId(port, grant, REVIEW_PROCUREMENT_PLAN);
    try (TasklistDriver officer = new TasklistDriver(URL, SHOTS, false, "en-US")) {
      officer.login("tasklist", "officer", "en");
      officer.openTaskById(review, "Review procurement plan");
      assertThat(officer.textOf(".city-grants-files-button")).isEqualTo("Files (1)");
      officer.clickOn(".city-grants-files-button");
      String listed = officer.textOf(".city-grants-step-files");
      assertThat(listed).contains("plan-achats-lyon.pdf", "Submit procurement plan", "Claire Dubois");
      officer.screenshot("officer-sees-the-plan-on-the-review");
      String href = officer.linkHref("plan-achats-lyon.pdf");
      assertThat(officer.fetch(href)).isEqualTo("200 application/pdf");
    }
  }

  private static void complete(RestPort port, String grant, String taskKey, String user, Map<String, Object> variables) {
    port.complete(user, taskId(port, grant, taskKey), variables);
  }

  private static String taskId(RestPort port, String grant, String taskKey) {
    for (int attempt = 0; attempt < 50; attempt++) {
      for (OpenTask task : port.openTasks(grant)) {
        if (task.key().equals(taskKey)) {
          return task.id();
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(taskKey + " is not open in " + grant);
  }

  private static boolean answers(String url) {
    try {
      HttpResponse<Void> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
          .send(HttpRequest.newBuilder(URI.create(url + "/camunda/app/")).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() < 500;
    } catch (Exception e) {
      return false;
    }
  }
}
