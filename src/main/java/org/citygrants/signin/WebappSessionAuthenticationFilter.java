package org.citygrants.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a browser that signed in to the Camunda webapps (Tasklist, Cockpit) use the application's
 * own pages and API with that session: the webapps keep the signed-in user in the HTTP session,
 * and this filter makes it the request's user. The user's groups are read afresh from the
 * identity service, so a membership removed in Admin counts at once.
 *
 * <p>A session is sent by the browser on its own, so a request that changes something (POST,
 * PUT, PATCH, DELETE) must also carry the webapps' CSRF token in the {@code X-XSRF-TOKEN}
 * header, as the webapps' own requests do; without it the request is refused (403). Requests
 * with an {@code Authorization} header are left to HTTP Basic.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final IdentityService identityService;
  private final String engineName;

  WebappSessionAuthenticationFilter(IdentityService identityService, String engineName) {
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String userId = session == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null ? null : sessionUser(session);
    if (userId == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "A request signed in through the Camunda webapps' session must carry the session's CSRF token in the "
              + CsrfConstants.CSRF_TOKEN_HEADER_NAME + " header.");
      return;
    }
    CamundaPrincipal principal = principal(userId);
    if (principal == null) {
      chain.doFilter(request, response);
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  private String sessionUser(HttpSession session) {
    try {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
      return authentication == null ? null : authentication.getIdentityId();
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  private CamundaPrincipal principal(String userId) {
    org.camunda.bpm.engine.impl.identity.Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        return null; // deleted since the sign-in
      }
      return CamundaIdentityAuthenticationProvider.principalOf(identityService, userId);
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected != null && given != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
