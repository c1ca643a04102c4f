package org.citygrants.access;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.citygrants.identity.CityDirectory;
import org.citygrants.process.CityGrantProcess;

/**
 * What each role may do, as Camunda authorisations of its group. Granted by the application in
 * every profile ({@link RoleAuthorizations}); a city group gets {@link #cityGrants} as soon as it
 * is created (in Admin or by a seed). What a city and a coach may read of one grant is granted
 * per grant by {@link GrantAccessService}.
 *
 * <table>
 *   <caption>roles</caption>
 *   <tr><th>group</th><th>may</th></tr>
 *   <tr><td>{@code city-<code>}</td><td>Tasklist; start a {@code city-grant}; its own grant and
 *       tasks (per grant)</td></tr>
 *   <tr><td>{@code coaches}</td><td>Tasklist; the grants they coach (per grant)</td></tr>
 *   <tr><td>{@code programme-officers}</td><td>Tasklist, Cockpit; read every grant, task and its
 *       history; stop a grant</td></tr>
 *   <tr><td>{@code programme-managers}</td><td>Tasklist, Cockpit; read everything; launch a
 *       cohort</td></tr>
 *   <tr><td>{@code finance-officers}</td><td>Tasklist; read the payment and settlement
 *       processes; their payment tasks come as candidate group</td></tr>
 *   <tr><td>{@code camunda-admin}</td><td>everything: users, groups, authorisations,
 *       deployments</td></tr>
 * </table>
 *
 * <p>Nobody but {@code camunda-admin} gets CREATE on deployments, users, groups, authorisations
 * or filters, or UPDATE on tasks: people work on tasks with {@code TASK_WORK} (claim, complete),
 * which the engine grants to a task's candidates and assignee. Who may release, take over or
 * reassign a task is the application's rule ({@link TaskHandOver}, {@link #TASK_LEADS}).
 */
public final class Roles {

  /** One authorisation: {@code permissions} on each of {@code resourceIds} for {@code group}. */
  public record RoleGrant(String group, Resources resource, List<String> resourceIds, List<String> permissions) {}

  public static final String ANY = "*";

  private static final List<String> READ_EVERYTHING_ON_DEFINITIONS = List.of("READ", "READ_INSTANCE", "READ_TASK",
      "READ_HISTORY", "READ_INSTANCE_VARIABLE", "READ_HISTORY_VARIABLE");

  /** The staff roles' authorisations. */
  public static final List<RoleGrant> STAFF = List.of(
      // webapps
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.APPLICATION, List.of("cockpit", "tasklist"), List.of("ACCESS")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.APPLICATION, List.of("cockpit", "tasklist"), List.of("ACCESS")),
      new RoleGrant(CityDirectory.FINANCE_OFFICERS, Resources.APPLICATION, List.of("tasklist"), List.of("ACCESS")),
      new RoleGrant(CityDirectory.COACHES, Resources.APPLICATION, List.of("tasklist"), List.of("ACCESS")),

      // programme officers and managers read every grant of the programme, its tasks and history
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.PROCESS_DEFINITION, List.of(ANY), READ_EVERYTHING_ON_DEFINITIONS),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.PROCESS_DEFINITION, List.of(ANY), READ_EVERYTHING_ON_DEFINITIONS),
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.PROCESS_INSTANCE, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.PROCESS_INSTANCE, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.TASK, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.TASK, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.DECISION_DEFINITION, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.DECISION_DEFINITION, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.DECISION_REQUIREMENTS_DEFINITION, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.DEPLOYMENT, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.DEPLOYMENT, List.of(ANY), List.of("READ")),

      // managers launch a cohort (which starts one city-grant per city)
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.PROCESS_DEFINITION, List.of("experimentation-programme"),
          List.of("READ", "CREATE_INSTANCE")),
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.PROCESS_INSTANCE, List.of(ANY), List.of("CREATE")),

      // finance officers read the payments and settlements (not the cities' grants); the payment
      // tasks reach them as candidate group finance-officers
      new RoleGrant(CityDirectory.FINANCE_OFFICERS, Resources.PROCESS_DEFINITION, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.FINANCE_OFFICERS, Resources.PROCESS_DEFINITION, List.of("grant-payment", "grant-settlement"),
          List.of("READ", "READ_INSTANCE", "READ_HISTORY")),

      // coaches: the process names in Tasklist; the grants they coach come per grant
      new RoleGrant(CityDirectory.COACHES, Resources.PROCESS_DEFINITION, List.of(ANY), List.of("READ")),

      // staff read the people and groups of the programme: Tasklist shows names instead of user
      // ids, and its assignee field accepts only a person the user can read (handing a task over)
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.USER, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.USER, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.FINANCE_OFFICERS, Resources.USER, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_MANAGERS, Resources.GROUP, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.GROUP, List.of(ANY), List.of("READ")),
      new RoleGrant(CityDirectory.FINANCE_OFFICERS, Resources.GROUP, List.of(ANY), List.of("READ")),

      // the administrators
      new RoleGrant(Groups.CAMUNDA_ADMIN, null, List.of(ANY), List.of("ALL")));

  /** Authorisations that earlier versions granted and that must not exist any more. */
  public static final List<RoleGrant> WITHDRAWN = List.of(
      // coaches read every grant's tasks: now only those of the grants they coach
      new RoleGrant(CityDirectory.COACHES, Resources.PROCESS_DEFINITION, List.of(ANY), List.of("READ_TASK")),
      // officers updated every process instance, then every city-grant instance: they stop a grant
      // through the application's early stop, which checks their role, never by editing instances
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.PROCESS_INSTANCE, List.of(ANY), List.of("UPDATE")),
      new RoleGrant(CityDirectory.PROGRAMME_OFFICERS, Resources.PROCESS_DEFINITION, List.of(CityGrantProcess.PROCESS_ID),
          List.of("UPDATE_INSTANCE")));

  /** Stands for every signed-in user in {@link #ENGINE_OPERATIONS}. */
  public static final String EVERYONE = "*";

  /**
   * What people may ask of the engine, whatever the channel (Tasklist, Cockpit, the engine REST
   * API, the Java API), checked by {@link EngineInputPolicy} before the engine's own authorisations:
   * the operation, then the groups that may ask for it ({@link #EVERYONE}: any signed-in user).
   * Administrators ({@code camunda-admin}) may do everything; an operation missing here is theirs
   * alone (writing variables around the forms, BPMN errors, messages and signals, modification,
   * restarts, jobs and incidents, deployments, ...). Even an allowed operation is then checked by
   * the engine: a city user completes only its city's tasks, and only with its form's fields.
   *
   * <p>To give a role a new power, add its group to the operation here (and its authorisations
   * to {@link #STAFF}); the application's own use cases (an officer's early stop, a manager's
   * coach reassignment) do not need it, they act through {@code SystemAccess} once they have
   * checked the person's role.
   */
  public static final Map<EngineOperation, List<String>> ENGINE_OPERATIONS = Map.of(
      EngineOperation.READ, List.of(EVERYONE),
      EngineOperation.SIGN_IN, List.of(EVERYONE),
      EngineOperation.CHANGE_OWN_ACCOUNT, List.of(EVERYONE),
      EngineOperation.WORK_ON_TASK, List.of(EVERYONE),
      EngineOperation.REASSIGN_TASK, List.of(EVERYONE),
      EngineOperation.COMMENT, List.of(EVERYONE),
      EngineOperation.START_PROCESS, List.of(EVERYONE));

  /**
   * Who leads a group's work: besides the members of the group a task is offered to (who may take
   * it over from a colleague, hand it to another colleague or give it back to the group), the
   * members of these groups may reassign that group's tasks, always to a member of the group
   * ({@link TaskHandOver}, enforced by {@link EngineInputPolicy}). A city's tasks stay with its
   * team, the finance officers' with the finance officers (nobody outside finance chooses who
   * approves a payment), and a coach's tasks move only with the grant's coach.
   */
  public static final Map<String, List<String>> TASK_LEADS = Map.of(
      CityDirectory.PROGRAMME_OFFICERS, List.of(CityDirectory.PROGRAMME_MANAGERS),
      CityDirectory.PROGRAMME_MANAGERS, List.of(CityDirectory.PROGRAMME_MANAGERS));

  /** Whether someone in these groups may ask the engine for this operation. */
  public static boolean mayAsk(EngineOperation operation, List<String> groupIds) {
    if (groupIds != null && groupIds.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    List<String> allowed = ENGINE_OPERATIONS.getOrDefault(operation, List.of());
    return allowed.contains(EVERYONE) || (groupIds != null && groupIds.stream().anyMatch(allowed::contains));
  }

  /** The staff groups, created in every profile when missing. */
  public static final List<String> STAFF_GROUPS = List.of(CityDirectory.PROGRAMME_MANAGERS,
      CityDirectory.PROGRAMME_OFFICERS, CityDirectory.FINANCE_OFFICERS, CityDirectory.COACHES);

  private Roles() {}

  public static boolean isCityGroup(String groupId) {
    return CityDirectory.cityCodeOf(groupId).isPresent();
  }

  /**
   * A city team's members read each other's profiles (each member's user, READ, for the city's
   * group), so Tasklist shows a colleague's name and lets a member hand a task to them; nobody
   * outside the city reads them. Kept by {@link RoleAuthorizations} at start and by
   * {@link RoleAuthorizations#memberJoined} whenever a membership is created or deleted.
   */
  public static RoleGrant cityMemberProfile(String cityGroup, String userId) {
    return new RoleGrant(cityGroup, Resources.USER, List.of(userId), List.of("READ"));
  }

  /** What every city group may do: Tasklist and applying (starting a city-grant). */
  public static List<RoleGrant> cityGrants(String cityGroup) {
    return List.of(
        new RoleGrant(cityGroup, Resources.APPLICATION, List.of("tasklist"), List.of("ACCESS")),
        new RoleGrant(cityGroup, Resources.PROCESS_DEFINITION, List.of(CityGrantProcess.PROCESS_ID),
            List.of("READ", "CREATE_INSTANCE")),
        new RoleGrant(cityGroup, Resources.PROCESS_INSTANCE, List.of(ANY), List.of("CREATE")));
  }
}
