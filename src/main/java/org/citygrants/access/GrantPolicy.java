package org.citygrants.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.citygrants.identity.CityDirectory;
import org.citygrants.process.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The one answer to "who is this person, and may they read or act on this grant?", asked by the
 * application's API, the cohort view, the coach reassignment and the early stop. Who someone is
 * comes from their groups in the Camunda identity service (Admin is where access is managed); which
 * grant is whose comes from the grant register (its city and its coach), passed in by the caller.
 * The engine's own authorisations ({@link Roles}) say the same for Tasklist and Cockpit.
 */
@Component
public class GrantPolicy {

  /** Programme staff: they see every grant in full, its money included. */
  public static final Set<String> PROGRAMME_STAFF = Set.of(CityDirectory.PROGRAMME_OFFICERS,
      CityDirectory.PROGRAMME_MANAGERS, CityDirectory.FINANCE_OFFICERS);

  /** A signed-in person and their groups. */
  public record Person(String userId, Set<String> groups) {

    public boolean isAdministrator() {
      return groups.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean isProgrammeStaff() {
      return groups.stream().anyMatch(PROGRAMME_STAFF::contains);
    }

    public boolean isInCoachesGroup() {
      return groups.contains(CityDirectory.COACHES);
    }

    /** The cities whose team the person is in. */
    public List<String> cityCodes() {
      return groups.stream().map(CityDirectory::cityCodeOf).flatMap(java.util.Optional::stream).sorted().toList();
    }

    /** The staff groups the person is in, sorted. */
    public List<String> staffGroups() {
      return groups.stream().filter(PROGRAMME_STAFF::contains).sorted().toList();
    }
  }

  private final IdentityService identityService;
  private final ProcessEngineConfiguration configuration;

  public GrantPolicy(IdentityService identityService, ProcessEngineConfiguration configuration) {
    this.identityService = identityService;
    this.configuration = configuration;
  }

  /** The person and their groups, read as the application (not limited by their own rights). */
  public Person person(String userId) {
    Set<String> groups = SystemAccess.run(configuration, () -> identityService.createGroupQuery().groupMember(userId)
        .list().stream().map(Group::getId).collect(Collectors.toUnmodifiableSet()));
    return new Person(userId, groups);
  }

  /**
   * Whether the person reads this grant in full (its money, budgets, late flag, reports): programme
   * staff, the grant's coach and its city team.
   */
  public boolean readsInFull(Person person, String grantCityCode, String grantCoach) {
    return person.isProgrammeStaff() || person.userId().equals(grantCoach)
        || (grantCityCode != null && person.cityCodes().contains(grantCityCode));
  }

  /** Programme staff and finance read the programme's money (budget vs actual, cohort totals). */
  public boolean readsProgrammeMoney(Person person) {
    return person.isProgrammeStaff();
  }

  /** The cohort view is for programme staff, coaches and city teams. */
  public boolean seesTheCohort(Person person, boolean coachesAGrant) {
    return person.isProgrammeStaff() || person.isInCoachesGroup() || coachesAGrant || !person.cityCodes().isEmpty();
  }

  /** Programme officers stop grants (through the early stop, never by editing instances). */
  public boolean stopsGrants(Person person) {
    return person.groups().contains(CityDirectory.PROGRAMME_OFFICERS);
  }

  /** Programme managers (and administrators) give a grant its coach. */
  public boolean assignsCoaches(Person person) {
    return person.groups().contains(CityDirectory.PROGRAMME_MANAGERS) || person.isAdministrator();
  }
}
