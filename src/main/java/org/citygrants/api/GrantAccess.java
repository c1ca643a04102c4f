package org.citygrants.api;

import org.citygrants.access.GrantPolicy;
import org.citygrants.language.Words;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The API's side of {@link GrantPolicy}: who is signed in (401 without anyone), and 403 with a
 * message in words when the policy says no.
 *
 * <ul>
 *   <li>a grant's statement: programme officers, programme managers, finance officers, the
 *       grant's coach and the members of the grant's city group {@code city-<cityCode>};</li>
 *   <li>the programme's budget vs actual: programme officers, programme managers and finance
 *       officers only.</li>
 * </ul>
 */
@Component
public class GrantAccess {

  private final GrantPolicy policy;

  public GrantAccess(GrantPolicy policy) {
    this.policy = policy;
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

  /** 403 unless the user is programme staff or finance. */
  public void requireProgrammeFinance(String userId) {
    if (!policy.readsProgrammeMoney(policy.person(userId))) {
      throw ApiException.forbidden(Words.say("api.budgetVsActual"));
    }
  }

  /** 403 unless the user is programme staff or finance (the programme's follow-up answers). */
  public void requireProgrammeStaff(String userId) {
    if (!policy.readsProgrammeMoney(policy.person(userId))) {
      throw ApiException.forbidden(Words.say("api.followUps"));
    }
  }

  /** 403 unless the user may read this grant's agreement: the same people as its statement. */
  public void requireAgreementAccess(String userId, String grantReference, String cityCode, String coach) {
    if (!policy.readsInFull(policy.person(userId), cityCode, coach)) {
      throw ApiException.forbidden(Words.say("api.agreementForbidden", grantReference));
    }
  }

  /**
   * 403 unless the user may read this grant's statement: programme staff, finance, the grant's
   * coach or a member of its city's group.
   *
   * @param coach the grant's coach, null when none is assigned (yet)
   */
  public void requireStatementAccess(String userId, String grantReference, String cityCode, String coach) {
    if (!policy.readsInFull(policy.person(userId), cityCode, coach)) {
      throw ApiException.forbidden(Words.say("api.statementForbidden", grantReference));
    }
  }
}
