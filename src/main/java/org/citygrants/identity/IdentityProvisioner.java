package org.citygrants.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.citygrants.identity.IdentitySeed.FilterDefaults;
import org.citygrants.identity.IdentitySeed.FilterSpec;
import org.citygrants.identity.IdentitySeed.GroupSpec;
import org.citygrants.identity.IdentitySeed.UserSpec;
import org.citygrants.language.LanguagePreferences;
import org.springframework.stereotype.Component;

/**
 * Creates users, groups, memberships, authorisations and Tasklist filters if they are missing.
 * Every method is idempotent and returns how many entities it created (or, for an existing
 * authorisation lacking some permissions, completed); existing users keep their password.
 */
@Component
public class IdentityProvisioner {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  public IdentityProvisioner(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /** Who an authorisation is for: a group, a user, or everyone (a global authorisation). */
  public record Grantee(String groupId, String userId) {
    public static Grantee group(String id) {
      return new Grantee(id, null);
    }

    /** {@code *} means everyone. */
    public static Grantee user(String id) {
      return new Grantee(null, id);
    }

    boolean everyone() {
      return IdentitySeed.ANY.equals(userId);
    }
  }

  public int ensureGroup(GroupSpec spec) {
    if (identityService.createGroupQuery().groupId(spec.id()).count() > 0) {
      return 0;
    }
    Group group = identityService.newGroup(spec.id());
    group.setName(spec.name());
    group.setType(spec.type());
    identityService.saveGroup(group);
    return 1;
  }

  /**
   * Creates the user if missing; its language (if the spec names one) is set when the user has
   * none, so a person's own later choice is kept.
   */
  public int ensureUser(UserSpec spec) {
    int created = 0;
    if (identityService.createUserQuery().userId(spec.id()).count() == 0) {
      User user = identityService.newUser(spec.id());
      user.setFirstName(spec.firstName());
      user.setLastName(spec.lastName());
      user.setEmail(spec.email());
      user.setPassword(spec.password());
      identityService.saveUser(user);
      created = 1;
    }
    if (spec.language() != null && identityService.getUserInfo(spec.id(), LanguagePreferences.USER_INFO_KEY) == null) {
      identityService.setUserInfo(spec.id(), LanguagePreferences.USER_INFO_KEY, spec.language());
    }
    return created;
  }

  public int ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
      return 0;
    }
    identityService.createMembership(userId, groupId);
    return 1;
  }

  /**
   * Grants the named permissions on resource/resourceId; resource {@code *} means every
   * resource type (then the permission names must exist for each, e.g. ALL).
   */
  public int ensureAuthorization(Grantee grantee, String resource, String resourceId, List<String> permissions) {
    List<Resources> resources = IdentitySeed.ANY.equals(resource)
        ? Arrays.asList(Resources.values())
        : List.of(Resources.valueOf(resource));
    int changed = 0;
    for (Resources type : resources) {
      Permission[] granted = permissions.stream()
          .map(name -> ResourceTypeUtil.getPermissionByNameAndResourceType(name, type.resourceType()))
          .toArray(Permission[]::new);
      changed += ensureAuthorization(grantee, type, resourceId, granted);
    }
    return changed;
  }

  public int ensureAuthorization(Grantee grantee, Resource resource, String resourceId, Permission... permissions) {
    int authType = grantee.everyone() ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT;
    AuthorizationQuery query = authorizationService.createAuthorizationQuery()
        .authorizationType(authType)
        .resourceType(resource)
        .resourceId(resourceId);
    if (grantee.userId() != null) {
      query.userIdIn(grantee.userId());
    } else {
      query.groupIdIn(grantee.groupId());
    }
    Optional<Authorization> existing = query.list().stream().findFirst();
    if (existing.isPresent()) {
      Authorization authorization = existing.get();
      List<Permission> missing = Arrays.stream(permissions)
          .filter(p -> !authorization.isPermissionGranted(p)).toList();
      if (missing.isEmpty()) {
        return 0;
      }
      missing.forEach(authorization::addPermission);
      authorizationService.saveAuthorization(authorization);
      return 1;
    }
    Authorization authorization = authorizationService.createNewAuthorization(authType);
    if (grantee.userId() != null) {
      authorization.setUserId(grantee.userId());
    } else {
      authorization.setGroupId(grantee.groupId());
    }
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    Arrays.stream(permissions).forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
    return 1;
  }

  /**
   * Creates the filter (one per member of {@code forEachMemberOf}, owned by the member) unless
   * a filter of that name and owner exists, and shares it: READ for each group of
   * {@code sharedWith} and for the owner. Returns the filters and authorisations created.
   */
  public int ensureFilters(FilterSpec spec, FilterDefaults defaults) {
    if (spec.forEachMemberOf() == null) {
      return ensureFilter(spec, defaults, spec.owner(), null);
    }
    int created = 0;
    for (User member : identityService.createUserQuery().memberOfGroup(spec.forEachMemberOf()).orderByUserId().asc().list()) {
      created += ensureFilter(spec, defaults, member.getId(), member.getId());
    }
    return created;
  }

  /** The filter a group keeps for each of its members ({@code forEachMemberOf}), for this member. */
  public int ensureMemberFilter(FilterSpec spec, FilterDefaults defaults, String member) {
    return ensureFilter(spec, defaults, member, member);
  }

  private int ensureFilter(FilterSpec spec, FilterDefaults defaults, String owner, String member) {
    Optional<Filter> existing = filterService.createTaskFilterQuery().filterName(spec.name()).list().stream()
        .filter(f -> Objects.equals(f.getOwner(), owner))
        .findFirst();
    Filter filter = existing.orElseGet(() -> filterService.saveFilter(filterService.newTaskFilter(spec.name())
        .setOwner(owner)
        .setQuery(TaskFilterQueries.query(taskService, spec.query(), TaskFilterQueries.sort(spec, defaults), member))
        .setProperties(TaskFilterQueries.properties(spec, defaults))));
    int changed = existing.isPresent() ? 0 : 1;
    for (String group : spec.sharedWith()) {
      Grantee grantee = IdentitySeed.ANY.equals(group) ? Grantee.user(IdentitySeed.ANY) : Grantee.group(group);
      changed += ensureAuthorization(grantee, Resources.FILTER, filter.getId(), Permissions.READ);
    }
    if (owner != null) {
      changed += ensureAuthorization(Grantee.user(owner), Resources.FILTER, filter.getId(), Permissions.READ);
    }
    return changed;
  }
}
