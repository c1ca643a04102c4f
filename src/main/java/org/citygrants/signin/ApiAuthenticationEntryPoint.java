package org.citygrants.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * What an unauthenticated request gets: a browser opening one of the application's pages is
 * sent to the Tasklist sign-in; anything else gets 401 with a JSON body. The HTTP Basic
 * challenge ({@code WWW-Authenticate}) goes to API clients only, never to a browser page, so no
 * browser caches Basic credentials that another site could then use (no CSRF through Basic).
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String SIGN_IN_PAGE = "/camunda/app/tasklist/";
  static final String REALM = "City experimentation grants";

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean browserPage = isBrowserPage(request);
    if (browserPage && isApplicationPage(request)) {
      response.sendRedirect(request.getContextPath() + SIGN_IN_PAGE);
      return;
    }
    if (!isBrowser(request)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    }
    ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
        "Sign in: HTTP Basic with your Camunda user, or the session of the Camunda webapps.");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "You may not do this.");
  }

  /** A page a browser navigates to (not a script's request). */
  private static boolean isBrowserPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    String mode = request.getHeader("Sec-Fetch-Mode");
    return accept != null && accept.contains("text/html") && (mode == null || "navigate".equals(mode))
        && !"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
  }

  /**
   * Any request a browser makes: browsers send Sec-Fetch-* headers (API clients such as curl
   * do not), scripts X-Requested-With, pages Accept text/html. A browser never gets the Basic
   * challenge, which would open a password dialog and leave the credentials cached.
   */
  private static boolean isBrowser(HttpServletRequest request) {
    return isBrowserPage(request) || request.getHeader("Sec-Fetch-Mode") != null
        || request.getHeader("Sec-Fetch-Site") != null
        || "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
  }

  private static boolean isApplicationPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/") && !path.startsWith("/engine-rest/");
  }
}
