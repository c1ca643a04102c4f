package org.citygrants.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The page {@code /cohort/} and its data behind the same sign-in as the rest of the application:
 * HTTP Basic or the Camunda webapps' session; a browser without a session is sent to the
 * Tasklist sign-in, anything else gets 401. Chart.js comes from its webjar.
 */
class CohortPageTest extends CohortViewTest {

  static final String HTML = "text/html,application/xhtml+xml";

  @Test
  void withoutSignInTheDataIs401AndThePageSendsABrowserToTheTasklistSignIn() {
    CohortHttp.Response data = anonymous().get("/api/cohort", "application/json");
    assertThat(data.status()).isEqualTo(401);
    assertThat(data.body()).doesNotContain("Tampere", "Lyon");

    CohortHttp.Response script = anonymous().get("/api/cohort", "application/json", "X-Requested-With", "XMLHttpRequest");
    assertThat(script.status()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).as("no Basic prompt for the page's script").isEmpty();

    CohortHttp.Response page = anonymous().get("/cohort/", HTML);
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/tasklist/"));

    assertThat(anonymous().get("/cohort/", "*/*").status()).isEqualTo(401);
    assertThat(anonymous().get("/cohort/cohort.js", "*/*").status()).isEqualTo(401);
    // after a wrong password the engine delays that user's next sign-in: unlocked again for the
    // tests that sign in as finance2 next in this JVM
    assertThat(new CohortHttp(port, "finance2", "wrong").get("/api/cohort", "application/json").status()).isEqualTo(401);
    identityService.unlockUser("finance2");
  }

  @Test
  void aSignedInUserGetsThePageItsScriptsAndChartJsFromTheWebjar() {
    CohortHttp.Response page = as("lyon").get("/cohort/", HTML);
    assertThat(page.status()).as("%s", page).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<title>Cohort view", "decisionsChart", "moneyChart")
        // named by content version (delivery/VersionedPageLinks), so a browser keeps them a year
        .containsPattern("/webjars/chart.js/[0-9.]+/dist/chart.umd-[0-9a-f]{32}\\.js").containsPattern("/cohort/cohort-[0-9a-f]{32}\\.js");

    CohortHttp.Response withoutSlash = as("lyon").get("/cohort", HTML);
    assertThat(withoutSlash.status()).isEqualTo(302);
    assertThat(withoutSlash.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("cohort/"));

    CohortHttp.Response script = as("lyon").get("/cohort/cohort.js", "*/*");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("new Chart(", "../api/cohort");
    assertThat(as("lyon").get("/cohort/cohort.css", "text/css").status()).isEqualTo(200);

    CohortHttp.Response chartJs = anonymous().get("/webjars/chart.js/dist/chart.umd.js", "*/*");
    assertThat(chartJs.status()).as("Chart.js from the webjar, version resolved by the locator").isEqualTo(200);
    assertThat(chartJs.body()).contains("Chart.js v4");
  }

  @Test
  void aBrowserSignedInToTasklistReadsTheCohortWithItsSession() {
    CohortHttp browser = anonymous();
    browser.signInToTasklist("tampere", PASSWORD);

    CohortHttp.Response page = browser.get("/cohort/", HTML, "Sec-Fetch-Mode", "navigate");
    assertThat(page.status()).as("%s", page).isEqualTo(200);

    CohortHttp.Response data = browser.get("/api/cohort", "application/json", "X-Requested-With", "XMLHttpRequest",
        "Sec-Fetch-Mode", "cors");
    assertThat(data.status()).as("%s", data).isEqualTo(200);
    assertThat(data.json().path("viewer").path("userId").asText()).isEqualTo("tampere");
    assertThat(data.json().path("viewer").path("name").asText()).isEqualTo("Mikko Laine");
  }

  /**
   * A browser loads the page's style sheet, script and data at the same time, all with the
   * session cookie it has: the session must stay the same, or the requests that were already on
   * their way fail with 401 (and Tasklist, open in another tab, loses its session).
   *
   * <p>Today the {@code applicationApi} filter chain's session management renews the session id
   * (session fixation protection) on every request signed in by the webapps' session. Enable this
   * test with the fix in {@code SecurityConfiguration.applicationApi}:
   * {@code .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))}
   * (the webapps' own sign-in already renews the session).
   */
  @Test
  void theSessionStaysTheSameSoThePagesParallelRequestsAllSucceed() {
    CohortHttp browser = anonymous();
    browser.signInToTasklist("lyon", PASSWORD);
    String session = browser.sessionId();

    for (String path : new String[] {"/cohort/", "/cohort/cohort.css", "/cohort/cohort.js", "/api/cohort"}) {
      CohortHttp.Response response = browser.getWithSession(path, path.startsWith("/api") ? "application/json" : "*/*", session);
      assertThat(response.status()).as("%s with the session cookie the browser had", path).isEqualTo(200);
      assertThat(response.headers().allValues("Set-Cookie")).as("%s renews no session", path)
          .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    }
  }
}
