package org.citygrants.bench;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Groups;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.cohortrun.Cast;
import org.citygrants.identity.CityDirectory;
import org.citygrants.identity.DemoIdentitySeeder;
import org.citygrants.identity.IdentityProvisioner;
import org.citygrants.identity.IdentitySeed.GroupSpec;
import org.citygrants.identity.IdentitySeed.UserSpec;
import org.citygrants.access.GrantAccessService;
import org.citygrants.access.RoleAuthorizations;
import org.springframework.context.ApplicationContext;

/**
 * The people of a programme-scale run, created through the application's own identity plumbing
 * (the {@link IdentityProvisioner} the demo seed and Admin use): one group {@code city-<code>}
 * and one team member per city, coaches in group {@code coaches}. A new city group gets the
 * city's rights from the engine's authorisation provider (GrantAccessPlugin), coaches get their
 * "Coach: my cities' tasks" filter from the demo seed, and the role authorisations are applied
 * as at every start; the run then checks that a bench city holds the same rights as a real one.
 * The programme staff are the demo users.
 */
final class BenchCast {

  private BenchCast() {}

  static String cityCode(int i) {
    return String.format("bc%04d", i);
  }

  static Cast provision(ApplicationContext app, int cities, int coaches) {
    IdentityProvisioner provisioner = app.getBean(IdentityProvisioner.class);
    List<String> cityUsers = new ArrayList<>();
    for (int i = 0; i < cities; i++) {
      String code = cityCode(i);
      String group = CityDirectory.cityGroup(code);
      provisioner.ensureGroup(new GroupSpec(group, "Bench city " + i, Groups.GROUP_TYPE_WORKFLOW));
      String user = code + "-team";
      provisioner.ensureUser(new UserSpec(user, "Team", "Bench city " + i, user + "@example.org", "demo-" + code,
          List.of(group)));
      provisioner.ensureMembership(user, group);
      cityUsers.add(user);
    }
    List<String> coachUsers = new ArrayList<>();
    for (int i = 0; i < coaches; i++) {
      String user = String.format("bench-coach-%03d", i);
      provisioner.ensureUser(new UserSpec(user, "Coach", "Bench " + i, user + "@example.org", "demo-" + user,
          List.of(CityDirectory.COACHES)));
      provisioner.ensureMembership(user, CityDirectory.COACHES);
      coachUsers.add(user);
    }
    // as at every start: the demo seed gives each coach its filter, the roles their rights
    app.getBean(DemoIdentitySeeder.class).seed();
    app.getBean(RoleAuthorizations.class).apply();
    requireSameRightsAsARealCity(app.getBean(AuthorizationService.class), cityUsers.get(0),
        CityDirectory.cityGroup(cityCode(0)));
    return new Cast(cityUsers, coachUsers, "officer", "manager", "finance1", "finance2");
  }

  private static void requireSameRightsAsARealCity(AuthorizationService authorizations, String user, String group) {
    List<String> groups = List.of(group);
    boolean rights = authorizations.isUserAuthorized(user, groups, Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, CityGrantProcess.PROCESS_ID)
        && authorizations.isUserAuthorized(user, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE, "*")
        && authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist");
    boolean realCity = authorizations.isUserAuthorized("lyon", List.of("city-lyon"), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, CityGrantProcess.PROCESS_ID);
    if (!rights || !realCity) {
      throw new IllegalStateException("the bench city " + group + " lacks the rights a real city has");
    }
  }
}
