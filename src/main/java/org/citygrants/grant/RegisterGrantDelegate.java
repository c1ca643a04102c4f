package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.process.InputRejectedException;
import org.citygrants.security.GrantAccessService;
import org.springframework.stereotype.Component;

/**
 * Gives a new grant its reference (also the business key), its city and tells whether the
 * application came with the start form. A city team applies for its own city; the programme
 * passes the city code. The city's group may then read the grant (see {@link GrantAccessService}).
 */
@Component
public class RegisterGrantDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final CityDirectory cities;
  private final GrantAccessService access;

  public RegisterGrantDelegate(GrantRegister register, CityDirectory cities, GrantAccessService access) {
    this.register = register;
    this.cities = cities;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String cityCode = CITY_CODE.get(execution);
    String applicant = APPLICANT.get(execution);
    access.requireOwnCity(applicant, cityCode);
    if (cityCode == null) {
      cityCode = applicant == null ? null : cities.cityOfUser(applicant).orElse(null);
    }
    if (cityCode == null) {
      throw new InputRejectedException(CITY_CODE.name(),
          "Only a member of a city team (group city-<code>) can apply, or the programme must name the city.");
    }
    String code = cityCode;
    String cityName = cities.cityName(code).orElseThrow(() -> new InputRejectedException(CITY_CODE.name(),
        "Unknown city '" + code + "': create the group city-" + code + " first."));
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
}
