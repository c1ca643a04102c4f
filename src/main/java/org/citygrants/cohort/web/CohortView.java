package org.citygrants.cohort.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The cohort view as one viewer may see it (the JSON of {@code GET /api/cohort}). What a viewer
 * may not see is absent, never zero: {@code money} and experiment budgets of other cities'
 * grants, their late flag, their overdue reports. Report texts are never part of the view, except
 * the learnings a city chose to share with the cohort ({@code learnings}). Amounts are strings with
 * two decimals ({@code "12000.00"}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohortView(
    Instant generatedAt,
    String programmeName,
    Viewer viewer,
    String currency,
    Summary summary,
    List<Grant> grants,
    List<Win> wins,
    List<Learning> learnings,
    List<PeerExchange> peerExchanges,
    List<OverdueReport> overdueReports) {

  /** Who is looking: role {@code programme}, {@code coach} or {@code city}. */
  public record Viewer(String userId, String name, String role, String roleLabel, List<String> cityCodes) {}

  /** The headline numbers; {@code money} totals only for programme staff (they see every grant's money). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(int grants, int experiments, int wins, int overdueReports, Money money) {}

  /**
   * One city's grant. {@code access} is {@code full} when the viewer sees its money and
   * reporting (programme staff, its coach, its city team), {@code peer} otherwise; {@code page}, the
   * address of the grant's own page ({@code /grants/{reference}}), only with full access.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Grant(
      String grantReference,
      String cityCode,
      String cityName,
      String programmeName,
      Person coach,
      String objectiveType,
      Phase phase,
      Preparation preparation,
      Boolean preparationLate,
      List<Experiment> experiments,
      Decisions decisions,
      Money money,
      String access,
      String page,
      Paused paused) {}

  /**
   * A paused grant (grant.pause): since when, why, until when; the officer's note only for those
   * who read the grant in full. Null while the grant runs.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Paused(Instant since, String reason, String reasonLabel, String note, java.time.LocalDate expectedResume) {}

  public record Person(String id, String name) {}

  /** The grant's phase: a key for styling, a label, its position among {@code steps}. */
  public record Phase(String key, String label, int step, int steps, boolean ended) {}

  /** The four preparation steps and how many are done. */
  public record Preparation(int done, int total, List<Step> steps) {}

  public record Step(String key, String label, boolean done) {}

  /** One experiment; {@code title}, {@code budget} and {@code spent} only with full access. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Experiment(int number, String title, String type, String outcome, boolean win, String budget,
      String spent) {}

  /** Decided experiments by decision, and those still running. */
  public record Decisions(int persevere, int pivot, int stop, int running) {}

  /** The grant's capital as the ledger has it: awarded, paid to the city, accepted spending. */
  public record Money(String awarded, String paid, String reportedSpent) {}

  /** A win a coach flagged, shared with the whole cohort. */
  public record Win(String grantReference, String cityName, String story, String flaggedBy, Instant flaggedAt) {}

  /**
   * What a city learned in an experiment and chose to share with the cohort, once its coach accepted
   * the report: the city, the experiment's title and type, the decision, the city's own words.
   */
  public record Learning(String cityName, String experimentTitle, String experimentType, String decision,
      String learnings, Instant sharedAt) {}

  /** A peer-exchange session of the viewer's programme: its day, theme and notes, who held it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PeerExchange(String programmeName, String heldOn, String theme, String notes, String heldBy) {}

  /** An open progress or final report past its due date (only the viewer's grants). */
  public record OverdueReport(String grantReference, String cityName, String report, Instant dueDate, long daysOverdue) {}
}
