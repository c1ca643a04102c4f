package org.citygrants.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;

/**
 * What a benchmark run does, from system properties ({@code -Dbench.grants=1000} ...) or set by a
 * test. Sizes: {@code grants} lifecycles with {@code threads} client threads and
 * {@code singleThreadGrants} with one thread; the bare baseline plays {@code singleThreadGrants}
 * and {@code baselineGrants} instances; {@code activeGrants} grants left open in every phase for
 * the Tasklist queries (every {@code fillDeepEvery}-th played up to {@code fillMaxActions}
 * actions, the others up to {@code fillShallowMaxActions}: most grants of a programme wait early,
 * some are deep in their experiments); {@code queryRepetitions} per query. Database: embedded PostgreSQL
 * unless {@code jdbcUrl} is given (then the bare engine uses {@code bareJdbcUrl}, by default a
 * database {@code <name>_bare} created on the same server; the bare engine with authorisations on
 * uses {@code <name>_bareauth}). {@code existsCheck}: the lifecycle cohorts run with
 * TaskQueryExistsAuthorization on (the application's default) or off. {@code warmUpGrants}: an
 * untimed cohort of the application and of each bare engine before the timed ones (a cold JVM
 * made the first cohort 7-27% slower). {@code scaleSizes}: the fill stops at each of these sizes
 * below {@code activeGrants} to measure the pages again (the scale curve).
 */
public record BenchOptions(int grants, int singleThreadGrants, int threads, int activeGrants, int fillMaxActions,
    int fillDeepEvery, int fillShallowMaxActions, int baselineGrants, int cities, int coaches, int queryRepetitions, int queryWarmUp, String jdbcUrl, String jdbcUser,
    String jdbcPassword, String bareJdbcUrl, Path outputDir, Duration timeout, boolean existsCheck, int warmUpGrants,
    List<Integer> scaleSizes) {

  /** The full run's defaults, each overridable by a {@code bench.*} system property. */
  public static BenchOptions fromSystemProperties(Path defaultOutputDir) {
    int grants = integer("bench.grants", 1000);
    int threads = integer("bench.threads", 4);
    int active = integer("bench.activeGrants", 10_000);
    return new BenchOptions(grants,
        integer("bench.singleThreadGrants", Math.max(threads, grants / 10)),
        threads,
        active,
        integer("bench.fillMaxActions", 24),
        integer("bench.fillDeepEvery", 10),
        integer("bench.fillShallowMaxActions", 2),
        integer("bench.baselineGrants", Math.min(grants, 250)),
        integer("bench.cities", roundUp(Math.max(threads, active / 20), threads)),
        integer("bench.coaches", Math.max(2, active / 100)),
        integer("bench.queryRepetitions", 200),
        integer("bench.queryWarmUp", 20),
        System.getProperty("bench.jdbcUrl"),
        System.getProperty("bench.jdbcUser", "postgres"),
        System.getProperty("bench.jdbcPassword", "postgres"),
        System.getProperty("bench.bareJdbcUrl"),
        Path.of(System.getProperty("bench.outputDir", defaultOutputDir.toString())),
        Duration.parse(System.getProperty("bench.timeout", "PT2H")),
        Boolean.parseBoolean(System.getProperty("bench.existsCheck", "true")),
        integer("bench.warmUpGrants", Math.max(threads, grants / 50)),
        sizes(System.getProperty("bench.scaleSizes", "1000,10000,30000")));
  }

  /** The sizes at which the programme-scale fill stops to measure Tasklist's pages, up to activeGrants. */
  private static List<Integer> sizes(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(v -> !v.isEmpty()).map(Integer::parseInt).toList();
  }

  /**
   * The fill's stops: each scale size below {@code activeGrants}, then {@code activeGrants} itself
   * (the last stop, where every measure of the programme scale is taken).
   */
  public List<Integer> scaleStops() {
    TreeSet<Integer> stops = new TreeSet<>();
    scaleSizes.stream().filter(size -> size > 0 && size < activeGrants).forEach(stops::add);
    stops.add(activeGrants);
    return List.copyOf(stops);
  }

  public BenchOptions {
    scaleSizes = List.copyOf(scaleSizes);
    if (cities % threads != 0) {
      // a city's grants are always applied for on the same thread (references are numbered per city)
      cities = roundUp(cities, threads);
    }
  }

  /** The options as they go into the results (no password). */
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("grants", grants);
    map.put("singleThreadGrants", singleThreadGrants);
    map.put("threads", threads);
    map.put("activeGrants", activeGrants);
    map.put("fillMaxActions", fillMaxActions);
    map.put("fillDeepEvery", fillDeepEvery);
    map.put("fillShallowMaxActions", fillShallowMaxActions);
    map.put("baselineGrants", baselineGrants);
    map.put("cities", cities);
    map.put("coaches", coaches);
    map.put("queryRepetitions", queryRepetitions);
    map.put("queryWarmUp", queryWarmUp);
    map.put("database", jdbcUrl == null ? "embedded PostgreSQL (zonky)" : jdbcUrl);
    map.put("bareDatabase", bareJdbcUrl == null ? "<database>_bare on the same server" : bareJdbcUrl);
    map.put("timeout", timeout.toString());
    map.put("existsCheck", existsCheck);
    map.put("warmUpGrants", warmUpGrants);
    map.put("scaleStops", scaleStops());
    return map;
  }

  static int roundUp(int value, int multiple) {
    return ((value + multiple - 1) / multiple) * multiple;
  }

  private static int integer(String name, int fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
