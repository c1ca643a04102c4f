package org.citygrants.evidence;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.ParseListeners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A step that needs a file cannot be completed without one: on {@code complete} of a user task
 * whose id is in {@code grant.evidence.required-steps} (the procurement plan by default), the
 * completion is refused in the reader's language unless the grant has at least one file (not
 * deleted) for that step. Checked in the engine, as a complete listener of every user task, so
 * Tasklist, the engine REST API and the application's own calls all meet it; nothing changes on a
 * refusal (400 naming the field {@code evidence}).
 */
@Component
public class RequiredEvidence extends AbstractProcessEnginePlugin {

  /** The field a refusal names: the task's files, not a form field. */
  public static final String FIELD = "evidence";

  private final ObjectProvider<GrantRegister> register;
  private final ObjectProvider<EvidenceFiles> files;
  private volatile Set<String> requiredSteps;

  public RequiredEvidence(EvidenceProperties properties, ObjectProvider<GrantRegister> register,
      ObjectProvider<EvidenceFiles> files) {
    this.register = register;
    this.files = files;
    this.requiredSteps = properties.requiredStepSet();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addUserTaskListener(configuration, TaskListener.EVENTNAME_COMPLETE, userTask -> true,
        this::refuseWithoutAFile);
  }

  /** The steps that need a file now. */
  public Set<String> requiredSteps() {
    return requiredSteps;
  }

  /** Changes the steps that need a file while the application runs (the tests turn the rule on and off). */
  public void require(Collection<String> steps) {
    this.requiredSteps = Set.copyOf(steps);
  }

  void refuseWithoutAFile(DelegateTask task) {
    String step = task.getTaskDefinitionKey();
    if (step == null || !requiredSteps.contains(step)) {
      return;
    }
    GrantRecord grant = register.getObject().findFor(task.getExecution()).orElse(null);
    if (grant == null) {
      return; // a task of no grant (the programme's own) has no grant files
    }
    if (files.getObject().countFor(grant.grantReference(), step) == 0) {
      throw new InputRejectedException(FIELD, Words.say("evidence.required",
          EvidenceFiles.stepName(step, ReaderLanguage.current())));
    }
  }
}
