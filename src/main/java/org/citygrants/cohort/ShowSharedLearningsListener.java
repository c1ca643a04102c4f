package org.citygrants.cohort;

import static org.citygrants.process.ProgrammeProcess.LEARNINGS_SHARED_BY_CITIES;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.citygrants.language.Languages;
import org.springframework.stereotype.Component;

/**
 * Shows the programme's managers, as they open the programme's lessons ({@code create} of
 * Task_WriteProgrammeLessons), what the cohort's cities chose to share of their learnings: the
 * task's read-only {@code learningsSharedByCities}, in each language (a French manager reads
 * "Lyon, « Ateliers » (personnes, pivoter) : ...").
 */
@Component
public class ShowSharedLearningsListener implements TaskListener {

  private final SharedLearnings sharedLearnings;
  private final Languages languages;

  public ShowSharedLearningsListener(SharedLearnings sharedLearnings, Languages languages) {
    this.sharedLearnings = sharedLearnings;
    this.languages = languages;
  }

  @Override
  public void notify(DelegateTask task) {
    String programme = task.getProcessInstanceId();
    LEARNINGS_SHARED_BY_CITIES.setLocal(task, languages.supported(), language -> sharedLearnings.ofCohort(programme, language));
  }
}
