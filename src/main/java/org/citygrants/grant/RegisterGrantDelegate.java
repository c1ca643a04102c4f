package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.access.GrantAccessService;
import org.citygrants.identity.CityDirectory;
import org.citygrants.language.Words;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.ProgrammeProcess;
import org.springframework.stereotype.Component;

/**
 * Gives a new grant its reference (also the business key), its city and tells whether the
 * application came with the start form. Who applies and for which city come from the server: a
 * city team member applies for the city of their {@code city-<code>} group, as the signed-in
 * user who started the grant; the programme names the city of each grant it starts (the call
 * activity passes it). A variable sent with the start changes neither. The city's group may then
 * read the grant (see {@link GrantAccessService}).
 */
@Component
public class RegisterGrantDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final CityDirectory cities;
  private final GrantAccessService access;
  private final CurrentActor actor;

  public RegisterGrantDelegate(GrantRegister register, CityDirectory cities, GrantAccessService access,
      CurrentActor actor) {
    this.register = register;
    this.cities = cities;
    this.access = access;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = startedByTheProgramme(execution) ? CITY_CODE.require(execution) : cityOfTheApplicant(execution);
    String cityName = cities.cityName(code).orElseThrow(() -> new InputRejectedException(CITY_CODE.name(),
        Words.say("city.notInProgramme", code)));
    int year = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).getYear();
    String reference = register.register(code, cityName, year, execution.getProcessInstanceId(),
        PROGRAMME_INSTANCE_ID.get(execution));
    execution.setProcessBusinessKey(reference);
    GRANT_REFERENCE.set(execution, reference);
    CITY_CODE.set(execution, code);
    CITY_NAME.set(execution, cityName);
    APPLICATION_COMPLETE.set(execution, CHALLENGE.get(execution) != null);
    access.grantCity(execution.getProcessInstanceId(), code);
  }

  private static boolean startedByTheProgramme(DelegateExecution execution) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    return caller != null && caller.getProcessDefinitionId().startsWith(ProgrammeProcess.PROCESS_ID + ":");
  }

  /** The signed-in person who applied, recorded as the applicant, and their city. */
  private String cityOfTheApplicant(DelegateExecution execution) {
    String applicant = actor.userId();
    String code = CurrentActor.SYSTEM.equals(applicant) ? null : cities.cityOfUser(applicant).orElse(null);
    if (code == null) {
      throw new InputRejectedException(CITY_CODE.name(), Words.say("city.onlyCityTeams"));
    }
    APPLICANT.set(execution, applicant);
    return code;
  }
}
