package org.citygrants.grant.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.citygrants.support.OwnApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pause register on both databases the application runs on (every Flyway migration, V8
 * included): at most one open pause per grant, held by the database itself; a resumed grant can be
 * paused again; the overdue reminder is marked once.
 */
@Tag(OwnApplication.TAG)
@Tag("postgres")
class PauseRegisterTest {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void oneOpenPausePerGrantHeldByTheDatabase(String database) throws Exception {
    try (HikariDataSource dataSource = dataSource(database)) {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("app_schema_history").load()
          .migrate();
      JdbcClient jdbc = JdbcClient.create(dataSource);
      jdbc.sql("""
          INSERT INTO grant_record (grant_reference, city_code, city_name, grant_year, sequence_in_year,
            process_instance_id, created_at) VALUES ('LYON-2027', 'lyon', 'Lyon', 2027, 1, 'pi-1', CURRENT_TIMESTAMP)""")
          .update();
      PauseRegister register = new PauseRegister(jdbc);
      Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      LocalDate expected = LocalDate.now().plusDays(10);

      Pause pause = register.open("LYON-2027", at, "officer", "elections", null, expected);
      assertThat(register.open("LYON-2027")).contains(pause);
      assertThatThrownBy(() -> register.open("LYON-2027", at, "officer2", "staff", null, expected))
          .isInstanceOf(DataIntegrityViolationException.class);

      assertThat(register.overdueUnreminded(expected)).isEmpty();
      assertThat(register.overdueUnreminded(expected.plusDays(1))).extracting(Pause::id).containsExactly(pause.id());
      assertThat(register.markReminded(pause.id(), at)).isTrue();
      assertThat(register.markReminded(pause.id(), at)).as("once").isFalse();

      Pause closed = register.close(pause.id(), at.plus(Duration.ofDays(3)), "officer2", Duration.ofDays(3));
      assertThat(closed.open()).isFalse();
      assertThat(closed.moved()).isEqualTo(Duration.ofDays(3));
      assertThat(closed.resumedBy()).isEqualTo("officer2");
      assertThat(register.open("LYON-2027")).isEmpty();
      register.open("LYON-2027", at.plus(Duration.ofDays(40)), "officer", "disaster", "Floods.", expected.plusDays(60));
      assertThat(register.of("LYON-2027")).hasSize(2);
      assertThat(register.allOpen()).extracting(Pause::reason).containsExactly("disaster");
    }
  }

  private static HikariDataSource dataSource(String database) throws Exception {
    HikariDataSource pool = new HikariDataSource();
    if (database.equals("h2")) {
      pool.setJdbcUrl("jdbc:h2:mem:pauses-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512");
      pool.setUsername("sa");
    } else {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      pool.setUsername("postgres");
      pool.setPassword("postgres");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (java.io.IOException ignored) {
          // the JVM is going away anyway
        }
      }));
    }
    return pool;
  }
}
