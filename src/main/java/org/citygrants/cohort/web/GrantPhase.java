package org.citygrants.cohort.web;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.citygrants.process.CityGrantProcess.Elements;

/**
 * Where a grant is in its lifecycle, as the cohort view shows it: the phase of the
 * {@code city-grant} model (bpmn/city-grant.bpmn) whose scope is active, or how the grant ended.
 * {@link #step} orders the phases for a progress display; ended phases share the last step.
 */
public enum GrantPhase {
  APPLICATION("application", "Application and sizing", 1),
  /** Sized and offered: the city reads the terms and accepts them (or asks the officer). */
  AWARD_OFFERED("award-offered", "Award offered", 1),
  COACH_ASSIGNMENT("coach-assignment", "Coach assignment", 2),
  PREPARATION("preparation", "Preparation", 3),
  COMMITTEE("committee", "Investment committee", 4),
  EXPERIMENTATION("experimentation", "Experimenting", 5),
  TRANSITION("transition", "Transition", 6),
  SETTLEMENT("settlement", "Settlement", 7),
  FOLLOW_UP("follow-up", "Follow-up", 8),
  STOPPING("stopping", "Being stopped", 8),
  COMPLETED("completed", "Completed", 9),
  DECLINED("declined", "Declined", 9),
  STOPPED("stopped", "Stopped", 9),
  /** Ended long ago: the engine's history of it was cleaned up. */
  CLOSED("closed", "Closed", 9);

  /** How many steps {@link #step} counts (a completed grant is at the last). */
  public static final int STEPS = 9;

  /** Scopes that decide the phase of a running grant, the innermost or latest first. */
  private static final List<Scope> RUNNING = List.of(
      new Scope(Elements.EARLY_STOP, STOPPING),
      new Scope(Elements.STOPPED_BY_DECISION, STOPPING),
      new Scope(Elements.REPORT_FOLLOW_UP, FOLLOW_UP),
      new Scope(Elements.FOLLOW_UP_DUE, FOLLOW_UP),
      new Scope(Elements.SETTLE_GRANT, SETTLEMENT),
      new Scope(Elements.TRANSITION, TRANSITION),
      new Scope(Elements.EXPERIMENTATION, EXPERIMENTATION),
      new Scope(Elements.COMMITTEE, COMMITTEE),
      new Scope(Elements.PREPARATION, PREPARATION),
      new Scope(Elements.ASSIGN_COACH, COACH_ASSIGNMENT),
      new Scope(Elements.ACCEPT_AWARD, AWARD_OFFERED),
      new Scope(Elements.ANSWER_AWARD_QUESTION, AWARD_OFFERED),
      new Scope(Elements.GRANT_COACH_ACCESS, COACH_ASSIGNMENT));

  private record Scope(String activityId, GrantPhase phase) {}

  private final String key;
  private final String label;
  private final int step;

  GrantPhase(String key, String label, int step) {
    this.key = key;
    this.label = label;
    this.step = step;
  }

  public String key() {
    return key;
  }

  /** The phase in English (the model's words). */
  public String label() {
    return label;
  }

  /** The phase in the reader's language ("Préparation"). */
  public String label(java.util.Locale language) {
    return org.citygrants.language.Words.say(language, "phase." + key);
  }

  public int step() {
    return step;
  }

  public boolean ended() {
    return step == STEPS;
  }

  /**
   * The phase of a grant from the engine's history: closed when its history was cleaned up, how it
   * ended when it ended, else from its active activities.
   */
  public static GrantPhase of(HistoricProcessInstance instance, List<HistoricActivityInstance> activities) {
    if (instance == null) {
      return CLOSED;
    }
    if (instance.getEndTime() != null) {
      return ofEnded(activities.stream().map(HistoricActivityInstance::getActivityId).toList());
    }
    return ofRunning(activities.stream().filter(a -> a.getEndTime() == null)
        .map(HistoricActivityInstance::getActivityId).toList());
  }

  /** The phase of a running grant from the ids of its active activities (scopes included). */
  public static GrantPhase ofRunning(Collection<String> activeActivityIds) {
    return RUNNING.stream().filter(s -> activeActivityIds.contains(s.activityId())).map(Scope::phase)
        .findFirst().orElse(APPLICATION);
  }

  /** How an ended grant ended, from the ids of the activities it went through. */
  public static GrantPhase ofEnded(Collection<String> activityIds) {
    if (activityIds.contains(Elements.GRANT_COMPLETED)) {
      return COMPLETED;
    }
    if (activityIds.contains(Elements.APPLICATION_DECLINED)) {
      return DECLINED;
    }
    return STOPPED;
  }
}
