package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citygrants.access.TaskHandOver;
import org.citygrants.access.TaskHandOver.TaskFacts;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;

/**
 * The take-over rule on its own, without an engine: who may move a task to whom, per role. The
 * whole-application behaviour (REST, Tasklist's calls, audit) is {@link TaskHandOverTest}.
 */
class TaskHandOverRuleTest {

  static final Set<String> LYON = Set.of("city-lyon");
  static final Set<String> TAMPERE = Set.of("city-tampere");
  static final Set<String> OFFICERS = Set.of("programme-officers");
  static final Set<String> MANAGERS = Set.of("programme-managers");
  static final Set<String> FINANCE = Set.of("finance-officers");
  static final Set<String> COACHES = Set.of("coaches");

  static final Map<String, String> NAMES = Map.of("city-lyon", "Lyon", "programme-officers", "Programme officers",
      "programme-managers", "Programme managers", "finance-officers", "Finance officers");

  static TaskFacts offeredTo(String group, String assignee, Set<String> excluded, String key) {
    return new TaskFacts(key, assignee, Set.of(group), Set.of(), excluded, NAMES);
  }

  static TaskFacts cityTask = offeredTo("city-lyon", "lyon-a", Set.of(), "Task_PlanExperimentation");
  static TaskFacts officerTask = offeredTo("programme-officers", "officer", Set.of(), "Task_SizeGrant");
  static TaskFacts managerTask = offeredTo("programme-managers", "manager", Set.of(), "Task_AssignCoach");
  static TaskFacts approval = offeredTo("finance-officers", null, Set.of("finance1"),
      PaymentProcess.Elements.APPROVE_PAYMENT);
  static TaskFacts coachTask = new TaskFacts("Task_ConfirmReadiness", "coach1", Set.of(), Set.of(), Set.of(), Map.of());

  static Optional<String> refusal(String actor, Set<String> actorGroups, TaskFacts task, String to, Set<String> toGroups) {
    return TaskHandOver.refusal(actor, actorGroups, task, to, toGroups);
  }

  @Test
  void aCityTeamMovesItsTasksWithinItsTeamOnly() {
    assertThat(refusal("lyon-b", LYON, cityTask, "lyon-b", LYON)).as("take over").isEmpty();
    assertThat(refusal("lyon-b", LYON, cityTask, "lyon-c", LYON)).as("hand to a colleague").isEmpty();
    assertThat(refusal("lyon-b", LYON, cityTask, null, Set.of())).as("back to the team").isEmpty();
    assertThat(refusal("lyon-b", LYON, cityTask, "tampere", TAMPERE)).contains("This task can only go to someone from the Lyon team.");
    assertThat(refusal("lyon-b", LYON, cityTask, "officer", OFFICERS)).isPresent();
    assertThat(refusal("tampere", TAMPERE, cityTask, "tampere", TAMPERE)).contains(
        "Only the Lyon team can take over, hand over or release this task.");
    assertThat(refusal("manager", MANAGERS, cityTask, "lyon-b", LYON)).as("staff do not dispatch a city's work").isPresent();
    assertThat(refusal("officer", OFFICERS, cityTask, "lyon-b", LYON)).isPresent();
    assertThat(refusal("coach1", COACHES, cityTask, "lyon-b", LYON)).isPresent();
  }

  @Test
  void officersTakeOverFromEachOtherAndManagersReassignTheProgrammeTeam() {
    assertThat(refusal("officer-b", OFFICERS, officerTask, "officer-b", OFFICERS)).isEmpty();
    assertThat(refusal("manager", MANAGERS, officerTask, "officer-b", OFFICERS)).isEmpty();
    assertThat(refusal("manager", MANAGERS, officerTask, null, Set.of())).isEmpty();
    assertThat(refusal("manager", MANAGERS, officerTask, "manager", MANAGERS))
        .contains("This task is for the programme officers: you cannot take it over.");
    assertThat(refusal("officer", OFFICERS, managerTask, "officer", OFFICERS))
        .contains("Only the programme managers can take over, hand over or release this task.");
    assertThat(refusal("manager-b", MANAGERS, managerTask, "manager-b", MANAGERS)).isEmpty();
    assertThat(refusal("lyon-a", LYON, officerTask, "lyon-a", LYON))
        .contains("Only the programme officers or a programme manager can take over, hand over or release this task.");
    assertThat(refusal("finance1", FINANCE, officerTask, "officer-b", OFFICERS)).isPresent();
  }

  @Test
  void aCoachsTaskIsGivenByNameAndStaysWithTheCoach() {
    for (Set<String> groups : Set.of(COACHES, MANAGERS, OFFICERS, LYON)) {
      assertThat(refusal("someone", groups, coachTask, "coach2", COACHES)).as("%s", groups).isPresent();
    }
    assertThat(refusal("coach1", COACHES, coachTask, null, Set.of())).get().asString()
        .contains("given to one person by name");
  }

  @Test
  void theRequesterOfAPaymentIsNeverGivenItsApproval() {
    assertThat(refusal("finance1", FINANCE, approval, "finance1", FINANCE))
        .contains("You requested this payment, so a different finance officer approves it (four eyes).");
    assertThat(refusal("finance2", FINANCE, approval, "finance1", FINANCE)).get().asString()
        .startsWith("The finance officer who requested this payment cannot approve it");
    assertThat(refusal("finance2", FINANCE, approval, "finance2", FINANCE)).isEmpty();
    assertThat(refusal("manager", MANAGERS, approval, "finance2", FINANCE)).as("nobody outside finance chooses")
        .contains("Only the finance officers can take over, hand over or release this task.");
  }
}
