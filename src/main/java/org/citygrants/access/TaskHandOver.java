package org.citygrants.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.citygrants.identity.CityDirectory;
import org.citygrants.process.PaymentProcess;

/**
 * Who may take over, hand over or release a task someone else holds, and to whom: the rule that
 * {@link EngineInputPolicy} applies inside the engine to every assignment a person asks for
 * (Tasklist's assignee field and <i>Unclaim</i>, {@code POST /task/{id}/assignee}, {@code /unclaim},
 * a claim made for someone else, {@code TaskService.setAssignee}). Pure: the facts come in, a
 * refusal in words (no ids, no permission names) or nothing comes out.
 *
 * <ul>
 *   <li>Only a task offered to a group (a candidate group) changes hands; a task given to one
 *       person by name (the coach's) stays with them, and moves only when a programme manager
 *       changes the grant's coach.</li>
 *   <li>Who may move it: a member of a group the task is offered to (a colleague takes over from
 *       someone away, or gives it to another colleague, or back to the group), and the leads of that
 *       group ({@link Roles#TASK_LEADS}: programme managers for the programme officers' tasks and
 *       their own).</li>
 *   <li>To whom: only someone of a group the task is offered to (a city's task stays in its city
 *       team, an officer's task with the officers), never someone the task excludes (the finance
 *       officer who requested a payment, for its approval: four eyes).</li>
 * </ul>
 */
public final class TaskHandOver {

  /** What the rule needs to know of a task: its candidates, who holds it, who it excludes. */
  public record TaskFacts(String definitionKey, String assignee, Set<String> candidateGroups,
      Set<String> candidateUsers, Set<String> excludedUsers, Map<String, String> groupNames) {}

  /** Why a person is excluded from a task, by the task's definition key (shown to them). */
  private static final Map<String, String> EXCLUSION_FOR_THE_PERSON = Map.of(
      PaymentProcess.Elements.APPROVE_PAYMENT,
      "You requested this payment, so a different finance officer approves it (four eyes).");

  /** Why someone else cannot be given a task that excludes them. */
  private static final Map<String, String> EXCLUSION_FOR_A_COLLEAGUE = Map.of(
      PaymentProcess.Elements.APPROVE_PAYMENT,
      "The finance officer who requested this payment cannot approve it (four eyes): choose another finance officer.");

  private TaskHandOver() {}

  /**
   * Why {@code actor} (in {@code actorGroups}) may not give the task to {@code newAssignee} (in
   * {@code newAssigneeGroups}); {@code newAssignee} null is a release back to the group. Empty:
   * allowed.
   */
  public static Optional<String> refusal(String actor, Set<String> actorGroups, TaskFacts task, String newAssignee,
      Set<String> newAssigneeGroups) {
    if (task.candidateGroups().isEmpty() && task.candidateUsers().isEmpty()) {
      return Optional.of("This task was given to one person by name and stays with them. A coach's tasks go to "
          + "another coach when a programme manager changes the grant's coach.");
    }
    if (!mayMove(actor, actorGroups, task)) {
      return Optional.of("Only " + movers(task) + " can take over, hand over or release this task.");
    }
    if (newAssignee != null && task.excludedUsers().contains(newAssignee)) {
      return Optional.of(exclusion(task.definitionKey(), newAssignee.equals(actor)));
    }
    if (newAssignee != null && !isCandidate(newAssignee, newAssigneeGroups, task)) {
      return Optional.of(newAssignee.equals(actor)
          ? "This task is for " + teams(task) + ": you cannot take it over."
          : "This task can only go to someone from " + teams(task) + ".");
    }
    return Optional.empty();
  }

  /** Why this person cannot claim, complete or be given this task that excludes them. */
  public static String exclusion(String definitionKey, boolean theActorThemself) {
    String reason = (theActorThemself ? EXCLUSION_FOR_THE_PERSON : EXCLUSION_FOR_A_COLLEAGUE).get(definitionKey);
    if (reason != null) {
      return reason;
    }
    return theActorThemself ? "This task is not yours to work on." : "This person cannot be given this task.";
  }

  /** A member of a group the task is offered to, a candidate by name, or a lead of one of its groups. */
  static boolean mayMove(String actor, Set<String> actorGroups, TaskFacts task) {
    return isCandidate(actor, actorGroups, task) || task.candidateGroups().stream()
        .flatMap(group -> Roles.TASK_LEADS.getOrDefault(group, List.of()).stream())
        .anyMatch(actorGroups::contains);
  }

  static boolean isCandidate(String user, Set<String> groups, TaskFacts task) {
    return task.candidateUsers().contains(user) || task.candidateGroups().stream().anyMatch(groups::contains);
  }

  /** "the Lyon team", "the programme officers or a programme manager". */
  private static String movers(TaskFacts task) {
    Set<String> leads = task.candidateGroups().stream()
        .flatMap(group -> Roles.TASK_LEADS.getOrDefault(group, List.of()).stream())
        .filter(lead -> !task.candidateGroups().contains(lead))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    String teams = teams(task);
    if (leads.isEmpty()) {
      return teams;
    }
    return teams + " or " + leads.stream().map(TaskHandOver::oneOf).collect(Collectors.joining(" or "));
  }

  /** The groups the task is offered to, in words: "the Lyon team", "the finance officers". */
  private static String teams(TaskFacts task) {
    List<String> names = task.candidateGroups().stream().sorted()
        .map(group -> team(group, task.groupNames().get(group))).toList();
    if (names.isEmpty()) {
      return "the people it is offered to";
    }
    return String.join(" or ", names);
  }

  static String team(String groupId, String groupName) {
    String name = groupName == null || groupName.isBlank() ? groupId : groupName;
    if (CityDirectory.cityCodeOf(groupId).isPresent()) {
      return "the " + name + " team";
    }
    return "the " + name.toLowerCase(java.util.Locale.ROOT);
  }

  /** "a programme manager" for the group programme-managers. */
  private static String oneOf(String groupId) {
    return switch (groupId) {
      case CityDirectory.PROGRAMME_MANAGERS -> "a programme manager";
      case CityDirectory.PROGRAMME_OFFICERS -> "a programme officer";
      case CityDirectory.FINANCE_OFFICERS -> "a finance officer";
      case CityDirectory.COACHES -> "a coach";
      default -> "a member of " + groupId;
    };
  }
}
