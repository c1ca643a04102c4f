package org.citygrants.delivery;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.resource.HttpResource;

/**
 * A static file as it goes out: its bytes (the file's, or its Brotli copy's), under the file's own
 * name (so its content type is the file's), with the headers Spring's resource handler adds to the
 * response: the resolved resource's own (a content version's ETag), the cache lifetime, and the
 * encoding of a Brotli copy. Like Spring's {@code EncodedResourceResolver.EncodedResource}. (A
 * transformer that rewrites a file, such as Spring's {@code CssLinkResourceTransformer} for a style
 * sheet with {@code url(...)}, gives back a resource without these headers: the file then goes out
 * with Spring Security's {@code no-store}, and {@code DeliveryTest} fails.)
 */
final class DeliveredResource extends AbstractResource implements HttpResource {

  private final Resource original;
  private final Resource body;
  private final HttpHeaders headers;

  DeliveredResource(Resource original, @Nullable Resource brotli, String cacheControl) {
    this.original = original;
    this.body = brotli != null ? brotli : original;
    this.headers = new HttpHeaders();
    if (original instanceof HttpResource http) {
      http.getResponseHeaders().forEach((name, values) -> headers.put(name, values));
      // a strong ETag stops Tomcat from compressing; the version it holds is the same either way
      String etag = headers.getETag();
      if (etag != null && !etag.startsWith("W/")) {
        headers.setETag("W/" + etag);
      }
    }
    headers.setCacheControl(cacheControl);
    if (brotli != null) {
      headers.set(HttpHeaders.CONTENT_ENCODING, "br");
      headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }
  }

  @Override
  public HttpHeaders getResponseHeaders() {
    return headers;
  }

  boolean brotli() {
    return body != original;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return body.getInputStream();
  }

  @Override
  public boolean exists() {
    return body.exists();
  }

  @Override
  public boolean isReadable() {
    return body.isReadable();
  }

  @Override
  public long contentLength() throws IOException {
    return body.contentLength();
  }

  @Override
  public long lastModified() throws IOException {
    return original.lastModified();
  }

  @Override
  public URL getURL() throws IOException {
    return body.getURL();
  }

  @Override
  public URI getURI() throws IOException {
    return body.getURI();
  }

  @Override
  public File getFile() throws IOException {
    return body.getFile();
  }

  @Override
  public Resource createRelative(String relativePath) throws IOException {
    return original.createRelative(relativePath);
  }

  @Override
  @Nullable
  public String getFilename() {
    return original.getFilename();
  }

  @Override
  public String getDescription() {
    return (brotli() ? "Brotli copy of " : "") + original.getDescription() + " " + headers;
  }

  /**
   * The same file with the same headers: Spring's {@code CachingResourceTransformer} keeps one
   * answer per equal resource, so the file asked for by its version (kept a year) and by its plain
   * name (asked again each time) must not be equal.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof DeliveredResource that && original.equals(that.original) && body.equals(that.body)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return original.hashCode() * 31 + headers.hashCode();
  }
}
