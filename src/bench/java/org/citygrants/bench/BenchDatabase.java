package org.citygrants.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL server of a run: embedded (zonky, no Docker) by default, or the one a JDBC URL
 * names. The application gets one database, the bare engine another on the same server, so that
 * {@code pg_database_size} measures each on its own.
 */
final class BenchDatabase implements AutoCloseable {

  private final EmbeddedPostgres embedded;
  final String appUrl;
  final String bareUrl;
  /** The bare engine with authorisations on: its own database on the same server. */
  final String bareAuthUrl;
  final String user;
  final String password;

  private BenchDatabase(EmbeddedPostgres embedded, String appUrl, String bareUrl, String bareAuthUrl, String user,
      String password) {
    this.embedded = embedded;
    this.appUrl = appUrl;
    this.bareUrl = bareUrl;
    this.bareAuthUrl = bareAuthUrl;
    this.user = user;
    this.password = password;
  }

  static BenchDatabase open(BenchOptions options) throws IOException, SQLException {
    if (options.jdbcUrl() == null) {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      String admin = postgres.getJdbcUrl("postgres", "postgres");
      createDatabase(admin, "postgres", "postgres", "citygrants_bench");
      createDatabase(admin, "postgres", "postgres", "bare_bench");
      createDatabase(admin, "postgres", "postgres", "bare_auth_bench");
      return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "citygrants_bench"),
          postgres.getJdbcUrl("postgres", "bare_bench"), postgres.getJdbcUrl("postgres", "bare_auth_bench"),
          "postgres", "postgres");
    }
    String name;
    try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
      rs.next();
      name = rs.getString(1);
    }
    String bareUrl = options.bareJdbcUrl();
    if (bareUrl == null) {
      createDatabase(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword(), name + "_bare");
      bareUrl = replaceDatabase(options.jdbcUrl(), name, name + "_bare");
    }
    // the bare engine with authorisations on: beside the bare database (<bare>_auth) or <name>_bareauth
    String bareAuthUrl;
    if (options.bareJdbcUrl() == null) {
      createDatabase(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword(), name + "_bareauth");
      bareAuthUrl = replaceDatabase(options.jdbcUrl(), name, name + "_bareauth");
    } else {
      String bareName;
      try (Connection c = DriverManager.getConnection(bareUrl, options.jdbcUser(), options.jdbcPassword());
           Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
        rs.next();
        bareName = rs.getString(1);
      }
      createDatabase(bareUrl, options.jdbcUser(), options.jdbcPassword(), bareName + "_auth");
      bareAuthUrl = replaceDatabase(bareUrl, bareName, bareName + "_auth");
    }
    return new BenchDatabase(null, options.jdbcUrl(), bareUrl, bareAuthUrl, options.jdbcUser(),
        options.jdbcPassword());
  }

  private static String replaceDatabase(String url, String name, String newName) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    int slash = base.lastIndexOf('/');
    if (slash < 0 || !base.substring(slash + 1).equals(name)) {
      throw new IllegalArgumentException("give -Dbench.bareJdbcUrl: cannot derive the bare database's URL from " + url);
    }
    return base.substring(0, slash + 1) + newName + params;
  }

  private static void createDatabase(String url, String user, String password, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("CREATE DATABASE " + name);
    }
  }

  Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** One statement on the database behind the URL. */
  void execute(String url, String sql) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@code pg_database_size} of the database behind the URL. */
  long size(String url) throws SQLException {
    return single(url, "SELECT pg_database_size(current_database())");
  }

  /** Bytes per table (with indexes and TOAST) of the public schema. */
  Map<String, Long> tableSizes(String url) throws SQLException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (Connection c = connect(url); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c "
             + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
             + "ORDER BY 2 DESC")) {
      while (rs.next()) {
        sizes.put(rs.getString(1).toLowerCase(), rs.getLong(2));
      }
    }
    return sizes;
  }

  void analyze(String url) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  /** Version and the settings that matter for write throughput. */
  Map<String, String> describe() throws SQLException {
    Map<String, String> map = new LinkedHashMap<>();
    try (Connection c = connect(appUrl); Statement s = c.createStatement()) {
      for (String query : new String[] {"SELECT version()", "SHOW server_version", "SHOW shared_buffers",
          "SHOW synchronous_commit", "SHOW fsync", "SHOW max_connections"}) {
        try (ResultSet rs = s.executeQuery(query)) {
          rs.next();
          map.put(query.replace("SELECT ", "").replace("SHOW ", "").replace("()", ""), rs.getString(1));
        }
      }
    }
    map.put("embedded", String.valueOf(embedded != null));
    return map;
  }

  private long single(String url, String sql) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
