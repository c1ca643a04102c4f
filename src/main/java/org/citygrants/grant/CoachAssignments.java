package org.citygrants.grant;

import org.citygrants.language.Words;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.citygrants.access.GrantAccessService;
import org.citygrants.access.GrantPolicy;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.identity.CityDirectory;
import org.citygrants.notification.NotificationRecipients;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.ProcessGateway;
import org.citygrants.process.SystemAccess;
import org.citygrants.process.ProcessGateway.TaskNotAvailableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme manager gives a running grant another coach: the grant's {@code coach} variable
 * (so later coach tasks go to the new coach), the open coach tasks, the register and the
 * authorisations move together; the previous coach no longer sees the grant.
 */
@Service
public class CoachAssignments {

  /** What changed. */
  public record Reassignment(String grantReference, String previousCoach, String newCoach, List<String> movedTaskIds) {}

  private final GrantRegister register;
  private final CityDirectory cities;
  private final GrantAccessService access;
  private final RuntimeService runtimeService;
  private final ProcessGateway gateway;
  private final ProcessEngine processEngine;
  private final GrantPolicy policy;
  private final NotificationRecipients people;

  public CoachAssignments(GrantRegister register, CityDirectory cities, GrantAccessService access,
      RuntimeService runtimeService, ProcessGateway gateway, ProcessEngine processEngine, GrantPolicy policy,
      NotificationRecipients people) {
    this.policy = policy;
    this.people = people;
    this.register = register;
    this.cities = cities;
    this.access = access;
    this.runtimeService = runtimeService;
    this.gateway = gateway;
    this.processEngine = processEngine;
  }

  /**
   * @param managerId who decides: a member of programme-managers (or camunda-admin)
   * @throws TaskNotAvailableException when that person may not reassign coaches
   * @throws InputRejectedException when the grant is unknown or closed, or newCoach is no coach
   */
  @Transactional
  public Reassignment reassign(String managerId, String grantReference, String newCoach) {
    // the manager's right is checked here (GrantPolicy); the engine work then runs on the
    // application's authority, with the manager still named in the user operation log. Several
    // engine commands, one transaction: a paused grant is activated by one command and suspended
    // again by another, and what they change must be in the database in between.
    ProcessEngineConfiguration engine = processEngine.getProcessEngineConfiguration();
    GrantRecord grant = SystemAccess.run(engine, () -> {
      if (!policy.assignsCoaches(policy.person(managerId))) {
        throw new TaskNotAvailableException(Words.say("refused.coach.onlyManagers"));
      }
      if (newCoach == null || !cities.isCoach(newCoach)) {
        throw new InputRejectedException(CityGrantProcess.COACH.name(), newCoach == null
            ? Words.say("refused.coach.noneGiven") : Words.say("refused.coach.notACoach", newCoach));
      }
      GrantRecord found = register.find(grantReference).orElseThrow(() -> new InputRejectedException("grantReference",
          Words.say("refused.coach.noSuchGrant", grantReference)));
      boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(found.processInstanceId()).count() == 1;
      if (!running) {
        throw new InputRejectedException("grantReference", Words.say("refused.coach.grantClosed", grantReference));
      }
      return found;
    });
    String previous = grant.coach();
    // a paused grant's tasks are suspended and the engine hands none over: they are handed over
    // with the grant active within this transaction only, and the grant stays paused (a coach
    // leaving is one reason to pause a grant)
    List<String> moved = gateway.withPausedGrantActive(grantReference, () -> SystemAccess.run(engine, () -> {
      List<String> handedOver = gateway.handOverCoachTasks(grant.processInstanceId(), grantReference, previous, newCoach);
      runtimeService.setVariable(grant.processInstanceId(), CityGrantProcess.COACH_NAME.name(), people.displayName(newCoach));
      return handedOver;
    }));
    register.recordCoach(grantReference, newCoach);
    SystemAccess.run(engine, () -> access.grantCoach(grant.processInstanceId(), newCoach, previous));
    return new Reassignment(grantReference, previous, newCoach, moved);
  }
}
