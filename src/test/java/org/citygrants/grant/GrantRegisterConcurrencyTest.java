package org.citygrants.grant;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.citygrants.support.OwnApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two applications of the same city registered at the same moment, each in its own transaction
 * (two threads of one node, or two nodes of a cluster), on a real PostgreSQL: both read the same
 * next sequence number, the second insert waits for the first transaction and then finds the
 * reference taken; it takes the next one instead of failing the application (as the two-node
 * test first showed: a 500 on the start of a grant).
 */
@Tag(OwnApplication.TAG)
@Tag("postgres")
class GrantRegisterConcurrencyTest {

  private static EmbeddedPostgres postgres;
  private static DataSource db;

  @BeforeAll
  static void database() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(db).locations("classpath:db/migration").table("app_schema_history").load().migrate();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void aSecondApplicationOfTheSameCityAtTheSameMomentTakesTheNextReference() throws Exception {
    JdbcTransactionManager transactions = new JdbcTransactionManager(db);
    GrantRegister register = new GrantRegister(JdbcClient.create(db), transactions);
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    CountDownLatch firstRegistered = new CountDownLatch(1);

    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> inTransaction.execute(status -> {
      String reference = register.register("lyon", "Lyon", 2031, "instance-1", null);
      firstRegistered.countDown();
      sleep(700); // the first application's transaction is still open when the second registers
      return reference;
    }));
    assertThat(firstRegistered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> inTransaction.execute(status ->
        register.register("lyon", "Lyon", 2031, "instance-2", null)));

    assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo("LYON-2031");
    assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo("LYON-2031-2");
    assertThat(JdbcClient.create(db).sql("SELECT count(*) FROM grant_record WHERE city_code = 'lyon'")
        .query(Integer.class).single()).isEqualTo(2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
