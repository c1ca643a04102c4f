package org.citygrants.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.identity.CityDirectory;
import org.citygrants.process.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * The per-grant authorisations: who may read one grant, beyond the programme staff who read
 * every grant through their role.
 *
 * <ul>
 *   <li>the city's group {@code city-<code>}: READ on the grant's process instances (the
 *       {@code city-grant} instance and the payment and settlement instances it calls) and on
 *       their history; its own tasks it gets from the engine as their candidate group;</li>
 *   <li>the grant's coach (a user): the same, plus READ on every task of the grant's
 *       {@code city-grant} instance, open or created later, so the coach follows the city's work.
 *       A new coach takes it over: the previous coach loses every authorisation on the grant,
 *       its tasks and its history.</li>
 * </ul>
 *
 * <p>Everything here runs without the caller's authorisation checks (a city user completing a
 * task must not need the right to write authorisations) and joins the caller's transaction, so
 * a refused step leaves no authorisation behind.
 */
@Service
public class GrantAccessService {

  private static final List<Resources> INSTANCE_RESOURCES =
      List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE);
  private static final List<Resources> TASK_RESOURCES = List.of(Resources.TASK, Resources.HISTORIC_TASK);

  private final AuthorizationService authorizationService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;

  public GrantAccessService(AuthorizationService authorizationService, RuntimeService runtimeService,
      HistoryService historyService, TaskService taskService, IdentityService identityService,
      ProcessEngineConfiguration configuration) {
    this.authorizationService = authorizationService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.configuration = (ProcessEngineConfigurationImpl) configuration;
  }

  /** The city's group reads the grant: its instances (called ones included) and their history. */
  public void grantCity(String grantInstanceId, String cityCode) {
    String group = CityDirectory.cityGroup(cityCode);
    system(() -> {
      for (String instance : grantInstanceIds(grantInstanceId)) {
        for (Resources resource : INSTANCE_RESOURCES) {
          grant(null, group, resource, instance);
        }
      }
      return null;
    });
  }

  /**
   * The grant's coach reads the grant and every task of it; a previous coach (null for the first
   * assignment) loses every authorisation it had on the grant's instances, tasks and history.
   */
  public void grantCoach(String grantInstanceId, String newCoach, String previousCoach) {
    system(() -> {
      Set<String> instances = withInstancesStartedForTheGrant(grantInstanceId);
      if (previousCoach != null && !previousCoach.equals(newCoach)) {
        revokeUser(previousCoach, instances, taskIds(instances));
      }
      if (newCoach != null) {
        for (String instance : instances) {
          for (Resources resource : INSTANCE_RESOURCES) {
            grant(newCoach, null, resource, instance);
          }
        }
        for (Task task : taskService.createTaskQuery().processInstanceId(grantInstanceId).list()) {
          grant(newCoach, null, Resources.TASK, task.getId());
        }
      }
      return null;
    });
  }

  /**
   * A process instance called by a grant's instance (a payment, the settlement) is part of the
   * grant: whoever reads the calling instance reads this one too.
   */
  void inheritFromCallingInstance(String calledInstanceId, String callingInstanceId) {
    system(() -> {
      for (Resources resource : INSTANCE_RESOURCES) {
        List<Authorization> calling = authorizationService.createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .resourceType(resource).resourceId(callingInstanceId).list();
        for (Authorization authorization : calling) {
          if (authorization.isPermissionGranted(read(resource))) {
            // the called instance starts in this command: nothing on it is in the database yet
            grantOnNewResource(authorization.getUserId(), authorization.getGroupId(), resource, calledInstanceId);
          }
        }
      }
      return null;
    });
  }

  /**
   * A new task of a grant's main instance: its coach, if it has one, may read it. For a task created
   * in the running command (its create listener): no authorisation on it can be in the database yet.
   */
  public void grantTaskToCoach(String taskId, String coach) {
    if (coach != null) {
      system(() -> {
        grantOnNewResource(coach, null, Resources.TASK, taskId);
        return null;
      });
    }
  }

  /**
   * The user may neither see nor claim, complete or be given this task, whatever their groups
   * offer: a user-level revoke of every permission on the task, which outweighs the grant its
   * candidate group holds (Camunda checks a user's own authorisations before their groups'), and
   * goes with the task when it ends. Tasklist's lists and filters leave the task out for them;
   * {@code EngineInputPolicy} reads these revokes to refuse in words ({@code TaskHandOver}).
   */
  public void excludeFromTask(String taskId, String userId) {
    system(() -> {
      boolean present = authorizationService.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_REVOKE).userIdIn(userId)
          .resourceType(Resources.TASK).resourceId(taskId).count() > 0;
      if (!present) {
        Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId(userId);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(taskId);
        revoke.removePermission(Permissions.ALL);
        authorizationService.saveAuthorization(revoke);
      }
      return null;
    });
  }

  /** The grant's instance and, recursively, the instances it called (running or ended). */
  /**
   * The grant's instances ({@link #grantInstanceIds}) and those started for it under its reference
   * (a change to the grant, {@code grant-change}), running or ended.
   */
  private Set<String> withInstancesStartedForTheGrant(String grantInstanceId) {
    Set<String> ids = grantInstanceIds(grantInstanceId);
    HistoricProcessInstance grant = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(grantInstanceId).singleResult();
    if (grant != null && grant.getBusinessKey() != null) {
      historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(grant.getBusinessKey()).list()
          .stream().map(HistoricProcessInstance::getId).filter(id -> !ids.contains(id))
          .forEach(id -> ids.addAll(grantInstanceIds(id)));
    }
    return ids;
  }

  Set<String> grantInstanceIds(String grantInstanceId) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> next = new ArrayList<>(List.of(grantInstanceId));
    while (!next.isEmpty()) {
      String id = next.remove(0);
      if (!ids.add(id)) {
        continue;
      }
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().stream()
          .map(ProcessInstance::getId).forEach(next::add);
      historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list().stream()
          .map(HistoricProcessInstance::getId).forEach(next::add);
    }
    return ids;
  }

  private Set<String> taskIds(Set<String> instances) {
    Set<String> ids = new LinkedHashSet<>();
    for (String instance : instances) {
      taskService.createTaskQuery().processInstanceId(instance).list().forEach(t -> ids.add(t.getId()));
      historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).list().stream()
          .map(HistoricTaskInstance::getId).forEach(ids::add);
    }
    return ids;
  }

  /** Deletes the user's own authorisations on these instances and tasks (all permissions). */
  private void revokeUser(String userId, Set<String> instances, Set<String> tasks) {
    for (Resources resource : INSTANCE_RESOURCES) {
      deleteUserAuthorizations(userId, resource, instances);
    }
    for (Resources resource : TASK_RESOURCES) {
      deleteUserAuthorizations(userId, resource, tasks);
    }
  }

  private void deleteUserAuthorizations(String userId, Resource resource, Set<String> resourceIds) {
    authorizationService.createAuthorizationQuery().userIdIn(userId).resourceType(resource).list().stream()
        .filter(a -> resourceIds.contains(a.getResourceId()))
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  private void grant(String userId, String groupId, Resource resource, String resourceId) {
    AuthorizationEntity pending = pendingInThisCommand(userId, groupId, resource, resourceId);
    if (pending != null) {
      // created earlier in this command (e.g. the engine's own for a task's assignee), not yet
      // in the database: complete that one rather than insert a duplicate
      pending.addPermission(read(resource));
      return;
    }
    var query = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId);
    if (userId != null) {
      query.userIdIn(userId);
    } else {
      query.groupIdIn(groupId);
    }
    Authorization authorization = query.list().stream()
        .filter(a -> Objects.equals(a.getUserId(), userId) && Objects.equals(a.getGroupId(), groupId))
        .findFirst()
        .orElseGet(() -> {
          Authorization created = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          created.setUserId(userId);
          created.setGroupId(groupId);
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
    if (!authorization.isPermissionGranted(read(resource))) {
      authorization.addPermission(read(resource));
      authorizationService.saveAuthorization(authorization);
    }
  }

  /**
   * READ on a resource created in the running command (a task in its create listener, a called
   * instance in its start listener): no row on it can be in the database, so none is asked for
   * before the insert (issue 17: that query was one more statement per new task); a row this
   * command made already (the engine's own for a task's assignee) is completed instead.
   */
  private void grantOnNewResource(String userId, String groupId, Resource resource, String resourceId) {
    AuthorizationEntity pending = pendingInThisCommand(userId, groupId, resource, resourceId);
    if (pending != null) {
      pending.addPermission(read(resource));
      return;
    }
    Authorization created = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    created.setUserId(userId);
    created.setGroupId(groupId);
    created.setResource(resource);
    created.setResourceId(resourceId);
    created.addPermission(read(resource));
    authorizationService.saveAuthorization(created);
  }

  private static AuthorizationEntity pendingInThisCommand(String userId, String groupId, Resource resource,
      String resourceId) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return null;
    }
    var cache = context.getDbEntityManager().getDbEntityCache();
    return cache.getEntitiesByType(AuthorizationEntity.class).stream()
        .filter(a -> !cache.isDeleted(a) && a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
            && Objects.equals(a.getUserId(), userId) && Objects.equals(a.getGroupId(), groupId)
            && a.getResourceType() == resource.resourceType() && Objects.equals(a.getResourceId(), resourceId))
        .findFirst().orElse(null);
  }

  /** READ of this resource type (the historic resources have their own permission enums). */
  private static Permission read(Resource resource) {
    return ResourceTypeUtil.getPermissionByNameAndResourceType("READ", resource.resourceType());
  }

  private <T> T system(Supplier<T> work) {
    return SystemAccess.run(configuration, work);
  }
}
