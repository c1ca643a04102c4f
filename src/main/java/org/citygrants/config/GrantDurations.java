package org.citygrants.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * The lifecycle's configurable durations (application.yaml {@code grant.durations}), ISO-8601,
 * read by the BPMN timers as {@code ${grantDurations.reportingCycle}} and by the delegates.
 */
@Validated
@Component("grantDurations")
@ConfigurationProperties(prefix = "grant.durations")
public class GrantDurations {

  private String preparation = "P3M";
  private String preparationReminderBefore = "P14D";
  private String reportingCycle = "P3M";
  private String reportOverdueAfter = "P14D";
  private String followUpAfter = "P6M";
  private String peerExchangeCycle = "P3M";
  private String taskDue = "P14D";
  private String paymentDue = "P5D";

  public String getPreparation() { return preparation; }
  public void setPreparation(String value) { preparation = IsoDurations.checked("preparation", value); }
  public String getPreparationReminderBefore() { return preparationReminderBefore; }
  public void setPreparationReminderBefore(String value) { preparationReminderBefore = IsoDurations.checked("preparation-reminder-before", value); }
  public String getReportingCycle() { return reportingCycle; }
  public void setReportingCycle(String value) { reportingCycle = IsoDurations.checked("reporting-cycle", value); }
  public String getReportOverdueAfter() { return reportOverdueAfter; }
  public void setReportOverdueAfter(String value) { reportOverdueAfter = IsoDurations.checked("report-overdue-after", value); }
  public String getFollowUpAfter() { return followUpAfter; }
  public void setFollowUpAfter(String value) { followUpAfter = IsoDurations.checked("follow-up-after", value); }
  public String getPeerExchangeCycle() { return peerExchangeCycle; }
  public void setPeerExchangeCycle(String value) { peerExchangeCycle = IsoDurations.checked("peer-exchange-cycle", value); }
  public String getTaskDue() { return taskDue; }
  public void setTaskDue(String value) { taskDue = IsoDurations.checked("task-due", value); }
  public String getPaymentDue() { return paymentDue; }
  public void setPaymentDue(String value) { paymentDue = IsoDurations.checked("payment-due", value); }

  /** The peer-exchange timer cycle, repeating until the cohort ends: {@code R/P3M}. */
  public String getPeerExchangeRecurrence() {
    return "R/" + peerExchangeCycle;
  }

}
