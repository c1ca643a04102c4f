package org.citygrants.delivery;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * First in the chain of every static-file handler (the Camunda webapps' {@code /camunda/lib},
 * {@code /camunda/app}, {@code /camunda/assets}; our pages' files and the webjars): how long a
 * browser keeps the file, and its Brotli copy for a browser that accepts Brotli.
 *
 * <ul>
 *   <li>a file of Camunda's webjar asked for with {@code ?bust=<version>}, as the webapps ask for
 *       theirs: a year, immutable (a new Camunda version asks with a new {@code bust});</li>
 *   <li>a file asked for by its content version ({@code cohort-<md5>.js}, the address our pages
 *       write, see {@link VersionedPageLinks}): a year, immutable;</li>
 *   <li>anything else, among them our own files in the webjar's place ({@code user-styles.css},
 *       {@code config.js}, the Tasklist scripts, locale files), which Camunda also asks for with
 *       {@code ?bust=7.24.0} although they change with each of our releases: {@code no-cache}, that
 *       is kept but asked again each time (304 when unchanged, by its Last-Modified).</li>
 * </ul>
 * Files behind a sign-in (our pages' files) are {@code private}: only the browser keeps them.
 */
final class DeliveryResolver extends AbstractResourceResolver {

  static final String FOR_A_YEAR = "max-age=31536000, immutable";
  static final String ASK_AGAIN = CacheControl.noCache().getHeaderValue();

  /** A file name with a content version: {@code name-<32 hex digits>.ext}. */
  private static final Pattern CONTENT_VERSIONED = Pattern.compile("-[0-9a-f]{32}(\\.[A-Za-z0-9]+)$");
  /** The jar of Camunda's webapps: its files change only with Camunda's version. */
  private static final String CAMUNDA_WEBJAR = "/camunda-webapp-webjar-";

  private final PrecompressedWebjar precompressed;

  DeliveryResolver(PrecompressedWebjar precompressed) {
    this.precompressed = precompressed;
  }

  @Override
  protected Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
      List<? extends Resource> locations, ResourceResolverChain chain) {
    Resource resource = chain.resolveResource(request, requestPath, locations);
    if (resource == null || request == null) {
      return resource;
    }
    String webjarPath = camundaWebjarPath(resource);
    boolean forAYear = (webjarPath != null && request.getParameter("bust") != null)
        || contentVersioned(requestPath, resource);
    String cacheControl = forAYear
        ? (request.getUserPrincipal() != null ? "private, " : "public, ") + FOR_A_YEAR
        : ASK_AGAIN;
    Resource brotli = webjarPath != null && acceptsBrotli(request.getHeader(HttpHeaders.ACCEPT_ENCODING))
        ? precompressed.brotliOf(webjarPath) : null;
    return new DeliveredResource(resource, brotli, cacheControl);
  }

  @Override
  protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
      ResourceResolverChain chain) {
    return chain.resolveUrlPath(resourceUrlPath, locations);
  }

  /** The file's path under the Camunda webjar's root ({@code lib/deps.js}) when it comes from that jar, else null. */
  @Nullable
  static String camundaWebjarPath(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int root = url.indexOf(PrecompressedWebjar.WEBJAR);
      return url.contains(CAMUNDA_WEBJAR) && root >= 0 ? url.substring(root + PrecompressedWebjar.WEBJAR.length()) : null;
    } catch (IOException noUrl) {
      return null;
    }
  }

  /** Asked for by a name with a content version that the version resolver took off (the file's name has none). */
  static boolean contentVersioned(String requestPath, Resource resource) {
    String asked = requestPath.substring(requestPath.lastIndexOf('/') + 1);
    return CONTENT_VERSIONED.matcher(asked).find() && !asked.equals(resource.getFilename());
  }

  /** Whether an Accept-Encoding header takes {@code br} (and not with q=0). */
  static boolean acceptsBrotli(@Nullable String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.trim().split(";");
      if (parts[0].trim().toLowerCase(Locale.ROOT).equals("br")) {
        for (int i = 1; i < parts.length; i++) {
          String parameter = parts[i].trim().replace(" ", "");
          if (parameter.startsWith("q=")) {
            try {
              return Double.parseDouble(parameter.substring(2)) > 0;
            } catch (NumberFormatException unreadable) {
              return false;
            }
          }
        }
        return true;
      }
    }
    return false;
  }

}
