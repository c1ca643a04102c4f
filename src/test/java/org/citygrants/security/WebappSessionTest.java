package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.Map;
import org.citygrants.support.WhoAmIEndpoint;
import org.junit.jupiter.api.Test;

/**
 * A browser signed in to Tasklist may use the application's API and pages with that session
 * (the coming cohort view); without a session it is sent to the sign-in. The webapps keep their
 * sign-in and CSRF protection; responses carry the security headers.
 */
class WebappSessionTest extends SecuredApplicationTest {

  static final String WHO_AM_I = WhoAmIEndpoint.WHO_AM_I;

  @Test
  void theApiAcceptsHttpBasicAndMakesTheUserTheEnginesUser() {
    Http.Response response = as("lyon").get(WHO_AM_I);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("user").asText()).isEqualTo("lyon");
    assertThat(response.json().path("engineUser").asText()).isEqualTo("lyon");
    assertThat(response.json().path("engineGroups").toString()).contains("city-lyon");

    assertThat(anonymous().get(WHO_AM_I).status()).isEqualTo(401);
    assertThat(new Http(port, "lyon", "wrong").get(WHO_AM_I).status()).isEqualTo(401);
    assertThat(anonymous().get(WHO_AM_I).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
  }

  @Test
  void aTasklistSessionSignsInToTheApiAndChangesNeedTheWebappsCsrfToken() {
    Http browser = anonymous();
    String token = signInToTasklist(browser, "tampere");

    Http.Response me = browser.get(WHO_AM_I);
    assertThat(me.status()).as("%s", me).isEqualTo(200);
    assertThat(me.json().path("user").asText()).isEqualTo("tampere");
    assertThat(me.json().path("engineUser").asText()).isEqualTo("tampere");

    assertThat(browser.post(WHO_AM_I, Map.of()).status()).as("a change without the CSRF token").isEqualTo(403);
    Http.Response withToken = browser.header("X-XSRF-TOKEN", token).post(WHO_AM_I, Map.of());
    assertThat(withToken.status()).as("%s", withToken).isEqualTo(200);
  }

  @Test
  void theApplicationsPagesReadTheSessionsCsrfTokenFromTheApiBecauseTheWebappsCookieIsOnlySentUnderCamunda() {
    Http browser = anonymous();
    String cookie = signInToTasklist(browser, "officer");
    assertThat(browser.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")))
        .allSatisfy(c -> assertThat(c.getPath()).isEqualTo("/camunda"));

    Http.Response asked = browser.header("X-Requested-With", "XMLHttpRequest").get("/api/me/csrf-token", "application/json");
    assertThat(asked.status()).as("%s", asked).isEqualTo(200);
    String token = asked.json().path("token").asText();
    assertThat(token).isEqualTo(cookie);
    assertThat(asked.json().path("header").asText()).isEqualTo("X-XSRF-TOKEN");
    assertThat(browser.header("X-XSRF-TOKEN", token).post(WHO_AM_I, Map.of()).status()).isEqualTo(200);

    assertThat(as("officer").get("/api/me/csrf-token").json().path("token").isNull())
        .as("HTTP Basic needs no token").isTrue();
    assertThat(anonymous().get("/api/me/csrf-token").status()).isEqualTo(401);
  }

  @Test
  void withoutASessionABrowserPageIsSentToTheTasklistSignInAndAnApiCallGets401() {
    Http.Response page = anonymous().get("/cohort/", "text/html,application/xhtml+xml");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/tasklist/"));
    assertThat(page.headers().firstValue("WWW-Authenticate")).as("no Basic prompt in a browser").isEmpty();

    Http.Response xhr = anonymous().header("X-Requested-With", "XMLHttpRequest").get("/cohort/data", "application/json");
    assertThat(xhr.status()).isEqualTo(401);
    assertThat(anonymous().get("/anything-else").status()).isEqualTo(401);
  }

  @Test
  void theWebappsKeepTheirSignInAndTheirCsrfProtection() {
    Http.Response signIn = anonymous().get("/camunda/app/tasklist/default/");
    assertThat(signIn.status()).isEqualTo(200);
    // Camunda's CSRF filter refuses a modifying request without its token
    Http.Response noToken = anonymous().postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=lyon&password=demo");
    assertThat(noToken.status()).isEqualTo(403);
    // its API needs the webapp session
    assertThat(anonymous().get("/camunda/api/engine/engine/default/task").status()).isEqualTo(401);
  }

  @Test
  void responsesCarryTheSecurityHeaders() {
    for (Http.Response response : new Http.Response[] {as("lyon").get("/engine-rest/task"), as("lyon").get(WHO_AM_I),
        anonymous().get("/camunda/app/tasklist/default/")}) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValueSatisfying(
          value -> assertThat(value).isIn("SAMEORIGIN", "DENY"));
      assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
    }
    // HSTS only over HTTPS
    assertThat(as("lyon").get("/engine-rest/task").headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  /** Signs in as Tasklist does and returns the session's CSRF token. */
  static String signInToTasklist(Http browser, String user) {
    Http.Response app = browser.get("/camunda/app/tasklist/default/");
    assertThat(app.status()).isEqualTo(200);
    String token = xsrfToken(browser);
    Http.Response login = browser.header("X-XSRF-TOKEN", token)
        .postForm("/camunda/api/admin/auth/user/default/login/tasklist", "username=" + user + "&password=demo");
    assertThat(login.status()).as("%s", login).isEqualTo(200);
    // the sign-in renews the session and its token
    String renewed = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst().map(c -> HttpCookie.parse(c).get(0).getValue()).orElse(null);
    if (renewed == null) {
      browser.get("/camunda/api/admin/auth/user/default");
      renewed = xsrfToken(browser);
    }
    return renewed;
  }

  private static String xsrfToken(Http browser) {
    return browser.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((a, b) -> b).map(HttpCookie::getValue).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }
}
