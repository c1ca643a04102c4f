package org.citygrants.language;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Makes the reader's language the request's locale ({@link LocaleContextHolder}, which
 * {@link ReaderLanguage#current()} reads), for every request: the application's pages and API,
 * the engine REST API and the webapps' own. The reader is the engine's authenticated user once
 * the request's sign-in filters have set it; the language is theirs if they chose one, else their
 * browser's ({@code Accept-Language}), else English. It is worked out when first asked for, so it
 * sees the user even though this filter runs before the sign-in filters.
 *
 * <p>Spring MVC replaces the locale context during a controller call with its
 * {@link LocaleResolver}; {@link #resolveLocale} gives it the same answer.
 */
public class ReaderLanguageFilter extends OncePerRequestFilter implements LocaleResolver {

  private final IdentityService identityService;
  private final LanguagePreferences preferences;

  public ReaderLanguageFilter(IdentityService identityService, LanguagePreferences preferences) {
    this.identityService = identityService;
    this.preferences = preferences;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    LocaleContext previous = LocaleContextHolder.getLocaleContext();
    LocaleContextHolder.setLocaleContext(new ReaderContext(request));
    try {
      chain.doFilter(request, response);
    } finally {
      LocaleContextHolder.setLocaleContext(previous);
    }
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return preferences.forReader(currentUser(), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("A person chooses their language through /api/me/language");
  }

  private String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The reader's language, worked out once the request knows who the reader is. */
  private final class ReaderContext implements LocaleContext {
    private final HttpServletRequest request;
    private String resolvedFor;
    private Locale resolved;

    private ReaderContext(HttpServletRequest request) {
      this.request = request;
    }

    @Override
    public Locale getLocale() {
      String user = currentUser();
      if (resolved == null || (user != null && !user.equals(resolvedFor))) {
        resolved = resolveLocale(request);
        resolvedFor = user;
      }
      return resolved;
    }
  }
}
