package org.citygrants.identity;

import org.citygrants.identity.IdentitySeed.FilterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of {@code tasklist-filters.yaml} ("My tasks", "My group tasks", the coaches'
 * "my cities' tasks", finance's "Payments to approve", "All open tasks"), in every profile: created
 * at start-up when missing (after the demo users, so the demo coaches get theirs), and for a user
 * who joins a group that has one filter per member ({@link #memberJoined}), at once.
 */
@Component
public class TasklistFilterSeeder {

  /** After the demo identities and the roles' groups, so their members get their filters. */
  public static final int ORDER = DemoIdentitySeeder.ORDER + 20;

  private static final Logger log = LoggerFactory.getLogger(TasklistFilterSeeder.class);

  private final IdentityProvisioner provisioner;
  private final IdentitySeed seed;
  private final String source;

  public TasklistFilterSeeder(IdentityProvisioner provisioner,
      @Value("${citygrants.tasklist-filters:classpath:tasklist-filters.yaml}") Resource filters) {
    this.provisioner = provisioner;
    this.seed = IdentitySeedReader.read(filters);
    this.source = filters.getDescription();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(ORDER)
  public void onApplicationReady() {
    log.info("Tasklist filters from {}: created {} (with their sharing)", source, seed());
  }

  /** Creates what is missing; the number of filters and sharings created. */
  public int seed() {
    int created = 0;
    for (var group : seed.groups()) {
      created += provisioner.ensureGroup(group);
    }
    for (FilterSpec filter : seed.filters()) {
      created += provisioner.ensureFilters(filter, seed.filterDefaults());
    }
    return created;
  }

  /** A user joined a group: the filters kept one per member of that group, for them. */
  public int memberJoined(String userId, String groupId) {
    int created = 0;
    for (FilterSpec filter : seed.filters()) {
      if (groupId.equals(filter.forEachMemberOf())) {
        created += provisioner.ensureMemberFilter(filter, seed.filterDefaults(), userId);
      }
    }
    return created;
  }
}
