package org.citygrants.cohortrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The cohort driver's port over HTTP, as people use the application: the engine REST API
 * ({@code /engine-rest}) for what Tasklist and Cockpit do, the application's API ({@code /api})
 * for the early stop and the ledger statement, HTTP Basic as the user named (password
 * {@code demo}). Reads that need no particular person (open tasks, timers, history) are made as
 * the administrator, as Cockpit would show them.
 *
 * <p>With several nodes (a cluster sharing one database) every call goes to the next node in
 * turn, so a task read on one node is claimed and completed on another; after each completion the
 * task is looked up on another node, which must no longer know it ({@link #crossNodeChecks()}).
 * A node that refuses the connection (stopped, killed, not yet started again) is passed over for
 * the next one, as a load balancer does: the request never reached it, so any call may go
 * elsewhere.
 *
 * <p>Errors are those of {@link GrantPort}: 409, and 404 for a task or job that is gone, are a
 * {@link GrantPort.ConflictException}; a refused connection, a reset or timed-out request, 502,
 * 503 and 504 are a {@link GrantPort.UnavailableException}; anything else unexpected is an
 * {@link IllegalStateException} with the status and the message.
 */
public final class RestPort implements GrantPort {

  static final String ADMIN = "admin";
  static final String PASSWORD = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final List<String> nodes;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger turn = new AtomicInteger();
  private final AtomicLongArray callsPerNode;
  private final Map<String, String> activityByJobDefinition = new ConcurrentHashMap<>();
  private final AtomicLong crossNodeChecks = new AtomicLong();
  private final List<String> crossNodeFailures = Collections.synchronizedList(new ArrayList<>());

  /** @param nodes base URLs of the application's nodes, e.g. {@code http://localhost:8080} */
  public RestPort(List<String> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("at least one node");
    }
    this.nodes = List.copyOf(nodes);
    this.callsPerNode = new AtomicLongArray(nodes.size());
  }

  @Override
  public String apply(String cityUser, Map<String, Object> application) {
    Reply started = expect(post(cityUser, "/engine-rest/process-definition/key/city-grant/start",
        Map.of("variables", typed(application))), "apply");
    JsonNode instance = started.json();
    String businessKey = instance.path("businessKey").asText(null);
    if (businessKey == null || businessKey.isBlank()) {
      // the business key is set by the start listener: read it back from the history
      businessKey = expect(get(ADMIN, "/engine-rest/history/process-instance/" + instance.path("id").asText()),
          "read the new grant").json().path("businessKey").asText(null);
    }
    if (businessKey == null) {
      throw new IllegalStateException("the new grant " + instance + " has no business key");
    }
    return businessKey;
  }

  @Override
  public List<OpenTask> openTasks(String grant) {
    JsonNode tasks = expect(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + encode(grant)
        + "&sortBy=created&sortOrder=asc"), "open tasks").json();
    List<OpenTask> open = new ArrayList<>();
    tasks.forEach(task -> open.add(new OpenTask(task.path("id").asText(), task.path("taskDefinitionKey").asText())));
    return open;
  }

  @Override
  public Object taskVariable(String user, String taskId, String name) {
    Reply reply = get(user, "/engine-rest/task/" + taskId + "/form-variables?variableNames=" + encode(name));
    if (reply.status() == 404) {
      throw new ConflictException("task " + taskId + " is gone", null);
    }
    JsonNode value = expect(reply, "read " + name).json().path(name).path("value");
    return value.isNumber() ? value.numberValue() : value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  @Override
  public void complete(String user, String taskId, Map<String, Object> variables) {
    Reply read = get(ADMIN, "/engine-rest/task/" + taskId);
    if (read.status() == 404) {
      throw new ConflictException("task " + taskId + " is gone", null);
    }
    JsonNode task = expect(read, "read task").json();
    String assignee = task.path("assignee").isNull() ? null : task.path("assignee").asText(null);
    if (assignee == null) {
      Reply claimed = post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
      if (claimed.status() == 404 || claimed.status() == 409
          || (claimed.status() == 500 && claimed.body().contains("TaskAlreadyClaimed"))) {
        throw new ConflictException("claim of " + taskId + ": " + claimed, null);
      }
      expect(claimed, "claim " + task.path("taskDefinitionKey").asText());
    } else if (!assignee.equals(user)) {
      throw new IllegalStateException("task " + task.path("taskDefinitionKey").asText() + " is assigned to "
          + assignee + ", not " + user);
    }
    Reply completed = post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(variables)));
    if (completed.status() == 404) {
      throw new ConflictException("task " + taskId + " is gone", null);
    }
    expect(completed, "complete " + task.path("taskDefinitionKey").asText());
    if (nodes.size() > 1) {
      lookUpElsewhere(taskId, completed.node());
    }
  }

  /** Asks another node than the one that completed the task for it: it must be gone there too. */
  private void lookUpElsewhere(String taskId, int node) {
    int other = (node + 1) % nodes.size();
    Reply elsewhere;
    try {
      elsewhere = sendTo(other, ADMIN, "GET", "/engine-rest/task/" + taskId, null);
    } catch (IOException e) {
      return; // the other node is down (a crash test): nothing to compare with
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    crossNodeChecks.incrementAndGet();
    if (elsewhere.status() != 404) {
      crossNodeFailures.add("task " + taskId + " completed on " + nodes.get(node) + " still answers "
          + elsewhere + " on " + nodes.get(other));
    }
  }

  @Override
  public long completedTasks(String grant, String taskKey) {
    return count(get(ADMIN, "/engine-rest/history/task/count?processInstanceBusinessKey=" + encode(grant)
        + "&taskDefinitionKey=" + encode(taskKey) + "&finished=true"));
  }

  @Override
  public List<WaitingTimer> timers(String grant) {
    List<WaitingTimer> timers = new ArrayList<>();
    for (String instance : instances(grant)) {
      expect(get(ADMIN, "/engine-rest/job?timers=true&processInstanceId=" + instance), "timers").json()
          .forEach(job -> timers.add(new WaitingTimer(job.path("id").asText(),
              activityOf(job.path("jobDefinitionId").asText()), parseDate(job.path("dueDate").asText()))));
    }
    return timers;
  }

  /** The activity of a job, through its job definition (one per timer or async step). */
  private String activityOf(String jobDefinitionId) {
    String known = activityByJobDefinition.get(jobDefinitionId);
    if (known != null) {
      return known;
    }
    String activity = expect(get(ADMIN, "/engine-rest/job-definition/" + jobDefinitionId), "job definition").json()
        .path("activityId").asText();
    activityByJobDefinition.put(jobDefinitionId, activity);
    return activity;
  }

  @Override
  public void bringDue(String jobId) {
    setDueDate(jobId, Instant.now());
  }

  /** Sets a job's due date (as Cockpit's "change due date"), e.g. a few seconds ahead. */
  public void setDueDate(String jobId, Instant due) {
    Reply reply = put(ADMIN, "/engine-rest/job/" + jobId + "/duedate", Map.of("duedate", formatDate(due)));
    if (reply.status() == 404) {
      throw new ConflictException("job " + jobId + " is gone", null);
    }
    expect(reply, "set due date of job " + jobId);
  }

  @Override
  public long pendingJobs(String grant) {
    long pending = 0;
    for (String instance : instances(grant)) {
      pending += count(get(ADMIN, "/engine-rest/job/count?executable=true&processInstanceId=" + instance));
    }
    return pending;
  }

  @Override
  public List<String> incidents(String grant) {
    List<String> incidents = new ArrayList<>();
    for (String instance : instances(grant)) {
      expect(get(ADMIN, "/engine-rest/incident?processInstanceId=" + instance), "incidents").json()
          .forEach(incident -> incidents.add(incident.path("activityId").asText() + ": "
              + incident.path("incidentMessage").asText()));
    }
    return incidents;
  }

  @Override
  public void earlyStop(String officer, String grant, String reason) {
    expect(post(officer, "/api/grants/" + encode(grant) + "/early-stop", Map.of("reason", reason)), "early stop");
  }

  @Override
  public Optional<String> endEvent(String grant) {
    JsonNode finished = expect(get(ADMIN, "/engine-rest/history/process-instance?processInstanceBusinessKey="
        + encode(grant) + "&processDefinitionKey=city-grant&finished=true"), "finished grant").json();
    if (finished.isEmpty()) {
      return Optional.empty();
    }
    JsonNode instance = finished.get(0);
    JsonNode ends = expect(get(ADMIN, "/engine-rest/history/activity-instance?activityType=noneEndEvent"
        + "&processInstanceId=" + instance.path("id").asText()), "end events").json();
    for (JsonNode end : ends) {
      if (InProcessPort.GRANT_ENDS.contains(end.path("activityId").asText())) {
        return Optional.of(end.path("activityId").asText());
      }
    }
    return Optional.ofNullable(instance.path("endActivityId").asText(null));
  }

  @Override
  public Optional<LedgerCheck> ledger(String grant) {
    Reply reply = get("manager", "/api/grants/" + encode(grant) + "/statement");
    if (reply.status() == 404) {
      return Optional.empty();
    }
    JsonNode statement = expect(reply, "statement").json();
    return Optional.of(new LedgerCheck(statement.path("balanced").asBoolean(),
        "CLOSED".equals(statement.path("status").asText()), new BigDecimal(statement.path("paid").asText()),
        new BigDecimal(statement.path("recovered").asText()), statement.path("payments").size(),
        statement.path("imbalances").toString()));
  }

  /** The running process instances of the grant: itself, its payments and its settlement. */
  private List<String> instances(String grant) {
    List<String> ids = new ArrayList<>();
    expect(get(ADMIN, "/engine-rest/process-instance?businessKey=" + encode(grant)), "instances").json()
        .forEach(instance -> ids.add(instance.path("id").asText()));
    return ids;
  }

  // --- what the tests read of the run

  /** How many calls each node answered, in the order of the nodes given. */
  public List<Long> callsPerNode() {
    List<Long> calls = new ArrayList<>();
    for (int i = 0; i < callsPerNode.length(); i++) {
      calls.add(callsPerNode.get(i));
    }
    return calls;
  }

  /** How many completed tasks were looked up on another node than the one that completed them. */
  public long crossNodeChecks() {
    return crossNodeChecks.get();
  }

  /** Completed tasks that another node still knew: none in a healthy cluster. */
  public List<String> crossNodeFailures() {
    return List.copyOf(crossNodeFailures);
  }

  /** A GET as the given user on the next node, for the tests' own checks. */
  public Reply get(String user, String path) {
    return send(nextNode(), user, "GET", path, null);
  }

  // --- HTTP

  /** A response: status and body, and which node gave it. */
  public record Reply(int status, String body, int node) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("not JSON: " + this, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  private Reply post(String user, String path, Object body) {
    return send(nextNode(), user, "POST", path, body);
  }

  private Reply put(String user, String path, Object body) {
    return send(nextNode(), user, "PUT", path, body);
  }

  private int nextNode() {
    return Math.floorMod(turn.getAndIncrement(), nodes.size());
  }

  /**
   * Sends the call to the node, or, when that node refuses the connection, to the next one that
   * takes it. A call that reached a node and got no answer (killed mid-request, timed out) is not
   * sent again: the caller reads the state and decides.
   */
  private Reply send(int node, String user, String method, String path, Object body) {
    IOException refused = null;
    for (int attempt = 0; attempt < nodes.size(); attempt++) {
      int target = (node + attempt) % nodes.size();
      try {
        return sendTo(target, user, method, path, body);
      } catch (ConnectException | HttpConnectTimeoutException e) {
        refused = e;
      } catch (IOException e) {
        // reset (killed mid-request) or timed out (starting or overloaded)
        throw new UnavailableException(method + " " + nodes.get(target) + path + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new UnavailableException(method + " " + path + ": no node takes the connection: " + refused, refused);
  }

  private Reply sendTo(int node, String user, String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(node) + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    callsPerNode.incrementAndGet(node);
    int status = response.statusCode();
    if (status == 502 || status == 503 || status == 504) {
      throw new UnavailableException(method + " " + nodes.get(node) + path + ": " + status, null);
    }
    return new Reply(status, response.body(), node);
  }

  private static Reply expect(Reply reply, String what) {
    if (reply.status() >= 200 && reply.status() < 300) {
      return reply;
    }
    if (reply.status() == 409) {
      throw new ConflictException(what + ": " + reply, null);
    }
    throw new IllegalStateException(what + ": " + reply);
  }

  private static long count(Reply reply) {
    return expect(reply, "count").json().path("count").asLong();
  }

  /** Variables as the engine REST API takes them: each value with its type. */
  static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("value", value);
      variable.put("type", typeOf(name, value));
      typed.put(name, variable);
    });
    return typed;
  }

  private static String typeOf(String name, Object value) {
    if (value == null) {
      return "Null";
    } else if (value instanceof Integer) {
      return "Integer";
    } else if (value instanceof Long) {
      return "Long";
    } else if (value instanceof Short) {
      return "Short";
    } else if (value instanceof Double || value instanceof Float) {
      return "Double";
    } else if (value instanceof Boolean) {
      return "Boolean";
    } else if (value instanceof String) {
      return "String";
    }
    throw new IllegalArgumentException(name + " is of a type a form does not send: " + value.getClass());
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String formatDate(Instant instant) {
    return ENGINE_DATE.format(instant.atOffset(java.time.ZoneOffset.UTC));
  }

  static Instant parseDate(String date) {
    return OffsetDateTime.parse(date, ENGINE_DATE).toInstant();
  }
}
