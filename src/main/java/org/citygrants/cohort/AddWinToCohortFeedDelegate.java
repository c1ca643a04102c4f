package org.citygrants.cohort;

import static org.citygrants.process.ProgrammeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The programme collects a city's win for the next peer exchange's celebration. */
@Component
public class AddWinToCohortFeedDelegate implements JavaDelegate {

  private final CohortFeed feed;

  public AddWinToCohortFeedDelegate(CohortFeed feed) {
    this.feed = feed;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String line = "- " + WIN_CITY.require(execution) + ": " + WIN_STORY.require(execution);
    String wins = WINS_TO_CELEBRATE.get(execution.getProcessInstance());
    WINS_TO_CELEBRATE.set(execution.getProcessInstance(), wins == null || wins.isBlank() ? line : wins + "\n" + line);
    WINS_COLLECTED.set(execution.getProcessInstance(), WINS_COLLECTED.getOrDefault(execution.getProcessInstance(), 0L) + 1);
    feed.markCollected(WIN_GRANT_REFERENCE.require(execution));
  }
}
