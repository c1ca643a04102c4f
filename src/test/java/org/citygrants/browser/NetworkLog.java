package org.citygrants.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.logging.LogEntry;

/**
 * Bytes on the wire as Chromium counts them: the DevTools Network events of ChromeDriver's
 * performance log ({@code goog:loggingPrefs}), summed over {@code Network.loadingFinished}'s
 * {@code encodedDataLength} (headers and body as received, compressed; 0 for a file taken from the
 * cache without asking).
 */
final class NetworkLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One response: its address, status, encoding, and the bytes it took on the wire. */
  record Response(String url, int status, String encoding, String cacheControl, long bytes) {
    @Override
    public String toString() {
      return String.format("%9d  %3d %-4s %-38s %s", bytes, status, encoding, cacheControl, url);
    }
  }

  /** What a stretch of browsing took on the wire. */
  record Traffic(List<Response> responses, Set<String> requested, int unfinished) {
    long bytes() {
      return responses.stream().mapToLong(Response::bytes).sum();
    }

    /**
     * The addresses asked for outside the application: any http(s) address but its own (data: and
     * blob: addresses are the page's own, chrome: ones the browser's, e.g. a search box's clear icon).
     */
    List<String> outside(String baseUrl) {
      return requested.stream().filter(url -> !url.startsWith(baseUrl) && url.matches("(?i)(https?|wss?|ftp):.*"))
          .sorted().toList();
    }

    String report(String title) {
      StringBuilder out = new StringBuilder(String.format("%s: %,d bytes on the wire, %d responses%s%n", title, bytes(),
          responses.size(), unfinished > 0 ? " (" + unfinished + " requests still open)" : ""));
      responses.stream().sorted(Comparator.comparingLong(Response::bytes).reversed())
          .forEach(response -> out.append("  ").append(response).append('\n'));
      return out.toString();
    }
  }

  private final Map<String, String> urls = new HashMap<>();
  private final Map<String, JsonNode> answers = new HashMap<>();
  private final Set<String> open = new HashSet<>();

  /** The requests asked for and neither answered nor failed yet. */
  Set<String> openRequests() {
    return new HashSet<>(open);
  }

  /** Reads these entries of the performance log (ChromeDriver hands each entry out once). */
  Traffic read(Iterable<LogEntry> entries) {
    List<Response> responses = new ArrayList<>();
    Set<String> requested = new HashSet<>();
    for (LogEntry entry : entries) {
      JsonNode message = parse(entry.getMessage()).path("message");
      JsonNode params = message.path("params");
      String id = params.path("requestId").asText();
      switch (message.path("method").asText()) {
        case "Network.requestWillBeSent" -> {
          String url = params.path("request").path("url").asText();
          if (url.startsWith("chrome")) {
            continue; // the browser's own pages (its new tab's resources): never on the wire
          }
          urls.put(id, url);
          requested.add(url);
          open.add(id);
        }
        case "Network.responseReceived" -> answers.put(id, params.path("response"));
        case "Network.loadingFinished" -> {
          if (!urls.containsKey(id)) {
            continue; // not asked for on the network (see above)
          }
          open.remove(id);
          JsonNode response = answers.getOrDefault(id, JSON.createObjectNode());
          JsonNode headers = response.path("headers");
          responses.add(new Response(urls.getOrDefault(id, response.path("url").asText("?")), response.path("status").asInt(),
              header(headers, "content-encoding"), header(headers, "cache-control"),
              params.path("encodedDataLength").asLong()));
        }
        case "Network.loadingFailed" -> open.remove(id);
        default -> { }
      }
    }
    return new Traffic(responses, requested, open.size());
  }

  private static String header(JsonNode headers, String name) {
    var fields = headers.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue().asText();
      }
    }
    return "";
  }

  private static JsonNode parse(String message) {
    try {
      return JSON.readTree(message);
    } catch (Exception unreadable) {
      return JSON.createObjectNode();
    }
  }
}
