package org.citygrants.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;
import org.citygrants.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * What goes over the wire, on the running application over real HTTP (Tomcat compresses; MockMvc
 * would not): the big webapp files compressed (gzip, or their Brotli copy for a browser that takes
 * it, the same bytes once decoded) and kept a year; our own files in the webjar's place asked again
 * each time; the API answers and the webapps' entry pages not kept at all; our pages' files named
 * by content version and kept a year.
 */
@ApplicationTest
class DeliveryTest {

  private static final String GZIP = "gzip, deflate";
  private static final String BROTLI = "gzip, deflate, br, zstd";
  private static final String KEPT_A_YEAR = "public, max-age=31536000, immutable";

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void tasklistsLargestFilesAreCompressedAndKeptAYear() throws Exception {
    byte[] deps = webjar("lib/deps.js");
    HttpResponse<byte[]> gzipped = get("/camunda/lib/deps.js?bust=7.24.0", GZIP, null);
    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
    assertThat(header(gzipped, "Cache-Control")).isEqualTo(KEPT_A_YEAR);
    assertThat(gzipped.body().length).as("deps.js gzipped (%d bytes raw)", deps.length).isLessThan(1_200_000);
    assertThat(gunzip(gzipped.body())).isEqualTo(deps);

    HttpResponse<byte[]> brotli = get("/camunda/lib/deps.js?bust=7.24.0", BROTLI, null);
    assertThat(header(brotli, "Content-Encoding")).isEqualTo("br");
    assertThat(header(brotli, "Content-Type")).startsWith("text/javascript");
    assertThat(header(brotli, "Cache-Control")).isEqualTo(KEPT_A_YEAR);
    assertThat(brotli.headers().allValues("Vary")).anyMatch(vary -> vary.toLowerCase().contains("accept-encoding"));
    assertThat(brotli.body().length).isLessThan(850_000);
    assertThat(unbrotli(brotli.body())).isEqualTo(deps);

    for (String file : List.of("app/tasklist/camunda-tasklist-bootstrap.js", "app/tasklist/camunda-tasklist-bootstrap.css")) {
      HttpResponse<byte[]> response = get("/camunda/" + file + "?bust=7.24.0", BROTLI, null);
      assertThat(header(response, "Content-Encoding")).as(file).isEqualTo("br");
      assertThat(unbrotli(response.body())).as(file).isEqualTo(webjar(file));
      assertThat(header(get("/camunda/" + file + "?bust=7.24.0", GZIP, null), "Content-Encoding")).as(file).isEqualTo("gzip");
    }
    // without ?bust= a webjar file is asked again each time (nothing says which version it is)
    assertThat(header(get("/camunda/lib/deps.js", GZIP, null), "Cache-Control")).isEqualTo("no-cache");
    // a font (already compressed, sent as it is) and a webapp plugin's script, both of Camunda's version
    HttpResponse<byte[]> font = get("/camunda/assets/IBMPlexSans-Regular.woff2?bust=7.24.0", BROTLI, null);
    assertThat(header(font, "Cache-Control")).isEqualTo(KEPT_A_YEAR);
    assertThat(header(font, "Content-Encoding")).isNull();
    HttpResponse<byte[]> plugin = get("/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js?bust=7.24.0", GZIP, null);
    assertThat(header(plugin, "Cache-Control")).isEqualTo(KEPT_A_YEAR);
    assertThat(header(plugin, "Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void ourFilesInTheWebjarsPlaceAreAskedAgainEachTime() throws Exception {
    // Camunda asks for them with its own ?bust=7.24.0, but they change with our releases
    for (String file : List.of("/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0", "/camunda/app/branding.css",
        "/camunda/app/tasklist/scripts/city-grants/complete-button.js?bust=7.24.0",
        "/camunda/app/tasklist/scripts/config.js?bust=1")) {
      HttpResponse<byte[]> response = get(file, GZIP, null);
      assertThat(response.statusCode()).as(file).isEqualTo(200);
      assertThat(header(response, "Cache-Control")).as(file).isEqualTo("no-cache");
      String lastModified = header(response, "Last-Modified");
      assertThat(lastModified).as(file).isNotNull();
      HttpResponse<byte[]> again = http.send(request(file, GZIP, null).header("If-Modified-Since", lastModified).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(again.statusCode()).as("%s asked again, unchanged", file).isEqualTo(304);
    }
  }

  @Test
  void answersWithPersonalDataAreNotKept() throws Exception {
    String[][] answers = {
        {"/camunda/app/tasklist/default/", null},
        {"/camunda/api/engine/engine/", null},
        {"/engine-rest/task", "lyon"},
        {"/api/cohort", "officer"},
        {"/api/me/language", "lyon"}};
    for (String[] answer : answers) {
      HttpResponse<byte[]> response = get(answer[0], GZIP, answer[1]);
      assertThat(response.statusCode()).as(answer[0]).isEqualTo(200);
      assertThat(header(response, "Cache-Control")).as(answer[0]).isEqualTo("no-store");
    }
    // the webapps' entry page and a large API answer are compressed too
    assertThat(header(get("/camunda/app/tasklist/default/", GZIP, null), "Content-Encoding")).isEqualTo("gzip");
    HttpResponse<byte[]> apiDocs = get("/v3/api-docs", GZIP, null);
    assertThat(header(apiDocs, "Content-Type")).startsWith("application/json");
    assertThat(header(apiDocs, "Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void ourPagesNameTheirFilesByContentVersionKeptAYear() throws Exception {
    for (String page : List.of("/cohort/", "/grants/")) {
      HttpResponse<byte[]> html = get(page, GZIP, "officer");
      assertThat(html.statusCode()).as(page).isEqualTo(200);
      assertThat(header(html, "Cache-Control")).as(page).isEqualTo("no-cache");
      List<String> files = new ArrayList<>();
      Matcher link = Pattern.compile("(?:src|href)=\"(/[^\"]+\\.(?:js|css))\"").matcher(gunzipped(html));
      while (link.find()) {
        files.add(link.group(1));
      }
      assertThat(files).as("%s names its scripts and style sheets by content version", page).isNotEmpty()
          .allMatch(file -> file.matches(".*-[0-9a-f]{32}\\.(js|css)"));
      for (String file : files) {
        HttpResponse<byte[]> response = get(file, GZIP, "officer");
        assertThat(response.statusCode()).as(file).isEqualTo(200);
        assertThat(header(response, "Cache-Control")).as(file).isEqualTo("private, max-age=31536000, immutable");
        assertThat(header(response, "Content-Encoding")).as(file).isEqualTo("gzip");
      }
    }
    // by its plain name, the file is asked again each time
    assertThat(header(get("/cohort/cohort.js", GZIP, "officer"), "Cache-Control")).isEqualTo("no-cache");
    assertThat(get("/cohort/cohort-00000000000000000000000000000000.js", GZIP, "officer").statusCode()).isEqualTo(404);
  }

  @Test
  void everyBrotliCopyMatchesTheWebjarItWasMadeFrom() {
    PrecompressedWebjar copies = new PrecompressedWebjar(getClass().getClassLoader());
    assertThat(copies.manifest()).as("precompressed.properties").containsKey("lib/deps.js");
    assertThat(copies.paths()).as("copies made from another Camunda version: run `node src/tools/precompress-webjar.js`")
        .containsExactlyInAnyOrderElementsOf(copies.manifest().keySet());
  }

  // --- helpers

  private HttpResponse<byte[]> get(String path, String acceptEncoding, String user) throws IOException, InterruptedException {
    return http.send(request(path, acceptEncoding, user).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path, String acceptEncoding, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept-Encoding", acceptEncoding);
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static byte[] webjar(String path) throws IOException {
    return new ClassPathResource(PrecompressedWebjar.WEBJAR + path).getContentAsByteArray();
  }

  private static String gunzipped(HttpResponse<byte[]> response) throws IOException {
    byte[] body = "gzip".equals(header(response, "Content-Encoding")) ? gunzip(response.body()) : response.body();
    return new String(body, StandardCharsets.UTF_8);
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static byte[] unbrotli(byte[] body) throws IOException {
    try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
