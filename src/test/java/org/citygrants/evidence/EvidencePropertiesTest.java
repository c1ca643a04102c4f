package org.citygrants.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** grant.evidence as Spring binds it: the product's default, a list of steps, and none (the tests', the cohort's). */
class EvidencePropertiesTest {

  static EvidenceProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("grant.evidence", EvidenceProperties.class);
  }

  @Test
  void theProcurementPlanByDefaultSeveralStepsOrNone() {
    assertThat(bind(Map.of("grant.evidence.required-steps", "Task_SubmitProcurementPlan")).requiredStepSet())
        .containsExactly("Task_SubmitProcurementPlan");
    assertThat(bind(Map.of("grant.evidence.required-steps", "Task_SubmitProcurementPlan, Task_ObtainInternalAuthorisations"))
        .requiredStepSet()).containsExactlyInAnyOrder("Task_SubmitProcurementPlan", "Task_ObtainInternalAuthorisations");
    assertThat(bind(Map.of("grant.evidence.required-steps", "")).requiredStepSet()).isEmpty();
    assertThat(bind(Map.of()).requiredStepSet()).isEmpty();
  }

  @Test
  void sizesAsPeopleWriteThem() {
    assertThat(bind(Map.of()).maxSize()).isEqualTo(DataSize.ofMegabytes(20));
    assertThat(bind(Map.of("grant.evidence.max-size", "5MB")).maxSize()).isEqualTo(DataSize.ofMegabytes(5));
  }
}
