package org.citygrants.grant.pause;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.access.GrantPolicy;
import org.citygrants.experiment.ExperimentLog;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.ProcessGateway.TaskNotAvailableException;
import org.citygrants.process.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme officer pauses a grant whose city has to "go silent" for a while (elections, a
 * disaster, the team gone) and resumes it later, without penalty.
 *
 * <p>Pausing suspends every process instance of the grant (the grant itself and what it called:
 * payments, settlement): Camunda then neither fires their timers nor runs their jobs, their tasks
 * cannot be completed, and the reminders and the overdue digest, which read active tasks only,
 * leave them out. Resuming moves, by exactly the paused time, every timer of those instances, the
 * due dates of their tasks, the grant's recorded deadlines (preparation deadline and reminder,
 * programme end, the committee's next check, the experiment's half-way and end, in the engine and
 * in the experiment table) and so the indicative payment calendar computed from them, then
 * activates the instances again, all in one transaction: the job executor never sees a timer
 * active at its old date.
 *
 * <p>Who pauses and who resumes is the signed-in officer (never a variable); the pause, its reason,
 * its dates and how far the grant moved are in table {@code grant_pause}, the grant's one place
 * to read "paused from .. to .., why".
 */
@Service
public class GrantPauses {

  /** The recorded deadlines that move with a resume (dates of the engine). */
  static final List<String> MOVING_DATES = List.of(
      CityGrantProcess.PREPARATION_DUE_DATE.name(),
      CityGrantProcess.PREPARATION_REMINDER_DATE.name(),
      CityGrantProcess.PROGRAMME_END_DATE.name(),
      CityGrantProcess.NEXT_CONVENING_CHECK_DATE.name(),
      CityGrantProcess.EXPERIMENT_MIDPOINT_DATE.name(),
      CityGrantProcess.EXPERIMENT_END_DATE.name());

  /** The longest note an officer writes with a pause. */
  public static final int NOTE_LENGTH = 2000;
  /** A pause is expected to end within this many days; a longer silence is a stop, or a new pause later. */
  public static final int LONGEST_PAUSE_DAYS = 730;

  private final PauseRegister pauses;
  private final GrantRegister register;
  private final GrantPolicy policy;
  private final ExperimentLog experiments;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final ProcessEngineConfiguration configuration;

  public GrantPauses(PauseRegister pauses, GrantRegister register, GrantPolicy policy, ExperimentLog experiments,
      RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, ProcessEngineConfiguration configuration) {
    this.pauses = pauses;
    this.register = register;
    this.policy = policy;
    this.experiments = experiments;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.configuration = configuration;
  }

  /** What a resume moved: by how much, how many timers and tasks. */
  public record Resumed(Pause pause, Duration moved, int timersMoved, int tasksMoved) {}

  /**
   * Pauses the grant as this officer.
   *
   * @throws TaskNotAvailableException when the person is not a programme officer (403)
   * @throws InputRejectedException when the reason, the note or the expected date is refused (400), nothing changed
   * @throws PauseConflictException when the grant is paused already or no longer running (409)
   */
  @Transactional
  public Pause pause(String userId, String grantReference, String reason, String note, String expectedResume) {
    Locale language = ReaderLanguage.current();
    requireOfficer(userId, language, "pause.onlyOfficers");
    GrantRecord grant = grant(grantReference, language);
    String code = reason == null ? null : reason.trim().toLowerCase(Locale.ROOT);
    if (code == null || code.isEmpty()) {
      throw new InputRejectedException("reason", Words.say(language, "pause.reasonMissing"));
    }
    if (!Pause.REASONS.contains(code)) {
      throw new InputRejectedException("reason", Words.say(language, "pause.reasonUnknown", reason));
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text == null && Pause.OTHER.equals(code)) {
      throw new InputRejectedException("note", Words.say(language, "pause.noteMissing"));
    }
    if (text != null && text.length() > NOTE_LENGTH) {
      throw new InputRejectedException("note", Words.say(language, "pause.noteTooLong", NOTE_LENGTH, text.length()));
    }
    LocalDate expected = expectedDay(expectedResume, language);
    Optional<Pause> open = pauses.open(grant.grantReference());
    if (open.isPresent()) {
      throw new PauseConflictException(Words.say(language, "pause.alreadyPaused", grant.grantReference(),
          Words.longDay(day(open.get().pausedAt()), language)));
    }
    List<String> instances = instancesOf(grant);
    if (!running(grant)) {
      throw new PauseConflictException(Words.say(language, "pause.notRunning", grant.grantReference()));
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Pause pause;
    try {
      pause = pauses.open(grant.grantReference(), now, userId, code, text, expected);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      // another officer paused it at the same moment
      throw new PauseConflictException(Words.say(language, "pause.alreadyPaused", grant.grantReference(),
          Words.longDay(day(now), language)));
    }
    asApplication(userId, () -> {
      instances.forEach(id -> runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend());
      return null;
    });
    return pause;
  }

  /**
   * Resumes the grant as this officer: every timer, task due date and recorded deadline of the
   * grant moves by the paused time, then its instances run again.
   *
   * @throws TaskNotAvailableException when the person is not a programme officer (403)
   * @throws PauseConflictException when the grant is not paused (409)
   */
  @Transactional
  public Resumed resume(String userId, String grantReference) {
    Locale language = ReaderLanguage.current();
    requireOfficer(userId, language, "pause.onlyOfficersResume");
    GrantRecord grant = grant(grantReference, language);
    Pause open = pauses.open(grant.grantReference()).orElseThrow(() ->
        new PauseConflictException(Words.say(language, "pause.notPaused", grant.grantReference())));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Duration moved = Duration.between(open.pausedAt(), now);
    if (moved.isNegative()) {
      moved = Duration.ZERO;
    }
    Duration shift = moved;
    int[] counts = move(userId, grant, shift);
    Pause closed = pauses.close(open.id(), now, userId, shift);
    return new Resumed(closed, shift, counts[0], counts[1]);
  }

  /** The grant's open pause, if it is paused. */
  public Optional<Pause> current(String grantReference) {
    return pauses.open(grantReference);
  }

  /** Every pause of the grant, the first first. */
  public List<Pause> history(String grantReference) {
    return pauses.of(grantReference);
  }

  /** The open pauses, by grant reference. */
  public java.util.Map<String, Pause> open() {
    java.util.Map<String, Pause> open = new java.util.LinkedHashMap<>();
    pauses.allOpen().forEach(pause -> open.put(pause.grantReference(), pause));
    return open;
  }

  /**
   * Three engine commands, one after the other in the caller's transaction: each is flushed before
   * the next, so the activation's bulk update of the jobs never meets a timer changed in the same
   * command (the engine's optimistic locking would refuse it).
   */
  private int[] move(String userId, GrantRecord grant, Duration shift) {
    List<String> instances = instancesOf(grant);
    // while still suspended: no job executor can take a timer at its old date
    int timers = asApplication(userId, () -> {
      int moved = 0;
      for (String id : instances) {
        for (Job job : managementService.createJobQuery().processInstanceId(id).timers().list()) {
          if (job.getDuedate() != null) {
            managementService.setJobDuedate(job.getId(), plus(job.getDuedate(), shift), true);
            moved++;
          }
        }
      }
      return moved;
    });
    asApplication(userId, () -> {
      instances.forEach(id -> runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate());
      return null;
    });
    int tasks = asApplication(userId, () -> {
      int moved = 0;
      for (Task task : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
        if (task.getDueDate() != null) {
          taskService.setDueDate(task.getId(), plus(task.getDueDate(), shift));
          moved++;
        }
      }
      for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(instances.toArray(String[]::new)).variableNameIn(MOVING_DATES.toArray(String[]::new))
          .list()) {
        if (variable.getValue() instanceof Date date) {
          Date later = plus(date, shift);
          runtimeService.setVariableLocal(variable.getExecutionId(), variable.getName(), later);
          if (CityGrantProcess.PREPARATION_DUE_DATE.name().equals(variable.getName())) {
            // the deadline as the forms show it, written as SchedulePreparationDelegate writes it
            runtimeService.setVariable(variable.getExecutionId(), CityGrantProcess.PREPARATION_DEADLINE.name(),
                new java.text.SimpleDateFormat("yyyy-MM-dd").format(later));
          }
        }
      }
      return moved;
    });
    experiments.moveOpenEnds(grant.grantReference(), shift);
    return new int[] {timers, tasks};
  }

  /** The grant's instance and every instance it called (payments, settlement), however deep. */
  List<String> instancesOf(GrantRecord grant) {
    return SystemAccess.run(configuration, () -> {
      Set<String> ids = new LinkedHashSet<>();
      Deque<String> next = new ArrayDeque<>();
      next.add(grant.processInstanceId());
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant.grantReference()).list()
          .forEach(instance -> next.add(instance.getId()));
      while (!next.isEmpty()) {
        String id = next.poll();
        if (ids.add(id)) {
          runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().stream()
              .map(ProcessInstance::getId).forEach(next::add);
        }
      }
      // only those still running
      List<String> running = new ArrayList<>();
      for (String id : ids) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() == 1) {
          running.add(id);
        }
      }
      return running;
    });
  }

  private boolean running(GrantRecord grant) {
    return SystemAccess.run(configuration, () -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(grant.processInstanceId()).count() == 1);
  }

  private void requireOfficer(String userId, Locale language, String refusal) {
    if (!policy.stopsGrants(policy.person(userId))) {
      throw new TaskNotAvailableException(Words.say(language, refusal));
    }
  }

  private GrantRecord grant(String grantReference, Locale language) {
    return register.find(grantReference).orElseThrow(() -> new UnknownGrantException(
        Words.say(language, "api.unknownGrant", grantReference)));
  }

  /** The expected day of the resume: a real day (yyyy-mm-dd), after today, within the longest pause. */
  static LocalDate expectedDay(String text, Locale language) {
    if (text == null || text.isBlank()) {
      throw new InputRejectedException("expectedResume", Words.say(language, "pause.expectedMissing"));
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.strip(), java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
          .withResolverStyle(ResolverStyle.STRICT));
    } catch (DateTimeParseException e) {
      throw new InputRejectedException("expectedResume", Words.say(language, "pause.expectedNotADay", text));
    }
    LocalDate today = day(ClockUtil.getCurrentTime().toInstant());
    if (!day.isAfter(today)) {
      throw new InputRejectedException("expectedResume", Words.say(language, "pause.expectedNotAfterToday",
          Words.longDay(day, language)));
    }
    if (day.isAfter(today.plusDays(LONGEST_PAUSE_DAYS))) {
      throw new InputRejectedException("expectedResume", Words.say(language, "pause.expectedTooFar",
          Words.longDay(today.plusDays(LONGEST_PAUSE_DAYS), language)));
    }
    return day;
  }

  static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneId.systemDefault());
  }

  private static Date plus(Date date, Duration shift) {
    return Date.from(date.toInstant().plus(shift));
  }

  /**
   * Engine work the application does once it has checked the officer, as that officer (the user
   * operation log names them), without their own engine rights: officers hold none to suspend or
   * edit instances.
   */
  private <T> T asApplication(String userId, Supplier<T> work) {
    Authentication previous = identityService.getCurrentAuthentication();
    List<String> groups = SystemAccess.run(configuration, () -> identityService.createGroupQuery().groupMember(userId)
        .list().stream().map(Group::getId).toList());
    identityService.setAuthentication(userId, groups);
    try {
      return SystemAccess.run(configuration, work);
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }

  /** The grant is paused already, or not paused, or no longer running: the request conflicts with its state. */
  public static class PauseConflictException extends RuntimeException {
    public PauseConflictException(String message) {
      super(message);
    }
  }

  /** No such grant. */
  public static class UnknownGrantException extends RuntimeException {
    public UnknownGrantException(String message) {
      super(message);
    }
  }
}
