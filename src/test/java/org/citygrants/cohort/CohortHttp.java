package org.citygrants.cohort;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the cohort tests: HTTP Basic as one user or anonymous, cookies kept, no redirects followed. */
final class CohortHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, String body, HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
    }
  }

  private final int port;
  private final String authorization;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  CohortHttp(int port, String user, String password) {
    this.port = port;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  Response get(String path, String accept, String... headers) {
    HttpRequest.Builder request = request(path).header("Accept", accept).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  Response putJson(String path, String json) {
    return send(request(path).header("Accept", "application/json").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Signs in to Tasklist as its page does (CSRF cookie, then the login form): the session is kept in this client. */
  void signInToTasklist(String user, String password) {
    Response app = get("/camunda/app/tasklist/default/", "text/html");
    if (app.status() != 200) {
      throw new AssertionError("Tasklist: " + app);
    }
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((a, b) -> b).map(HttpCookie::getValue).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    Response login = send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    if (login.status() != 200) {
      throw new AssertionError("sign-in: " + login);
    }
  }

  /** This client's current session cookie, if any. */
  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .reduce((a, b) -> b).map(HttpCookie::getValue).orElse(null);
  }

  /** A GET with this session id only, as a browser sends requests it started before any answer came back. */
  Response getWithSession(String path, String accept, String sessionId) {
    HttpClient noCookies = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> response = noCookies.send(request(path).header("Accept", accept)
          .header("Cookie", "JSESSIONID=" + sessionId).GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
