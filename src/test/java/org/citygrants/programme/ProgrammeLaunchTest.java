package org.citygrants.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.CityGrantProcess.Elements.*;

import java.util.List;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.grant.GrantRegister;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.ProcessGateway;
import org.citygrants.process.ProgrammeProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A programme manager launches a cohort: one city grant per city, each waiting for its city to apply. */
class ProgrammeLaunchTest extends ProgrammeTest {

  @Autowired GrantRegister register;

  @Test
  void launchStartsOneGrantPerCityEachWaitingForItsCityToApply() {
    Cohort cohort = launch("Cohort 2026", "lyon", "tampere");

    assertThat(cohort.grants()).containsOnlyKeys("lyon", "tampere");
    assertThat(cohort.grant("lyon")).matches("LYON-\\d{4}(-\\d+)?");
    assertThat(cohort.grant("tampere")).matches("TAMPERE-\\d{4}(-\\d+)?");
    assertThat(programmeVariable(cohort.programmeId(), ProgrammeProcess.COHORT_CITY_CODES.name()))
        .isEqualTo(List.of("lyon", "tampere"));
    assertThat(programmeVariable(cohort.programmeId(), ProgrammeProcess.WINS_COLLECTED.name())).isEqualTo(0L);
    assertThat(programmeVariable(cohort.programmeId(), "programmeManager")).as("initiator").isEqualTo(MANAGER);

    cohort.grants().forEach((city, grant) -> {
      Task submit = journey.task(grant, SUBMIT_APPLICATION);
      assertThat(taskService.getIdentityLinksForTask(submit.getId())).extracting(IdentityLink::getGroupId)
          .containsExactly("city-" + city);
      assertThat(journey.variable(grant, CityGrantProcess.PROGRAMME_NAME.name())).isEqualTo("Cohort 2026");
      assertThat(journey.variable(grant, CityGrantProcess.PROGRAMME_INSTANCE_ID.name())).isEqualTo(cohort.programmeId());
      assertThat(journey.variable(grant, CityGrantProcess.APPLICATION_COMPLETE.name())).isEqualTo(false);
      assertThat(register.find(grant)).get().satisfies(record -> {
        assertThat(record.cityCode()).isEqualTo(city);
        assertThat(record.programmeInstanceId()).isEqualTo(cohort.programmeId());
      });
    });
    assertThat(programmeTimers(cohort.programmeId(), ProgrammeProcess.Elements.PEER_EXCHANGE_DUE)).hasSize(1);
    assertThat(programmeTaskKeys(cohort.programmeId())).isEmpty();
  }

  @Test
  void eachCitySubmitsItsOwnApplicationInTheGrantTheProgrammeStarted() {
    Cohort cohort = launch("Cohort 2026", "lyon", "tampere");
    String lyon = cohort.grant("lyon");

    assertThatThrownBy(() -> journey.gateway().completeTask("tampere", journey.task(lyon, SUBMIT_APPLICATION).getId(),
        org.citygrants.support.FormData.application("learning")))
        .as("Tampere cannot apply for Lyon").isInstanceOf(ProcessGateway.TaskNotAvailableException.class);

    cityApplies(lyon, "lyon");

    assertThat(journey.openTaskKeys(lyon)).containsExactly(SIZE_GRANT);
    assertThat(journey.variable(lyon, CityGrantProcess.REQUESTED_AMOUNT.name())).isEqualTo(40000);
    assertThat(journey.variable(lyon, CityGrantProcess.PROPOSED_AMOUNT_MIN.name())).isNotNull();
    assertThat(register.find(lyon)).get().extracting(GrantRegister.GrantRecord::objectiveType).isEqualTo("learning");
    assertThat(journey.openTaskKeys(cohort.grant("tampere"))).containsExactly(SUBMIT_APPLICATION);
    assertThat(programmeRunning(cohort.programmeId())).isTrue();
  }

  @Test
  void anApplicationBreakingTheFormIsRefusedAndTheCityCanCorrectIt() {
    Cohort cohort = launch("Cohort 2026", "tampere");
    String tampere = cohort.grant("tampere");

    assertRefused(() -> cityApplies(tampere, "tampere", "requestedAmount", 400), "requestedAmount", "Requested amount (EUR)");
    assertRefused(() -> cityApplies(tampere, "tampere", "population", -5), "population",
        "Population of your city (inhabitants)");
    assertThat(journey.openTaskKeys(tampere)).containsExactly(SUBMIT_APPLICATION);
    assertThat(journey.variable(tampere, CityGrantProcess.REQUESTED_AMOUNT.name())).isNull();

    cityApplies(tampere, "tampere");
    assertThat(journey.openTaskKeys(tampere)).containsExactly(SIZE_GRANT);
  }

  @Test
  void aCityNamedTwiceGetsOneGrant() {
    Cohort cohort = launch("Cohort 2026", "tampere", "tampere");
    assertThat(cohort.grants()).containsOnlyKeys("tampere");
    assertThat(programmeVariable(cohort.programmeId(), ProgrammeProcess.COHORT_CITY_CODES.name())).isEqualTo(List.of("tampere"));
  }

  @Test
  void launchingWithAnUnknownCityIsRefusedAndStartsNothing() {
    long before = instancesEverStarted();

    assertThatThrownBy(() -> journey.gateway().launchProgramme(MANAGER, "Cohort 2026", List.of("lyon", "atlantis")))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> {
          assertThat(e.getField()).isEqualTo(ProgrammeProcess.COHORT_CITIES.name());
          assertThat(e.getMessage()).contains("atlantis").doesNotContain("lyon");
        });

    assertThat(instancesEverStarted()).as("no programme and no grant started").isEqualTo(before);
    assertThat(register.all()).noneMatch(record -> record.cityCode().equals("atlantis"));
  }

  @Test
  void theRefusalOfAnUnknownCityNamesTheField() {
    assertThatThrownBy(() -> journey.gateway().launchProgramme(MANAGER, "Cohort 2026", List.of("atlantis")))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> {
          assertThat(e.getField()).isEqualTo(ProgrammeProcess.COHORT_CITIES.name());
          assertThat(e.getMessage()).startsWith("'Cities in the cohort'").contains("atlantis")
              .doesNotContain("(cohortCities)").doesNotContain("city-<code>");
        });
  }

  @Test
  void cityCodesNotWrittenAsTheFormAsksAreRefusedByTheStartForm() {
    long before = instancesEverStarted();

    assertThatThrownBy(() -> journey.gateway().launchProgramme(MANAGER, "Cohort 2026", List.of("Lyon; Tampere")))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> {
          assertThat(e.getField()).isEqualTo("cohortCities");
          assertThat(e.getMessage()).contains("'Cities in the cohort'", "the hint under the field")
              .doesNotContain("(cohortCities)");
        });
    assertThatThrownBy(() -> journey.gateway().launchProgramme(MANAGER, "C", List.of("lyon")))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> {
          assertThat(e.getField()).isEqualTo("programmeName");
          assertThat(e.getMessage()).contains("Programme name");
        });
    assertThatThrownBy(() -> journey.gateway().launchProgramme(MANAGER, "Cohort 2026", List.of()))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.getField()).isEqualTo("cohortCities"));

    assertThat(instancesEverStarted()).isEqualTo(before);
  }
}
