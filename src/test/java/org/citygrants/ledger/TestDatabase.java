package org.citygrants.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The two databases the ledger runs on, each started once per test JVM: H2 in memory and a real
 * PostgreSQL 14 (zonky embedded). Each gets every Flyway migration (the ledger's V1, V4, V10 and V11;
 * the other features' tables stay empty) and a small Spring context with the ledger's beans, so {@code @Transactional} works as in
 * the application, without the Camunda engine.
 */
enum TestDatabase {
  H2 {
    @Override
    DataSource createDataSource() {
      return pool("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512", "sa", "");
    }
  },
  POSTGRES {
    @Override
    DataSource createDataSource() {
      try {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        HikariDataSource pool = pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        // the pool first: a server asked to stop while connections stay open held the test JVM's
        // exit for 30 s, until Surefire killed it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          pool.close();
          try {
            postgres.close();
          } catch (IOException ignored) {
            // the JVM is going away anyway
          }
        }));
        return pool;
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
  };

  private static final String[] TABLES = {
      "spending_item", "exchange_rate",
      "ledger_movement", "recovery", "expenditure", "payment", "commitment", "budget_line", "grant_account"};

  private AnnotationConfigApplicationContext context;

  abstract DataSource createDataSource();

  synchronized AnnotationConfigApplicationContext context() {
    if (context == null) {
      DataSource dataSource = createDataSource();
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("app_schema_history")
          .load().migrate();
      AnnotationConfigApplicationContext created = new AnnotationConfigApplicationContext();
      created.registerBean(DataSource.class, () -> dataSource);
      created.register(LedgerSlice.class);
      created.refresh();
      context = created;
    }
    return context;
  }

  LedgerService ledger() {
    return context().getBean(LedgerService.class);
  }

  <T> T bean(Class<T> type) {
    return context().getBean(type);
  }

  JdbcClient jdbc() {
    return context().getBean(JdbcClient.class);
  }

  /** Empties the ledger tables (tests only: the service itself never deletes). */
  void reset() {
    JdbcClient jdbc = jdbc();
    for (String table : TABLES) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(6);
    config.setPoolName("ledger-test");
    return new HikariDataSource(config);
  }

  /** The ledger's own beans, found as the application finds them, plus JDBC and transactions. */
  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement
  @ComponentScan(basePackageClasses = LedgerService.class)
  static class LedgerSlice {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
      return JdbcClient.create(dataSource);
    }
  }
}
