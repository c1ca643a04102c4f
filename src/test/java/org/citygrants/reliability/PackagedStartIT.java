package org.citygrants.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citygrants.support.OwnApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar started as an operator would, with nothing chosen: it is the postgres
 * (production) profile, and without an administrator password it refuses to start, saying why,
 * before it touches a database. The demo is only ever chosen on purpose.
 */
@Tag(OwnApplication.TAG)
class PackagedStartIT {

  @Test
  void aPackagedStartIsProductionAndRefusesToStartWithoutAnAdministratorPassword() throws Exception {
    Path log = Files.createTempFile("packaged-start", ".log");
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
        AppNode.jar().toString(), "--server.port=0", "--spring.main.banner-mode=off"))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CAMUNDA_ADMIN") || name.startsWith("SPRING_"));
    Process process = builder.start();
    try {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the start gives up on its own").isTrue();
      String output = Files.readString(log);
      assertThat(process.exitValue()).as(output).isNotZero();
      assertThat(output).contains("default profile: \"postgres\"")
          .contains("Refusing to start the postgres profile").contains("CAMUNDA_ADMIN_PASSWORD");
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }
}
