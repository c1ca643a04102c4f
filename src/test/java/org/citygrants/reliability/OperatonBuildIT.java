package org.citygrants.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citygrants.support.OwnApplication;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The product on Operaton inside {@code mvn -B verify -Dcitygrants.operaton=true}: runs the
 * Operaton build ({@code mvn -B verify -f engines/operaton/pom.xml}, README "Engines"), which
 * rewrites this source tree for Operaton, compiles it, runs the lifecycle paths, the security tests
 * and the whole grant on PostgreSQL in one test JVM, packages the Operaton jar and starts it
 * (PackagedGrantIT: a grant begun on this build's Camunda jar is ended on the Operaton jar, same
 * database). This test fails when that build fails, with the end of its log; the whole log is
 * {@code target/operaton-build.log}, the Operaton build's reports under {@code engines/operaton/target/}.
 *
 * <p>Not in the default {@code mvn -B verify}: on two cores the suite's CPU does not leave room for it
 * within the 5-minute budget (README, "Two commands"). CI runs the same build as its second command
 * ({@code .ci/run}), so every landing is proven on both engines. A Failsafe test rather than a step
 * of its own so that, when asked for, it runs beside ClusterCrashIT.
 */
@Tag(OwnApplication.TAG)
class OperatonBuildIT {

  @Test
  void theProductBuildsAndPassesItsTestsOnOperaton() throws IOException, InterruptedException {
    Assumptions.assumeTrue(Boolean.getBoolean("citygrants.operaton"),
        "the Operaton build runs with -Dcitygrants.operaton=true, or as CI's second command (.ci/run)");
    Path root = Path.of(System.getProperty("citygrants.project.dir", ".")).toAbsolutePath();
    Path pom = root.resolve("engines/operaton/pom.xml");
    assertThat(pom).exists();
    Path log = Path.of(System.getProperty("citygrants.build.dir", "target")).resolve("operaton-build.log");
    Files.createDirectories(log.getParent());

    String mavenHome = System.getProperty("citygrants.maven.home");
    String mvn = mavenHome == null || mavenHome.isBlank() ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-f", pom.toString()));
    if ("offline:true".equals(System.getProperty("citygrants.maven.offline"))) {
      command.add("-o");
    }
    String repository = System.getProperty("citygrants.maven.repo");
    if (repository != null && !repository.isBlank()) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    command.add("verify");

    Process build = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean finished = build.waitFor(15, TimeUnit.MINUTES);
    if (!finished) {
      build.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println("Operaton build: " + summary(output));
    assertThat(finished).as("the Operaton build ends within 15 minutes").isTrue();
    assertThat(build.exitValue()).as("the Operaton build (%s):%n%s", log, tail(output, 120)).isZero();
    // it ran tests: the lifecycle paths, the security matrix, the whole grant on PostgreSQL, the jar
    assertThat(output).contains("in org.citygrants.lifecycle.WholeGrantOnPostgresTest",
        "in org.citygrants.security.PermissionMatrixTest", "in org.citygrants.lifecycle.HappyPathTest",
        "in org.citygrants.reliability.PackagedGrantIT", "BUILD SUCCESS");
  }

  /** The "Tests run: ..." totals of Surefire and Failsafe, and Maven's total time. */
  private static String summary(String output) {
    List<String> found = new ArrayList<>();
    Matcher totals = Pattern.compile("(?m)^\\[INFO\\] (Tests run: \\d+, Failures: \\d+, Errors: \\d+, Skipped: \\d+)$")
        .matcher(output);
    while (totals.find()) {
      found.add(totals.group(1));
    }
    Matcher time = Pattern.compile("Total time: +(.+)").matcher(output);
    if (time.find()) {
      found.add("total time " + time.group(1).trim());
    }
    return String.join("; ", found);
  }

  private static String tail(String output, int lines) {
    String[] all = output.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
  }
}
