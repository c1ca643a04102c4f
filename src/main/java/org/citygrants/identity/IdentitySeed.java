package org.citygrants.identity;

import java.util.List;
import java.util.Map;

/**
 * Users, groups, authorisations and Tasklist filters as declared in a seed file such as
 * {@code demo/identities.yaml}. Plain data: {@link IdentityProvisioner} turns it into engine
 * entities.
 */
public record IdentitySeed(
    List<GroupSpec> groups,
    List<UserSpec> users,
    List<AuthorizationSpec> authorizations,
    FilterDefaults filterDefaults,
    List<FilterSpec> filters) {

  /** Resource, resource id or user meaning "all" / "everyone". */
  public static final String ANY = "*";

  public IdentitySeed {
    groups = nonNull(groups);
    users = nonNull(users);
    authorizations = nonNull(authorizations);
    filterDefaults = filterDefaults == null ? FilterDefaults.NONE : filterDefaults;
    filters = nonNull(filters);
  }

  /** A group; type is {@code WORKFLOW} or {@code SYSTEM}. */
  public record GroupSpec(String id, String name, String type) {}

  /**
   * A user, the groups it is a member of and, optionally, the language it reads the product in
   * ({@code en}, {@code fr}; none: its browser's).
   */
  public record UserSpec(
      String id, String firstName, String lastName, String email, String password,
      List<String> groups, String language) {
    public UserSpec {
      groups = nonNull(groups);
    }

    public UserSpec(String id, String firstName, String lastName, String email, String password, List<String> groups) {
      this(id, firstName, lastName, email, password, groups, null);
    }
  }

  /**
   * Grants {@code permissions} on every pair of {@code resource} x {@code resourceId} to every
   * group in {@code groups} and user in {@code users} (user {@code *}: a global authorisation).
   * Resource {@code *} stands for every resource type.
   */
  public record AuthorizationSpec(
      List<String> groups, List<String> users, List<String> resource, List<String> resourceId,
      List<String> permissions) {
    public AuthorizationSpec {
      groups = nonNull(groups);
      users = nonNull(users);
      resource = nonNull(resource);
      resourceId = resourceId == null || resourceId.isEmpty() ? List.of(ANY) : resourceId;
      permissions = nonNull(permissions);
    }
  }

  /** Tasklist column: a variable name and its label. */
  public record VariableColumn(String name, String label) {}

  /** Values every filter takes unless it sets its own. */
  public record FilterDefaults(Boolean refresh, List<String> sort, List<VariableColumn> variables) {
    static final FilterDefaults NONE = new FilterDefaults(null, null, null);
  }

  /**
   * A saved Tasklist filter. {@code sharedWith} lists the groups that may read it ({@code *}:
   * everyone). With {@code forEachMemberOf}, one filter per member of that group is created,
   * owned by the member, and {@link #MEMBER} in a process variable value is replaced by the
   * member's id.
   */
  public record FilterSpec(
      String name, String description, Integer priority, String color, Boolean refresh,
      String owner, String forEachMemberOf, List<String> sharedWith, TaskQuerySpec query,
      List<String> sort, List<VariableColumn> variables) {

    public static final String MEMBER = "{member}";

    public FilterSpec {
      sharedWith = nonNull(sharedWith);
      query = query == null ? TaskQuerySpec.ALL : query;
    }
  }

  /**
   * The criteria of a filter's task query. String criteria are expressions when they start
   * with {@code ${} (e.g. {@code ${currentUser()}}), literal values otherwise.
   */
  public record TaskQuerySpec(
      String assignee,
      String candidateUser,
      String involvedUser,
      List<String> candidateGroups,
      Boolean includeAssigned,
      List<String> taskDefinitionKeyIn,
      List<String> processDefinitionKeyIn,
      Map<String, Object> processVariables) {
    static final TaskQuerySpec ALL = new TaskQuerySpec(null, null, null, null, null, null, null, null);

    public TaskQuerySpec {
      candidateGroups = nonNull(candidateGroups);
      taskDefinitionKeyIn = nonNull(taskDefinitionKeyIn);
      processDefinitionKeyIn = nonNull(processDefinitionKeyIn);
      processVariables = processVariables == null ? Map.of() : processVariables;
    }
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
