package org.citygrants.identity;

import org.citygrants.identity.IdentityProvisioner.Grantee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: once the engine is up, creates the users, groups, memberships,
 * authorisations and Tasklist filters of {@code demo/identities.yaml} that do not exist yet.
 * Other demo seeders that need these users should listen to {@link ApplicationReadyEvent} with
 * an order after {@link #ORDER}.
 */
@Component
@Profile("demo")
public class DemoIdentitySeeder {

  /** Runs before other ready-listeners, so demo data can rely on the users. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);

  private final IdentityProvisioner provisioner;
  private final Resource seedFile;

  public DemoIdentitySeeder(IdentityProvisioner provisioner,
      @Value("${citygrants.demo.identities:classpath:demo/identities.yaml}") Resource seedFile) {
    this.provisioner = provisioner;
    this.seedFile = seedFile;
  }

  /** What one run created; all zero when everything existed already. */
  public record SeedResult(int groups, int users, int memberships, int authorizations, int filters) {
    public int total() {
      return groups + users + memberships + authorizations + filters;
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(ORDER)
  public void onApplicationReady() {
    SeedResult result = seed();
    log.info("Demo identities from {}: created {} groups, {} users, {} memberships, {} authorisations, "
            + "{} filters (with their sharing)", seedFile.getDescription(), result.groups(), result.users(),
        result.memberships(), result.authorizations(), result.filters());
  }

  public SeedResult seed() {
    IdentitySeed seed = IdentitySeedReader.read(seedFile);
    int groups = 0;
    int users = 0;
    int memberships = 0;
    int authorizations = 0;
    int filters = 0;
    for (var group : seed.groups()) {
      groups += provisioner.ensureGroup(group);
    }
    for (var user : seed.users()) {
      users += provisioner.ensureUser(user);
      for (String groupId : user.groups()) {
        memberships += provisioner.ensureMembership(user.id(), groupId);
      }
    }
    for (var grant : seed.authorizations()) {
      for (String resource : grant.resource()) {
        for (String resourceId : grant.resourceId()) {
          for (String group : grant.groups()) {
            authorizations += provisioner.ensureAuthorization(Grantee.group(group), resource, resourceId, grant.permissions());
          }
          for (String user : grant.users()) {
            authorizations += provisioner.ensureAuthorization(Grantee.user(user), resource, resourceId, grant.permissions());
          }
        }
      }
    }
    for (var filter : seed.filters()) {
      filters += provisioner.ensureFilters(filter, seed.filterDefaults());
    }
    return new SeedResult(groups, users, memberships, authorizations, filters);
  }
}
