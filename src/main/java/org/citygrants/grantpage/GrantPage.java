package org.citygrants.grantpage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One grant as the page {@code /grants/{reference}} shows it and {@code GET /api/grants/{reference}}
 * returns it: how much, until when, what next, what was done, what was received and what is to
 * come. Amounts are strings with two decimals in {@link #currency}; texts are words, never codes.
 */
public record GrantPage(
    String reference,
    String cityCode,
    String cityName,
    String programmeName,
    String objective,
    Person coach,
    Status status,
    String currency,
    Terms terms,
    List<NextStep> nextSteps,
    List<DoneStep> stepsDone,
    List<Experiment> experiments,
    List<Report> reports,
    List<Payment> payments,
    Money money,
    List<PeerLearning> cohortLearnings,
    Instant generatedAt,
    Paused paused,
    List<PauseRecord> pauses,
    List<Document> documents,
    Actions actions,
    List<ChangeRecord> changes,
    List<SpendingRecord> spending) {

  /**
   * An item of the city's spending (ledger.LocalSpending), in the reader's words: the euro amount,
   * and what was paid in another currency with the rate used.
   */
  public record SpendingRecord(LocalDate spentOn, String description, String line, String amount, String original,
      String rate, String documentHref) {}

  /**
   * A change asked of the grant (grant.change) and what became of it, in the reader's words: an
   * amendment, a budget move, a request to stop. The grant's amendment history.
   */
  public record ChangeRecord(String kindLabel, String summary, String reason, String requestedBy, Instant requestedAt,
      String status, String statusLabel, String decidedBy, String approvedBy, String note, Instant closedAt) {}

  /**
   * What the reader may do to the grant from its page, decided on the server from their roles and
   * the grant's state (the API decides again when they do it): pause and resume (programme
   * officers), stop early (officers, once awarded), change the coach (programme managers). The
   * choices are in the reader's words; a coach's value is what the API takes.
   */
  public record Actions(boolean pause, boolean resume, boolean stopEarly, boolean changeCoach,
      List<Choice> pauseReasons, List<Choice> coaches, boolean amend, boolean askChange, boolean moveBudget,
      boolean askStop, List<Choice> durations, List<Choice> objectives, List<Choice> budgetLines,
      boolean reportSpending, List<Choice> currencies, List<Choice> invoices) {

    public static final Actions NONE = new Actions(false, false, false, false, List.of(), List.of(), false, false,
        false, false, List.of(), List.of(), List.of(), false, List.of(), List.of());
  }

  /** One choice of a list: the value sent, the words shown. */
  public record Choice(String value, String label) {}

  /**
   * A file attached to the grant (evidence): its name, the step it is for and its size in the
   * reader's words, who attached it and when, and where to download it.
   */
  public record Document(String name, String step, String size, String by, Instant at, String href) {}

  /**
   * The grant is paused now (grant.pause): since when, by whom, why, until when it is expected to
   * be; null while it runs.
   *
   * @param reason the code (elections, disaster, staff, other); {@code reasonLabel} in the reader's words
   * @param overdue whether the expected day has passed
   */
  public record Paused(Instant since, String by, String reason, String reasonLabel, String note, LocalDate expectedResume,
      boolean overdue) {}

  /** A pause of the grant, ended or not: from, to, why, who, how many days its deadlines moved. */
  public record PauseRecord(Instant from, Instant to, String pausedBy, String resumedBy, String reasonLabel, String note,
      LocalDate expectedResume, Long movedDays) {}

  /** What another city of the cohort learned from one of its experiments, shared by its choice. */
  public record PeerLearning(String cityName, String experimentTitle, String type, String decision, String learnings,
      Instant decidedAt) {}

  /** A person by name, with an e-mail address where one is known. */
  public record Person(String name, String email) {}

  /** Where the grant stands: its phase, the step of the lifecycle it is at, whether it ended. */
  public record Status(String key, String label, int step, int steps, boolean ended) {}

  /**
   * The award's terms (null fields: not decided yet).
   *
   * @param advanceRateDecided false while the rate shown is the estimate made at the award (the
   *     procurement plan's approval decides it)
   * @param acceptance null until the city accepts the award
   */
  public record Terms(
      String requested,
      String awarded,
      String preparationTime,
      LocalDate preparationDeadline,
      int preparationExtensions,
      String programmeDuration,
      LocalDate programmeEnd,
      Integer advanceRatePercent,
      boolean advanceRateDecided,
      String advanceAmount,
      List<BudgetLine> budgetLines,
      Acceptance acceptance) {}

  /**
   * The city's acceptance of the award: who, when, and where the agreement as accepted is
   * ({@code GET /api/grants/{reference}/agreement}, a PDF).
   */
  public record Acceptance(String acceptedBy, Instant acceptedAt, String agreementUrl) {}

  /** A budget line of the award: what it is for, what it holds, what is committed on it. */
  public record BudgetLine(String label, String purpose, String allocated, String committed, String remaining) {}

  /**
   * A step waiting for someone.
   *
   * @param dueBy the last day to do it (a due date at midnight is the end of the day before)
   * @param yours whether the viewer may take it (then {@link #taskUrl} opens it in Tasklist)
   */
  public record NextStep(String name, String heldBy, Instant due, LocalDate dueBy, boolean overdue, boolean yours,
      String taskUrl) {}

  /** A step done: what, when, by whom. */
  public record DoneStep(String name, Instant at, String by) {}

  /** An experiment: its plan and, once the coach decided, its spending and the decision. */
  public record Experiment(int number, String title, String type, String budget, String spent, String decision,
      Instant startedAt, Instant endsAt, Instant decidedAt) {}

  /** A report and its review: accepted, sent back, or waiting. */
  public record Report(String name, Instant submittedAt, String outcome, Instant reviewedAt, String reviewedBy,
      String feedback) {}

  /** A payment made, under way or expected (the indicative calendar). */
  public record Payment(String label, String amount, boolean atMost, LocalDate date, String status, String statusLabel,
      String basis, List<FileLink> evidence) {}

  /** A file a payment rests on (its invoice, the proof of transfer), to download. */
  public record FileLink(String name, String href) {}

  /** The grant's money from its ledger. */
  public record Money(String awarded, String committed, String pendingPayments, String paid, String reportedSpent,
      String available) {}
}
