package org.citygrants.access;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.citygrants.identity.TasklistFilterSeeder;
import org.citygrants.process.SystemAccess;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.citygrants.identity.DemoIdentitySeeder;
import org.citygrants.identity.IdentityProvisioner;
import org.citygrants.identity.IdentityProvisioner.Grantee;
import org.citygrants.identity.IdentitySeed.GroupSpec;
import org.citygrants.access.Roles.RoleGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In every profile, once the engine is up: the staff groups exist and every role holds its
 * authorisations ({@link Roles}), every existing city group holds the city's, authorisations of
 * earlier versions that gave too much are withdrawn, and the owner of a Tasklist filter may only
 * read it (an owner who could edit a filter could put an expression in its query, which the
 * engine evaluates). Idempotent; runs after the demo seeding so it covers seeded groups too.
 */
@Component
public class RoleAuthorizations {

  public static final int ORDER = DemoIdentitySeeder.ORDER + 10;

  private static final Logger log = LoggerFactory.getLogger(RoleAuthorizations.class);

  private final IdentityProvisioner provisioner;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final ProcessEngineConfiguration configuration;
  private final TasklistFilterSeeder filters;

  public RoleAuthorizations(IdentityProvisioner provisioner, IdentityService identityService,
      AuthorizationService authorizationService, FilterService filterService, ProcessEngine processEngine,
      TasklistFilterSeeder filters) {
    this.provisioner = provisioner;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.configuration = processEngine.getProcessEngineConfiguration();
    this.filters = filters;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(ORDER)
  public void onApplicationReady() {
    int changed = apply();
    log.info("Role authorisations: {} created or completed", changed);
  }

  /** Returns how many groups and authorisations were created, completed or reduced. */
  public int apply() {
    int changed = 0;
    for (String group : Roles.STAFF_GROUPS) {
      changed += provisioner.ensureGroup(new GroupSpec(group, displayName(group), Groups.GROUP_TYPE_WORKFLOW));
    }
    changed += provisioner.ensureGroup(new GroupSpec(Groups.CAMUNDA_ADMIN, "Camunda administrators",
        Groups.GROUP_TYPE_SYSTEM));
    for (RoleGrant grant : Roles.STAFF) {
      changed += ensure(grant);
    }
    for (Group group : identityService.createGroupQuery().list()) {
      if (Roles.isCityGroup(group.getId())) {
        for (RoleGrant grant : Roles.cityGrants(group.getId())) {
          changed += ensure(grant);
        }
        for (User member : identityService.createUserQuery().memberOfGroup(group.getId()).list()) {
          changed += ensure(Roles.cityMemberProfile(group.getId(), member.getId()));
        }
      }
    }
    for (RoleGrant withdrawn : Roles.WITHDRAWN) {
      changed += withdraw(withdrawn);
    }
    changed += filterOwnersOnlyRead();
    return changed;
  }

  /**
   * A user joined a group (Admin, a seed; {@code EngineInputPolicy} calls this): a city team reads
   * its new member's profile ({@link Roles#cityMemberProfile}), and a group that keeps one Tasklist
   * filter per member (the coaches) gives them theirs at once.
   */
  public void memberJoined(String userId, String groupId) {
    if (Roles.isCityGroup(groupId)) {
      SystemAccess.run(configuration, () -> ensure(Roles.cityMemberProfile(groupId, userId)));
    }
    // each filter and its sharing in a command of its own, as the administrator who added the member
    filters.memberJoined(userId, groupId);
  }

  /** A user left a group: a city team no longer reads the former member's profile. */
  public void memberLeft(String userId, String groupId) {
    if (Roles.isCityGroup(groupId)) {
      SystemAccess.run(configuration, () -> authorizationService.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
          .resourceType(Resources.USER).resourceId(userId).list()
          .forEach(read -> authorizationService.deleteAuthorization(read.getId())));
    }
  }

  private int ensure(RoleGrant grant) {
    int changed = 0;
    String resource = grant.resource() == null ? Roles.ANY : grant.resource().name();
    for (String resourceId : grant.resourceIds()) {
      changed += provisioner.ensureAuthorization(Grantee.group(grant.group()), resource, resourceId, grant.permissions());
    }
    return changed;
  }

  private int withdraw(RoleGrant grant) {
    int changed = 0;
    for (String resourceId : grant.resourceIds()) {
      for (Authorization authorization : authorizationService.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(grant.group())
          .resourceType(grant.resource()).resourceId(resourceId).list()) {
        boolean reduced = false;
        for (String name : grant.permissions()) {
          Permission permission = ResourceTypeUtil.getPermissionByNameAndResourceType(name, grant.resource().resourceType());
          if (authorization.isPermissionGranted(permission) && !authorization.isEveryPermissionGranted()) {
            authorization.removePermission(permission);
            reduced = true;
          }
        }
        if (reduced) {
          authorizationService.saveAuthorization(authorization);
          changed++;
        }
      }
    }
    return changed;
  }

  /** Owners of filters other than administrators keep READ on their filter, nothing more. */
  private int filterOwnersOnlyRead() {
    int changed = 0;
    for (Filter filter : filterService.createFilterQuery().list()) {
      String owner = filter.getOwner();
      if (owner == null || identityService.createUserQuery().userId(owner).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
        continue;
      }
      for (Authorization authorization : authorizationService.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).userIdIn(owner)
          .resourceType(Resources.FILTER).resourceId(filter.getId()).list()) {
        Permission[] granted = authorization.getPermissions(Permissions.values());
        boolean onlyRead = Arrays.stream(granted).allMatch(p -> p == Permissions.READ || p == Permissions.NONE);
        if (!onlyRead) {
          authorization.setPermissions(new Permission[] {Permissions.READ});
          authorizationService.saveAuthorization(authorization);
          changed++;
        }
      }
    }
    return changed;
  }

  private static String displayName(String group) {
    return switch (group) {
      case "programme-managers" -> "Programme managers";
      case "programme-officers" -> "Programme officers";
      case "finance-officers" -> "Finance officers";
      case "coaches" -> "Experimentation coaches";
      default -> group;
    };
  }
}
