package org.citygrants.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.citygrants.access.Roles.RoleGrant;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.ParseListeners;
import org.citygrants.process.PaymentProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the per-grant authorisations following the grant, inside the engine:
 * <ul>
 *   <li>a process instance called by another (a payment, the settlement) is readable by whoever
 *       reads the calling instance (its city, its coach);</li>
 *   <li>(a new task of a grant's {@code city-grant} instance is readable by the grant's coach: see
 *       {@code grant.CoachReadsGrantTasksPlugin}, which knows the coach from the register);</li>
 *   <li>a new city group ({@code city-<code>}, created in Admin or by a seed) gets the city's
 *       role authorisations at once ({@link Roles#cityGrants});</li>
 *   <li>the owner of a new filter may only read it (only administrators edit filters, whose
 *       queries may hold expressions the engine evaluates).</li>
 * </ul>
 */
@Component
public class GrantAccessPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(GrantAccessPlugin.class);

  private final ObjectProvider<GrantAccessService> access;

  public GrantAccessPlugin(ObjectProvider<GrantAccessService> access) {
    this.access = access;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new CityGrantsAuthorizationProvider());
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) this::onStart);
      }

      private void onStart(DelegateExecution execution) {
        DelegateExecution calling = execution.getProcessInstance().getSuperExecution();
        if (calling != null) {
          access.getObject().inheritFromCallingInstance(execution.getProcessInstanceId(), calling.getProcessInstanceId());
        }
      }
    });
  }

  /**
   * The processes of a grant: whoever holds one of their tasks reads the instance's whole history
   * otherwise. The city group and the coach have READ on the grant's historic instances
   * ({@link GrantAccessService}: the main instance when it is registered, its first step; the
   * payments and the settlement when they start); programme officers and managers READ_HISTORY on
   * every definition; finance officers READ_HISTORY on the payment and settlement definitions
   * ({@link Roles#STAFF}). The engine's historic task, variable and detail queries accept any of
   * these, so a per-task HISTORIC_TASK row adds nothing for them.
   */
  static final Set<String> GRANT_PROCESSES = Set.of(CityGrantProcess.PROCESS_ID, PaymentProcess.PAYMENT_PROCESS_ID,
      PaymentProcess.SETTLEMENT_PROCESS_ID);

  /**
   * Removes the per-task history rows written on a grant's tasks before the provider below stopped
   * writing them (see {@link CityGrantsAuthorizationProvider#createOrUpdateAuthorizations}); once
   * they are gone the statement finds nothing. 19 is Resources.HISTORIC_TASK.
   */
  static final String DELETE_OLD_HISTORIC_TASK_ROWS = "DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = "
      + Resources.HISTORIC_TASK.resourceType() + " AND RESOURCE_ID_ IN (SELECT ID_ FROM ACT_HI_TASKINST"
      + " WHERE PROC_DEF_KEY_ IN ('city-grant', 'grant-payment', 'grant-settlement'))";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = engine.getProcessEngineConfiguration().getDataSource().getConnection();
         Statement statement = connection.createStatement()) {
      int removed = statement.executeUpdate(DELETE_OLD_HISTORIC_TASK_ROWS);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (removed > 0) {
        LOG.info("Removed {} per-task history rows of grants' tasks (their holders read the grant's history otherwise)",
            removed);
      }
    } catch (SQLException e) {
      LOG.warn("Per-task history rows of earlier grants' tasks were not removed: {}", e.toString());
    }
  }

  /**
   * The engine's default provider, plus city groups' role rights and read-only filter owners, and
   * no per-task history row on a grant's tasks.
   */
  static class CityGrantsAuthorizationProvider extends DefaultAuthorizationProvider {

    /**
     * A task's candidate or assignee gets the engine's runtime row (TASK: READ, TASK_WORK); on a
     * task of a grant's processes, not the history row (HISTORIC_TASK: READ) the engine adds with
     * historic instance permissions on: its holders read the grant's history through the instance
     * (see {@link #GRANT_PROCESSES}), the row outlived its task and was most of the authorisation
     * table at programme scale, and making it cost the completion two queries and an insert per
     * candidate and assignee (issue 17). Someone who is none of those holders (an administrator
     * assigning a task to a stranger) gets no history read from the assignment: denied by default.
     */
    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
      if (!ofAGrant(task)) {
        return super.createOrUpdateAuthorizations(task, groupId, userId);
      }
      Permission[] runtime = getRuntimePermissions(isEnforceSpecificVariablePermission());
      return new AuthorizationEntity[] {createOrUpdateAuthorization(task, userId, groupId, Resources.TASK, false, runtime)};
    }

    private static boolean ofAGrant(Task task) {
      ProcessDefinitionEntity definition = task instanceof TaskEntity entity && entity.getProcessDefinitionId() != null
          ? entity.getProcessDefinition() : null;
      return definition != null && GRANT_PROCESSES.contains(definition.getKey());
    }

    @Override
    public AuthorizationEntity[] newGroup(Group group) {
      List<AuthorizationEntity> authorizations = new ArrayList<>(List.of(super.newGroup(group)));
      if (Roles.isCityGroup(group.getId())) {
        for (RoleGrant grant : Roles.cityGrants(group.getId())) {
          Permission[] permissions = grant.permissions().stream()
              .map(name -> ResourceTypeUtil.getPermissionByNameAndResourceType(name, grant.resource().resourceType()))
              .toArray(Permission[]::new);
          for (String resourceId : grant.resourceIds()) {
            authorizations.add(createGrantAuthorization(null, group.getId(), grant.resource(), resourceId, permissions));
          }
        }
      }
      return authorizations.toArray(new AuthorizationEntity[0]);
    }

    @Override
    public AuthorizationEntity[] newFilter(Filter filter) {
      AuthorizationEntity[] authorizations = super.newFilter(filter);
      if (authorizations != null) {
        for (AuthorizationEntity authorization : authorizations) {
          authorization.setPermissions(new Permission[] {Permissions.READ});
        }
      }
      return authorizations;
    }
  }
}
