package org.citygrants.signin;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic against the Camunda identity service: the users, groups and passwords of Camunda
 * Admin are the only accounts. The engine's own protection applies: after repeated wrong
 * passwords a user is locked for a growing time ({@code loginMaxAttempts}, {@code loginDelay*}).
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public org.springframework.security.core.Authentication authenticate(
      org.springframework.security.core.Authentication authentication) throws AuthenticationException {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("User name and password are required.");
    }
    CamundaPrincipal principal = asSystem(() -> {
      if (!identityService.checkPassword(userId, credentials.toString())) {
        return null;
      }
      return principalOf(identityService, userId);
    });
    if (principal == null) {
      throw new BadCredentialsException("Wrong user name or password.");
    }
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The user's groups and tenants, read without any engine authentication of the thread. */
  static CamundaPrincipal principalOf(IdentityService identityService, String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    return new CamundaPrincipal(userId, groups, tenants);
  }

  private <T> T asSystem(java.util.function.Supplier<T> call) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
