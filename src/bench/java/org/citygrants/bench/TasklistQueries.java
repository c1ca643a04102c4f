package org.citygrants.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.cohortrun.TimedPort.Latencies;
import org.springframework.context.ApplicationContext;

/**
 * Tasklist's queries as its users issue them: the saved filters of {@code demo/identities.yaml}
 * (sorted dueDate asc, created asc), run through the {@link FilterService} as the signed-in user
 * (authorisations on, expressions such as {@code ${currentUser()}} resolved for that user), first
 * page of 50 plus the count Tasklist shows beside the filter, plus the variable columns of the
 * page: the filter's {@code variables} property (grantReference, cityName, ...), asked as the
 * engine's REST API asks them for Tasklist's list (FilterResourceImpl: one variable query by the
 * page's task, execution and process instance ids, binary and custom objects not fetched, as the
 * user). The three together are what a Tasklist page costs ("page").
 */
final class TasklistQueries {

  record Probe(String name, String user, String filterName, String filterOwner) {}


  private final FilterService filters;
  private final IdentityService identity;
  private final RuntimeService runtime;

  TasklistQueries(ApplicationContext app) {
    this.filters = app.getBean(FilterService.class);
    this.identity = app.getBean(IdentityService.class);
    this.runtime = app.getBean(RuntimeService.class);
  }

  static List<Probe> probes(String cityUser, String coach) {
    return List.of(
        new Probe("city: My group tasks", cityUser, "My group tasks", null),
        new Probe("city: My tasks", cityUser, "My tasks", null),
        new Probe("coach: Coach: my cities' tasks", coach, "Coach: my cities' tasks", coach),
        new Probe("coach: My tasks", coach, "My tasks", null),
        new Probe("finance: Payments to approve", "finance1", "Payments to approve", null),
        new Probe("officer: All open tasks", "officer", "All open tasks", null));
  }

  /**
   * Runs each probe warmUp + repetitions times, or fewer when a probe has used up {@code budget}
   * (a query of seconds is measured a few times, not hundreds); returns per probe the latencies,
   * the repetitions measured and the rows seen.
   */
  Map<String, Object> measure(List<Probe> probes, int warmUp, int repetitions, java.time.Duration budget) {
    Map<String, Object> results = new LinkedHashMap<>();
    for (Probe probe : probes) {
      Filter filter = filter(probe);
      String filterId = filter.getId();
      List<String> names = columnNames(filter);
      List<String> groups = groupsOf(probe.user());
      Latencies list = new Latencies();
      Latencies count = new Latencies();
      Latencies columns = new Latencies();
      Latencies pages = new Latencies();
      long rows = 0;
      long total = 0;
      long deadline = System.nanoTime() + budget.toNanos();
      for (int i = 0; i < warmUp + repetitions && (i < 2 || System.nanoTime() < deadline); i++) {
        identity.setAuthentication(probe.user(), groups);
        try {
          long t0 = System.nanoTime();
          List<Task> page = filters.listPage(filterId, 0, 50);
          long t1 = System.nanoTime();
          total = filters.count(filterId);
          long t2 = System.nanoTime();
          columns(page, names);
          long t3 = System.nanoTime();
          rows = page.size();
          if (i >= warmUp || t3 - t0 > 1_000_000_000L) { // a query of a second or more needs no warming up
            list.add(t1 - t0);
            count.add(t2 - t1);
            columns.add(t3 - t2);
            pages.add(t3 - t0);
          }
        } finally {
          identity.clearAuthentication();
        }
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("user", probe.user());
      r.put("filter", probe.filterName());
      r.put("repetitions", list.count());
      r.put("rowsOnFirstPage", rows);
      r.put("count", total);
      r.put("list", GrantsBenchmark.percentiles(list));
      r.put("count_query", GrantsBenchmark.percentiles(count));
      r.put("variable_columns", GrantsBenchmark.percentiles(columns));
      r.put("page", GrantsBenchmark.percentiles(pages));
      r.put("columns", names);
      results.put(probe.name(), r);
    }
    return results;
  }

  /**
   * Runs each probe's list and count once more with {@code plans} recording, and writes the
   * PostgreSQL plans of the statements into {@code dir} (one file per probe); returns the files.
   */
  Map<String, String> explain(List<Probe> probes, QueryPlans plans, DataSource dataSource, Path dir)
      throws Exception {
    Files.createDirectories(dir);
    Map<String, String> files = new LinkedHashMap<>();
    for (Probe probe : probes) {
      Filter filter = filter(probe);
      String filterId = filter.getId();
      List<String> names = columnNames(filter);
      List<String> groups = groupsOf(probe.user());
      List<QueryPlans.Captured> captured = plans.capture(() -> {
        identity.setAuthentication(probe.user(), groups);
        try {
          columns(filters.listPage(filterId, 0, 50), names);
          filters.count(filterId);
        } finally {
          identity.clearAuthentication();
        }
      });
      StringBuilder text = new StringBuilder("# " + probe.name() + " as " + probe.user() + "\n\n");
      for (QueryPlans.Captured query : captured) {
        text.append(QueryPlans.explain(dataSource, query)).append('\n');
      }
      Path file = dir.resolve(probe.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + ".txt");
      Files.writeString(file, text);
      files.put(probe.name(), file.getFileName().toString());
    }
    return files;
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  /**
   * The variable columns of a page, as the engine's REST API embeds them in Tasklist's list
   * (FilterResourceImpl#getVariableScopeIds and #queryVariablesInstancesByVariableScopeIds).
   */
  private void columns(List<Task> page, List<String> names) {
    if (page.isEmpty() || names.isEmpty()) {
      return;
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (Task task : page) {
      scopes.add(task.getId());
      scopes.add(task.getExecutionId());
      scopes.add(task.getProcessInstanceId());
      scopes.add(task.getCaseExecutionId());
      scopes.add(task.getCaseInstanceId());
    }
    scopes.remove(null);
    ((VariableInstanceQueryImpl) runtime.createVariableInstanceQuery().disableBinaryFetching()
        .disableCustomObjectDeserialization().variableNameIn(names.toArray(String[]::new))
        .variableScopeIdIn(scopes.toArray(String[]::new))).unlimitedList();
  }

  /** The names of the filter's variable columns (its {@code variables} property). */
  @SuppressWarnings("unchecked")
  static List<String> columnNames(Filter filter) {
    Object variables = filter.getProperties() == null ? null : filter.getProperties().get("variables");
    if (!(variables instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(Map.class::isInstance).map(v -> (String) ((Map<String, Object>) v).get("name"))
        .filter(Objects::nonNull).toList();
  }

  private Filter filter(Probe probe) {
    List<Filter> found = new ArrayList<>(filters.createTaskFilterQuery().filterName(probe.filterName()).list());
    return found.stream().filter(f -> Objects.equals(f.getOwner(), probe.filterOwner())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no filter '" + probe.filterName() + "' owned by "
            + probe.filterOwner()));
  }
}
