package org.citygrants.reporting;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.citygrants.experiment.ExperimentLog;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.notification.GrantNotices;
import org.citygrants.notification.GrantNotices.Report;
import org.citygrants.notification.NotificationRecipients;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * On the completion of a report's review (the coach's decision on an experiment report, an
 * officer's review of a progress or final report): tells the city team whether the report was
 * accepted or sent back, with the reviewer's name and feedback. The grant and its city come from
 * the register, the reviewer is the signed-in person who completed the review. The notice is
 * recorded in the completion's transaction and mailed after it commits: a completion refused later
 * in the same transaction sends nothing. One notice per review task and member.
 */
@Component
public class NotifyCityOfReportReviewListener implements TaskListener {

  private final GrantRegister register;
  private final ExperimentLog experiments;
  private final GrantNotices notices;
  private final NotificationRecipients people;
  private final CurrentActor actor;

  public NotifyCityOfReportReviewListener(GrantRegister register, ExperimentLog experiments, GrantNotices notices,
      NotificationRecipients people, CurrentActor actor) {
    this.register = register;
    this.experiments = experiments;
    this.notices = notices;
    this.people = people;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    Review review = review(task.getTaskDefinitionKey());
    GrantRecord grant = register.of(task.getExecution());
    boolean accepted = Boolean.TRUE.equals(review.accepted().get(task));
    String reviewer = actor.userId();
    if (CurrentActor.SYSTEM.equals(reviewer) && task.getAssignee() != null) {
      reviewer = task.getAssignee();
    }
    String title = null;
    String decision = null;
    if (review.report() == Report.EXPERIMENT) {
      Long number = EXPERIMENT_NUMBER.get(task);
      title = number == null ? null : experiments.find(grant.grantReference(), number.intValue())
          .map(ExperimentLog.Experiment::title).orElse(null);
      decision = accepted ? EXPERIMENT_OUTCOME.get(task) : null;
    }
    notices.reportReviewed(new GrantNotices.ReportReviewed(grant.grantReference(), grant.cityCode(), grant.cityName(),
        task.getId(), review.report(), title, accepted, review.feedback().get(task), people.displayName(reviewer),
        review.report() == Report.EXPERIMENT ? GrantNotices.ROLE_COACH : GrantNotices.ROLE_OFFICER, decision));
  }

  private record Review(Report report, ProcessVariable<Boolean> accepted, ProcessVariable<String> feedback) {}

  private static Review review(String taskKey) {
    return switch (taskKey) {
      case Elements.DECIDE_EXPERIMENT_OUTCOME -> new Review(Report.EXPERIMENT, EXPERIMENT_REPORT_ACCEPTED, EXPERIMENT_REPORT_FEEDBACK);
      case Elements.REVIEW_PROGRESS_REPORT -> new Review(Report.PROGRESS, PROGRESS_REPORT_ACCEPTED, PROGRESS_REPORT_FEEDBACK);
      case Elements.REVIEW_FINAL_REPORT -> new Review(Report.FINAL, FINAL_REPORT_ACCEPTED, FINAL_REPORT_FEEDBACK);
      default -> throw new IllegalStateException("Task " + taskKey + " reviews no report");
    };
  }
}
