package org.citygrants.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code java -jar}) as a separate operating-system process on a
 * PostgreSQL database, with the demo profile (demo users, password {@code demo}) and a short
 * job-executor polling interval. It can be started, killed with SIGKILL ({@link #kill()}) and
 * started again on the same port and database. Each start writes its own log file under the
 * build directory.
 */
final class AppNode {

  /** The repackaged jar; failsafe passes it (citygrants.jar), after {@code package}. */
  static Path jar() {
    String jar = System.getProperty("citygrants.jar");
    if (jar == null) {
      throw new IllegalStateException("system property citygrants.jar is not set: run with mvn verify (failsafe)");
    }
    Path path = Path.of(jar);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("no application jar at " + path + ": run mvn verify (package first)");
    }
    return path;
  }

  static Path logDirectory() {
    Path dir = Path.of(System.getProperty("citygrants.build.dir", "target"), "it-logs");
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final String name;
  /** The jar to start; null: {@link #jar()}, this build's. */
  private final Path application;
  private final int port;
  private final String jdbcUrl;
  private final List<String> extraArguments;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private Path log;
  private int starts;

  /**
   * @param name a name for the logs
   * @param jdbcUrl the shared database
   * @param extraArguments more {@code --property=value} arguments
   */
  AppNode(String name, String jdbcUrl, List<String> extraArguments) {
    this(name, null, freePort(), jdbcUrl, extraArguments);
  }

  /**
   * Another jar, on a port chosen by the caller: two jars started one after the other on one port
   * and one database, as an operator moving a deployment would (PackagedGrantIT: the Camunda jar,
   * then the Operaton jar). Arguments a jar does not know are ignored by it.
   */
  AppNode(String name, Path application, int port, String jdbcUrl, List<String> extraArguments) {
    this.name = name;
    this.application = application;
    this.port = port;
    this.jdbcUrl = jdbcUrl;
    this.extraArguments = List.copyOf(extraArguments);
  }

  String url() {
    return "http://localhost:" + port;
  }

  Path log() {
    return log;
  }

  /**
   * Starts the application with the engine's host name set (the job log's {@code hostname} then
   * says which node, or which run of a node, executed a job).
   */
  void start(String engineHostname) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running already");
    }
    starts++;
    log = logDirectory().resolve(name + "-" + starts + ".log");
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MetaspaceSize=256m",
        "-Djava.security.egd=file:/dev/./urandom", "-jar", (application != null ? application : jar()).toString(),
        "--server.port=" + port,
        // the demo users drive the cohort; a packaged start would otherwise be the postgres profile
        "--spring.profiles.active=demo",
        // the cohort completes the procurement plan without attaching a file (README, "Evidence files")
        "--grant.evidence.required-steps=",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--camunda.bpm.database.type=postgres",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.generic-properties.properties.hostname=" + engineHostname,
        "--spring.main.banner-mode=off",
        "--server.shutdown=immediate"));
    command.addAll(extraArguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    // no mail: notifications stay off without an SMTP host
    builder.environment().remove("SPRING_MAIL_HOST");
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * Waits until the node answers the engine REST API as the administrator and has seeded the
   * demo identities and role authorisations (they are seeded once the application is ready).
   */
  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail(60));
      }
      if (logContains("Role authorisations:") && answers()) {
        return;
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail(60));
  }

  private boolean answers() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/engine-rest/engine"))
          .timeout(Duration.ofSeconds(5))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean logContains(String text) {
    try {
      return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no graceful stop. */
  void kill() {
    process.destroyForcibly();
    waitForExit(Duration.ofSeconds(30));
  }

  /**
   * SIGSTOP: the process stands still (as in a long garbage collection) and commits nothing more,
   * so a test can look at the database and then {@link #kill()} it or let it go on ({@link #thaw()}).
   */
  void freeze() {
    signal("-STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  void thaw() {
    signal("-CONT");
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A graceful stop (SIGTERM), then SIGKILL if it does not stop in time. */
  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  private void waitForExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " did not exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The last lines of the current log, to print when a test fails. */
  String tail(int lines) {
    if (log == null || !Files.exists(log)) {
      return "(no log)";
    }
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return "--- " + log + " (last " + Math.min(lines, all.size()) + " lines)\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + url() + ")";
  }
}
