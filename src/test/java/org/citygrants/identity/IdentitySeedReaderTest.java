package org.citygrants.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.citygrants.identity.IdentitySeed.GroupSpec;
import org.citygrants.identity.IdentitySeed.UserSpec;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The demo seed file parses, and references to undeclared groups are refused. */
class IdentitySeedReaderTest {

  private final IdentitySeed seed = IdentitySeedReader.read(new ClassPathResource("demo/identities.yaml"));

  @Test
  void demoFileDeclaresTheProgrammeRolesAndCities() {
    assertThat(seed.groups()).extracting(GroupSpec::id).containsExactly("programme-managers",
        "programme-officers", "finance-officers", "coaches", "city-lyon", "city-tampere", "camunda-admin");
    assertThat(seed.users()).extracting(UserSpec::id).containsExactly("manager", "officer", "finance1",
        "finance2", "coach1", "coach2", "lyon", "tampere", "admin");
    assertThat(seed.users()).allSatisfy(u -> {
      assertThat(u.email()).endsWith("@example.org");
      assertThat(u.password()).isEqualTo("demo");
      assertThat(u.groups()).hasSize(1);
    });
    assertThat(seed.filters()).as("the filters are the same in every profile: tasklist-filters.yaml").isEmpty();
  }

  @Test
  void filtersFileDeclaresTheFiltersOfEveryProfile() {
    IdentitySeed filters = IdentitySeedReader.read(new ClassPathResource("tasklist-filters.yaml"));
    assertThat(filters.filters()).extracting(IdentitySeed.FilterSpec::name).containsExactly("My tasks",
        "My group tasks", "Coach: my cities' tasks", "Payments to approve", "All open tasks");
    assertThat(filters.filterDefaults().variables()).extracting(IdentitySeed.VariableColumn::name)
        .as("codes shown in words: objectiveLabel, paymentMilestoneLabel")
        .containsExactly("grantReference", "cityName", "objectiveLabel", "paymentAmount", "paymentMilestoneLabel");
    assertThat(filters.users()).isEmpty();
  }

  @Test
  void unknownGroupIsRefused() {
    IdentitySeed broken = new IdentitySeed(List.of(new GroupSpec("coaches", "Coaches", "WORKFLOW")),
        List.of(new UserSpec("coach9", "A", "B", "a@example.org", "demo", List.of("coachez"))), null, null, null);
    assertThatThrownBy(() -> IdentitySeedReader.validate(broken, "test"))
        .hasMessageContaining("coachez");
  }
}
