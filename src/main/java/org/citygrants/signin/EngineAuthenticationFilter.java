package org.citygrants.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the signed-in user the engine's authenticated user for the rest of the request, so the
 * engine checks that user's authorisations on every call (the engine REST API, the
 * application's controllers), and forgets it afterwards: the thread goes back to the pool
 * without an identity.
 *
 * <p>The engine REST API finds its engine by name ("default") in the engine registry; the
 * identity is set on that engine and on this application's own, which are the same one except
 * in tests that start several applications in one JVM.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final ProcessEngine processEngine;

  EngineAuthenticationFilter(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof CamundaPrincipal principal)) {
      chain.doFilter(request, response);
      return;
    }
    Set<IdentityService> services = identityServices();
    services.forEach(s -> s.setAuthentication(principal.userId(), principal.groupIds(), principal.tenantIds()));
    try {
      chain.doFilter(request, response);
    } finally {
      services.forEach(IdentityService::clearAuthentication);
    }
  }

  private Set<IdentityService> identityServices() {
    Set<IdentityService> services = new LinkedHashSet<>();
    services.add(processEngine.getIdentityService());
    ProcessEngine restEngine = restEngine();
    if (restEngine != null) {
      services.add(restEngine.getIdentityService());
    }
    return services;
  }

  static ProcessEngine restEngine() {
    try {
      return EngineUtil.lookupProcessEngine(null);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
