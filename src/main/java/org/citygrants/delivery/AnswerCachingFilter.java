package org.citygrants.delivery;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser keeps what is not a static file: nothing of the answers of the engine REST
 * API ({@code /engine-rest}), of the webapps' API ({@code /camunda/api}: tasks, profiles, forms)
 * and of the application's API ({@code /api}), nor the webapps' entry pages (their HTML carries a
 * new script nonce each time): {@code no-store}, since they hold personal data. The webapps'
 * plugin files ({@code /camunda/api/tasklist/plugin/.../static/plugin.js?bust=7.24.0}, from
 * Camunda's jars) are kept a year. Camunda's own {@code CacheControlFilter} ({@code no-cache}) and
 * Spring Security's defaults come later in the chain; the decision here is the one that goes out.
 */
final class AnswerCachingFilter extends OncePerRequestFilter {

  static final String NO_STORE = "no-store";

  private final String webappPath;
  private final Pattern pluginFile;

  AnswerCachingFilter(String webappPath) {
    this.webappPath = webappPath;
    this.pluginFile = Pattern.compile(Pattern.quote(webappPath) + "/api/[a-z]+/plugin/[^/]+/static/.+");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String cacheControl = cacheControlFor(request.getRequestURI().substring(request.getContextPath().length()),
        request.getParameter("bust") != null);
    if (cacheControl == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
    chain.doFilter(request, new KeepCacheControl(response));
  }

  /** The Cache-Control for this path, or null where the static-file handlers decide ({@link DeliveryResolver}). */
  @Nullable
  String cacheControlFor(String path, boolean busted) {
    if (path.startsWith(webappPath + "/api/")) {
      return busted && pluginFile.matcher(path).matches() ? "public, " + DeliveryResolver.FOR_A_YEAR : NO_STORE;
    }
    if (path.startsWith("/engine-rest/") || path.startsWith("/api/")
        || (path.startsWith(webappPath + "/app/") && path.endsWith("/"))) {
      return NO_STORE;
    }
    return null;
  }

  /** The response with its Cache-Control set once and for all. */
  private static final class KeepCacheControl extends HttpServletResponseWrapper {

    KeepCacheControl(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
