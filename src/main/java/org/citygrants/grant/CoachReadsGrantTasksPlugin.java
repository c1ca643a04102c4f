package org.citygrants.grant;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.citygrants.access.GrantAccessService;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.ParseListeners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The coach follows the city's work: every new task of a grant's {@code city-grant} instance is
 * readable by the grant's coach, as the register knows them, the moment it is created.
 */
@Component
public class CoachReadsGrantTasksPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<GrantRegister> register;
  private final ObjectProvider<GrantAccessService> access;

  public CoachReadsGrantTasksPlugin(ObjectProvider<GrantRegister> register, ObjectProvider<GrantAccessService> access) {
    this.register = register;
    this.access = access;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addUserTaskListener(configuration, TaskListener.EVENTNAME_CREATE, userTask -> true, task -> {
      if (task.getProcessDefinitionId() != null
          && task.getProcessDefinitionId().startsWith(CityGrantProcess.PROCESS_ID + ":")) {
        register.getObject().findByProcessInstance(task.getProcessInstanceId())
            .ifPresent(grant -> access.getObject().grantTaskToCoach(task.getId(), grant.coach()));
      }
    });
  }
}
