package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.citygrants.evidence.SampleFiles;
import org.citygrants.process.CityGrantProcess;
import org.junit.jupiter.api.Test;

/**
 * Evidence files from a browser signed in to Tasklist (as evidence.js sends them): reading needs
 * only the session; attaching and deleting also need the webapps' CSRF token, as every change
 * through {@code /api} with the session does; the person is the session's, over HTTP.
 */
class EvidenceFilesOverTheWebappSessionTest extends SecuredApplicationTest {

  @Test
  void aTasklistSessionAttachesWithTheCsrfTokenOnly() {
    String grant = grantInPreparation("lyon", "coach1", "Shade for schoolyards");
    String documents = "/api/grants/" + grant + "/documents";
    String pdf = new String(SampleFiles.pdf(), StandardCharsets.US_ASCII);
    Map<String, String> step = Map.of("step", CityGrantProcess.Elements.SUBMIT_PROCUREMENT_PLAN);
    Http browser = anonymous();
    String token = WebappSessionTest.signInToTasklist(browser, "lyon");

    Http.Response withoutToken = browser.postMultipart(documents, step, "file", pdf);
    assertThat(withoutToken.status()).as("%s", withoutToken).isEqualTo(403);
    assertThat(browser.get(documents).json()).as("nothing attached without the token").isEmpty();

    Http.Response attached = browser.header("X-XSRF-TOKEN", token).postMultipart(documents, step, "file", pdf);
    assertThat(attached.status()).as("%s", attached).isEqualTo(201);
    assertThat(attached.json().path("uploadedBy").asText()).isEqualTo("lyon");
    assertThat(attached.json().path("type").asText()).isEqualTo("application/pdf");
    String download = attached.json().path("href").asText();

    Http.Response read = browser.get(download);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
        assertThat(value).startsWith("attachment;"));

    assertThat(browser.delete(download + "?reason=mistake").status()).as("a deletion without the token").isEqualTo(403);
    assertThat(browser.get(download).status()).isEqualTo(200);
    assertThat(browser.header("X-XSRF-TOKEN", token).delete(download + "?reason=mistake").status()).isEqualTo(200);
    assertThat(browser.get(download).status()).isEqualTo(410);
  }
}
