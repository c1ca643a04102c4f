package org.citygrants.access;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.citygrants.access.Roles.RoleGrant;
import org.citygrants.process.ParseListeners;
import org.springframework.beans.factory.ObjectProvider;
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

  /** The engine's default provider, plus city groups' role rights and read-only filter owners. */
  static class CityGrantsAuthorizationProvider extends DefaultAuthorizationProvider {

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
