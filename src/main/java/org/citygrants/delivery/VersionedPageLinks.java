package org.citygrants.delivery;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Our pages' HTML ({@code /cohort/}, {@code /grants/...}) names its scripts and style sheets by
 * their content version: {@code <script src="grant.js">} goes out as
 * {@code <script src="/grants/grant-<md5>.js">}, through Spring's {@link ResourceUrlProvider} and
 * the content version strategy ({@code spring.web.resources.chain.strategy.content}). A browser then
 * keeps those files a year ({@link DeliveryResolver}) and fetches them again exactly when they
 * change; the HTML itself is asked for each time. Spring's own {@code ResourceUrlEncodingFilter}
 * rewrites only the links a template engine writes; these pages are plain HTML files, so their
 * links are rewritten here, once per page load (a few kilobytes).
 */
final class VersionedPageLinks extends OncePerRequestFilter {

  private static final Pattern LINK = Pattern.compile("(<(?:script|link)\\b[^>]*?\\s(?:src|href)=\")([^\"]+)(\")",
      Pattern.CASE_INSENSITIVE);

  private final ResourceUrlProvider urls;
  private final List<String> pages;

  VersionedPageLinks(ResourceUrlProvider urls, List<String> pages) {
    this.urls = urls;
    this.pages = pages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"GET".equals(request.getMethod()) || pages.stream().noneMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, page);
    String type = page.getContentType();
    if (page.getStatus() == HttpServletResponse.SC_OK && type != null && MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(type))) {
      String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);
      byte[] versioned = versionLinks(html, request.getRequestURI(), request.getContextPath()).getBytes(StandardCharsets.UTF_8);
      page.resetBuffer();
      page.getOutputStream().write(versioned);
    }
    page.copyBodyToResponse();
  }

  /** The page with each local script and style sheet named by its content version (others unchanged). */
  String versionLinks(String html, String pageUri, String contextPath) {
    Matcher link = LINK.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 256);
    while (link.find()) {
      link.appendReplacement(out, Matcher.quoteReplacement(link.group(1) + versioned(link.group(2), pageUri, contextPath) + link.group(3)));
    }
    link.appendTail(out);
    return out.toString();
  }

  private String versioned(String href, String pageUri, String contextPath) {
    if (href.contains(":") || href.startsWith("//") || href.contains("?") || href.contains("#")) {
      return href; // another site's, or already with a query: left as written
    }
    String path = URI.create(pageUri).resolve(href).normalize().getPath();
    if (!path.startsWith(contextPath + "/")) {
      return href;
    }
    String versioned = urls.getForLookupPath(path.substring(contextPath.length()));
    return versioned == null ? href : contextPath + versioned;
  }
}
