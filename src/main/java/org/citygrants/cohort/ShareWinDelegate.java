package org.citygrants.cohort;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.process.ProgrammeProcess;
import org.springframework.stereotype.Component;

/**
 * A coach flagged a win: it joins the cohort's feed and, when the grant belongs to a programme,
 * the programme instance collects it (message WinFlagged). Runs after an async continuation so
 * that many cities' wins reach one programme instance without conflicting with the grant's work;
 * the feed entry has a key, so a retried job adds it once.
 */
@Component
public class ShareWinDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final CohortFeed feed;
  private final RuntimeService runtimeService;

  public ShareWinDelegate(CohortFeed feed, RuntimeService runtimeService, GrantRegister register) {
    this.register = register;
    this.feed = feed;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    String winKey = reference + ":experiment-" + EXPERIMENT_NUMBER.require(execution);
    String programme = PROGRAMME_INSTANCE_ID.get(execution);
    boolean isNew = feed.flag(winKey, reference, register.of(execution).cityName(), programme, WIN_STORY.require(execution),
        COACH.get(execution));
    if (isNew && programme != null) {
      runtimeService.createMessageCorrelation(ProgrammeProcess.MESSAGE_WIN_FLAGGED)
          .processInstanceId(programme)
          .setVariableLocal(ProgrammeProcess.WIN_CITY.name(), register.of(execution).cityName())
          .setVariableLocal(ProgrammeProcess.WIN_GRANT_REFERENCE.name(), winKey)
          .setVariableLocal(ProgrammeProcess.WIN_STORY.name(), WIN_STORY.require(execution))
          .correlateWithResult();
    }
  }
}
