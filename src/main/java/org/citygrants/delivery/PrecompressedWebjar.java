package org.citygrants.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Brotli copies of the Camunda webjar's largest files (Tasklist's {@code deps.js}: 3.9 MB raw, 1.1 MB
 * gzipped, 0.8 MB in Brotli), made once by {@code src/tools/precompress-webjar.js} and kept under
 * {@code precompressed/webjars/camunda/} with the SHA-256 of each original. A copy is used only
 * while the webjar's file still has that SHA-256: after a Camunda upgrade the file goes out gzipped
 * (Tomcat, on the fly) until the tool is run again, never as the old version's bytes.
 */
final class PrecompressedWebjar {

  static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  static final String COPIES = "precompressed/webjars/camunda/";
  static final String MANIFEST = COPIES + "precompressed.properties";

  private static final Logger log = LoggerFactory.getLogger(PrecompressedWebjar.class);

  /** Path under the webjar's root ({@code lib/deps.js}) to its Brotli copy, for the files that match. */
  private final Map<String, Resource> brotli = new TreeMap<>();
  /** Path to the SHA-256 the copy was made from, as the manifest says. */
  private final Map<String, String> manifest = new TreeMap<>();

  PrecompressedWebjar(ClassLoader classLoader) {
    ClassPathResource list = new ClassPathResource(MANIFEST, classLoader);
    if (!list.exists()) {
      return;
    }
    Properties entries = new Properties();
    try (InputStream in = list.getInputStream()) {
      entries.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String path : entries.stringPropertyNames()) {
      manifest.put(path, entries.getProperty(path).trim());
      Resource original = new ClassPathResource(WEBJAR + path, classLoader);
      Resource copy = new ClassPathResource(COPIES + path + ".br", classLoader);
      String actual = original.exists() ? sha256(original) : "missing";
      if (copy.exists() && actual.equals(manifest.get(path))) {
        brotli.put(path, copy);
      } else {
        log.warn("The Brotli copy of the Camunda webjar's {} was made from another version of it: the file goes out "
            + "gzipped until `node src/tools/precompress-webjar.js` is run again", path);
      }
    }
  }

  /** The Brotli copy of the webjar's file at this path under its root, or null. */
  Resource brotliOf(String webjarPath) {
    return brotli.get(webjarPath);
  }

  /** The paths with a usable copy. */
  Iterable<String> paths() {
    return brotli.keySet();
  }

  /** The paths the manifest lists, with the SHA-256 of the original each copy was made from. */
  Map<String, String> manifest() {
    return manifest;
  }

  static String sha256(Resource resource) {
    try (InputStream in = new DigestInputStream(resource.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
      DigestInputStream digesting = (DigestInputStream) in;
      byte[] buffer = new byte[64 * 1024];
      while (digesting.read(buffer) >= 0) {
        // reading is digesting
      }
      return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
