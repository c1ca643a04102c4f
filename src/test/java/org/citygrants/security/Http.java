package org.citygrants.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the tests: HTTP Basic as one user (or anonymous), JSON bodies, cookies kept. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, body, headers. */
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
      return status + " " + (body.length() > 400 ? body.substring(0, 400) + "..." : body);
    }
  }

  private final int port;
  private final String authorization;
  private final Map<String, String> extraHeaders;
  final CookieManager cookies;
  private final HttpClient client;

  Http(int port, String user, String password) {
    this(port, user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
        Map.of(), new CookieManager());
  }

  private Http(int port, String authorization, Map<String, String> headers, CookieManager cookies) {
    this.port = port;
    this.authorization = authorization;
    this.extraHeaders = headers;
    this.cookies = cookies;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The same client (same cookies) sending one more header. */
  Http header(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put(name, value);
    return new Http(port, authorization, headers, cookies);
  }

  Response get(String path) {
    return send(builder(path).GET());
  }

  Response get(String path, String accept) {
    return send(builder(path).header("Accept", accept).GET());
  }

  Response post(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
  }

  Response put(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
  }

  Response delete(String path) {
    return send(builder(path).DELETE());
  }

  Response postForm(String path, String form) {
    return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A multipart/form-data POST of one file plus plain fields (the engine's deployment/create). */
  Response postMultipart(String path, Map<String, String> fields, String fileName, String fileContent) {
    String boundary = "----test" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n"));
    body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"")
        .append(fileName).append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n")
        .append(fileContent).append("\r\n")
        .append("--").append(boundary).append("--\r\n");
    return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    extraHeaders.forEach(builder::header);
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

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
