package org.citygrants.cohort;

import org.citygrants.language.Words;
import static org.citygrants.process.ProgrammeProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.identity.CityDirectory;
import org.citygrants.process.InputRejectedException;
import org.springframework.stereotype.Component;

/** Turns the cohort's city codes into the list the programme starts one grant for each. */
@Component
public class PrepareCohortDelegate implements JavaDelegate {

  private final CityDirectory cities;

  public PrepareCohortDelegate(CityDirectory cities) {
    this.cities = cities;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> codes = new LinkedHashSet<>();
    for (String part : COHORT_CITIES.require(execution).split(",")) {
      if (!part.isBlank()) {
        codes.add(part.trim().toLowerCase(Locale.ROOT));
      }
    }
    List<String> unknown = codes.stream().filter(code -> cities.cityName(code).isEmpty()).toList();
    if (codes.isEmpty() || !unknown.isEmpty()) {
      throw new InputRejectedException(COHORT_CITIES.name(), codes.isEmpty() ? Words.say("refused.cohort.noCity")
          : Words.say("refused.cohort.unknownCities", String.join(", ", unknown)));
    }
    COHORT_CITY_CODES.set(execution, new ArrayList<>(codes));
    WINS_COLLECTED.set(execution, 0L);
    WINS_TO_CELEBRATE.set(execution, "");
  }
}
