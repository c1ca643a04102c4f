package org.citygrants.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.citygrants.support.OwnApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside the demo profile: no demo identity, only the administrator named by the environment.
 * An application of its own (another profile): Failsafe runs it beside ClusterCrashIT, where a core
 * is free, instead of booting a second context in a busy Surefire JVM.
 */
@Tag(OwnApplication.TAG)
@Tag("application")
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:identity-nodemo;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512",
    "camunda.bpm.job-execution.enabled=false",
    "CAMUNDA_ADMIN_USER=ops",
    "CAMUNDA_ADMIN_PASSWORD=s3cret-Admin"})
@ActiveProfiles("identity-nodemo")
class AdminBootstrapTest {

  @Autowired AdminBootstrap adminBootstrap;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  @Test
  void noDemoIdentitiesOutsideTheDemoProfile() {
    assertThat(identityService.createUserQuery().userIdIn("manager", "finance1", "lyon", "admin").count()).isZero();
    assertThat(identityService.createGroupQuery().groupId("city-lyon").count()).isZero();
  }

  @Test
  void tasklistFiltersExistInEveryProfileAndANewCoachGetsTheirsAtOnce() {
    assertThat(filterService.createTaskFilterQuery().list()).extracting(Filter::getName)
        .contains("My tasks", "My group tasks", "Payments to approve", "All open tasks");
    assertThat(filterService.createTaskFilterQuery().filterName("Coach: my cities' tasks").count()).isZero();

    User coach = identityService.newUser("coach-nodemo");
    coach.setFirstName("Ada");
    coach.setLastName("Coach");
    identityService.saveUser(coach);
    identityService.createMembership("coach-nodemo", "coaches");

    assertThat(filterService.createTaskFilterQuery().filterName("Coach: my cities' tasks").filterOwner("coach-nodemo")
        .count()).isEqualTo(1);
  }

  @Test
  void administratorFromTheEnvironmentMayDoEverything() {
    assertThat(identityService.checkPassword("ops", "s3cret-Admin")).isTrue();
    assertThat(identityService.createGroupQuery().groupMember("ops").singleResult().getId())
        .isEqualTo(Groups.CAMUNDA_ADMIN);
    for (Resources resource : Resources.values()) {
      if (resource == Resources.HISTORIC_TASK || resource == Resources.HISTORIC_PROCESS_INSTANCE) {
        continue; // granted too, but the engine checks these only with historic instance permissions on
      }
      assertThat(authorizationService.isUserAuthorized("ops", List.of(Groups.CAMUNDA_ADMIN), Permissions.ALL,
          resource, "*")).as(resource.resourceName()).isTrue();
    }
    assertThat(adminBootstrap.bootstrap()).as("second run").isZero();
  }
}
