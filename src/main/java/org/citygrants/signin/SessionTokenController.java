package org.citygrants.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webapps' CSRF token for the application's own pages. Camunda's filter sends its token in a
 * cookie limited to the webapps' path ({@code /camunda}), and only in a header when it makes a new
 * one, so a page under {@code /grants} or {@code /cohort} cannot read it; it asks here. Another
 * site cannot read this answer (same origin, no CORS), which is what keeps the token secret.
 */
@RestController
@RequestMapping(path = "/api/me/csrf-token", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Me", description = "The signed-in person's own settings")
public class SessionTokenController {

  /** The token to send in {@code header} with every change made through the webapps' session; null without one. */
  public record SessionToken(
      @Schema(description = "The token, or null when the request did not come with the webapps' session", nullable = true)
      String token,
      @Schema(description = "The header to send it in", example = CsrfConstants.CSRF_TOKEN_HEADER_NAME)
      String header) {}

  @GetMapping
  @Operation(summary = "My session's CSRF token",
      description = "For pages signed in through the Camunda webapps' session: the token their changes (POST, PUT, "
          + "DELETE) must carry in the X-XSRF-TOKEN header. Callers with HTTP Basic need none and get null.")
  @ApiResponse(responseCode = "200", description = "The token")
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  public SessionToken token(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return new SessionToken(token == null ? null : token.toString(), CsrfConstants.CSRF_TOKEN_HEADER_NAME);
  }
}
