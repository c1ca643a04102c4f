package org.citygrants.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.citygrants.identity.IdentityProvisioner.Grantee;
import org.citygrants.identity.IdentitySeed.GroupSpec;
import org.citygrants.identity.IdentitySeed.UserSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In every profile: when {@code CAMUNDA_ADMIN_USER} and {@code CAMUNDA_ADMIN_PASSWORD} are set,
 * makes sure that user exists, is in {@code camunda-admin} and that group holds ALL on every
 * resource. An existing user is left as it is (its password is not reset). Replaces the
 * starter's {@code camunda.bpm.admin-user}, which would put a password in configuration.
 */
@Component
public class AdminBootstrap {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final IdentityProvisioner provisioner;
  private final String adminUser;
  private final String adminPassword;

  public AdminBootstrap(IdentityProvisioner provisioner,
      @Value("${CAMUNDA_ADMIN_USER:}") String adminUser,
      @Value("${CAMUNDA_ADMIN_PASSWORD:}") String adminPassword) {
    this.provisioner = provisioner;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(DemoIdentitySeeder.ORDER - 1)
  public void onApplicationReady() {
    if (adminUser.isBlank() || adminPassword.isBlank()) {
      log.debug("CAMUNDA_ADMIN_USER / CAMUNDA_ADMIN_PASSWORD not set: no administrator created");
      return;
    }
    int created = bootstrap();
    log.info("Administrator {}: {}", adminUser, created == 0 ? "already present" : "created or completed");
  }

  /** Returns the number of entities created. */
  int bootstrap() {
    int created = provisioner.ensureGroup(new GroupSpec(Groups.CAMUNDA_ADMIN, "Camunda administrators",
        Groups.GROUP_TYPE_SYSTEM));
    created += provisioner.ensureUser(new UserSpec(adminUser, "Camunda", "Administrator", null, adminPassword,
        List.of(Groups.CAMUNDA_ADMIN)));
    created += provisioner.ensureMembership(adminUser, Groups.CAMUNDA_ADMIN);
    created += provisioner.ensureAuthorization(Grantee.group(Groups.CAMUNDA_ADMIN), IdentitySeed.ANY,
        IdentitySeed.ANY, List.of("ALL"));
    return created;
  }
}
