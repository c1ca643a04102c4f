package org.citygrants.api;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.citygrants.identity.CityDirectory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read what through {@code /api/**}. Per-grant money is sensitive: cities never see
 * another city's figures.
 *
 * <ul>
 *   <li>a grant's statement: programme officers, programme managers, finance officers, the
 *       grant's coach and the members of the grant's city group {@code city-<cityCode>};</li>
 *   <li>the programme's budget vs actual: programme officers, programme managers and finance
 *       officers only.</li>
 * </ul>
 *
 * <p>The user is the Spring Security authentication's name; the groups are the Camunda
 * identity service's, so Admin is the one place where access is managed.
 */
@Component
public class GrantAccess {

  /** Programme staff and finance: they see every grant's money. */
  static final Set<String> PROGRAMME_FINANCE = Set.of(CityDirectory.PROGRAMME_OFFICERS,
      CityDirectory.PROGRAMME_MANAGERS, CityDirectory.FINANCE_OFFICERS);

  private final IdentityService identityService;

  public GrantAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The signed-in user's id; 401 without a (non-anonymous) authentication. */
  public String userId(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken
        || authentication.getName() == null || authentication.getName().isBlank()) {
      throw ApiException.unauthenticated();
    }
    return authentication.getName();
  }

  /** The user's Camunda groups. */
  public Set<String> groupsOf(String userId) {
    return asSystem(() -> identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet()));
  }

  public boolean seesProgrammeFinance(String userId) {
    return groupsOf(userId).stream().anyMatch(PROGRAMME_FINANCE::contains);
  }

  /** 403 unless the user is programme staff or finance. */
  public void requireProgrammeFinance(String userId) {
    if (!seesProgrammeFinance(userId)) {
      throw ApiException.forbidden("Only programme officers, programme managers and finance officers see the "
          + "programme's budget vs actual.");
    }
  }

  /**
   * 403 unless the user may read this grant's statement: programme staff, finance, the grant's
   * coach or a member of its city's group.
   *
   * @param coach the grant's coach, null when none is assigned (yet)
   */
  public void requireStatementAccess(String userId, String grantReference, String cityCode, String coach) {
    if (coach != null && coach.equals(userId)) {
      return;
    }
    Set<String> groups = groupsOf(userId);
    if (groups.stream().anyMatch(PROGRAMME_FINANCE::contains)
        || (cityCode != null && groups.contains(CityDirectory.cityGroup(cityCode)))) {
      return;
    }
    throw ApiException.forbidden("You may not see the statement of grant " + grantReference
        + ": it is for programme staff, finance, the grant's coach and its city team.");
  }

  /**
   * Reads the identity service without the engine authentication a caller may have set on this
   * thread (a filter of the web security, the Camunda webapps): the access check is the
   * application's own decision, not a query made on the user's behalf.
   */
  private <T> T asSystem(Supplier<T> query) {
    org.camunda.bpm.engine.impl.identity.Authentication current = identityService.getCurrentAuthentication();
    if (current == null) {
      return query.get();
    }
    identityService.clearAuthentication();
    try {
      return query.get();
    } finally {
      identityService.setAuthentication(current);
    }
  }
}
