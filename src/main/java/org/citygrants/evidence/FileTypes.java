package org.citygrants.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * What an uploaded file is, told from its content (Apache Tika's magic bytes), never from its name
 * or the type the browser sent: a program renamed {@code plan.pdf} is still a program. Only the
 * types a grant's evidence needs are accepted ({@link #ALLOWED}); executables, scripts, HTML, SVG,
 * archives and anything unknown are refused. The name only refines a type within what the content
 * already is (plain text named {@code .csv} is CSV; plain text named {@code .js} is a script, refused).
 * Office files are ZIP containers: a Word or Excel file must hold its main part, and neither an
 * Office nor an OpenDocument file may carry macros.
 */
public final class FileTypes {

  /** The accepted types and how people call them. */
  public static final Map<String, String> ALLOWED = allowed();

  static final String OOXML_CONTAINER = "application/x-tika-ooxml";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

  private FileTypes() {}

  /** The outcome: the accepted type, or the type the content was found to be (refused). */
  public record Detection(String mediaType, boolean accepted) {}

  private static Map<String, String> allowed() {
    // the names people know the types by, the same in every language
    Map<String, String> allowed = new LinkedHashMap<>();
    allowed.put("application/pdf", "PDF");
    allowed.put("image/png", "PNG");
    allowed.put("image/jpeg", "JPEG");
    allowed.put("image/webp", "WebP");
    allowed.put(ODT, "ODT");
    allowed.put(ODS, "ODS");
    allowed.put(DOCX, "DOCX");
    allowed.put(XLSX, "XLSX");
    allowed.put("text/csv", "CSV");
    allowed.put("text/plain", "TXT");
    return java.util.Collections.unmodifiableMap(allowed);
  }

  /** The type of {@code content}, uploaded as {@code name}, and whether it is accepted. */
  public static Detection detect(byte[] content, String name) {
    String byContent = tika(content, null).toString();
    return switch (byContent) {
      case "application/pdf", "image/png", "image/jpeg", "image/webp" -> new Detection(byContent, true);
      case ODT, ODS -> new Detection(byContent, !openDocumentHasMacros(content));
      case OOXML_CONTAINER -> officeType(content).map(type -> new Detection(type, true))
          .orElse(new Detection(byContent, false));
      case "text/plain" -> {
        // the name may say CSV; anything else it says within text (a script, HTML) is refused
        String named = tika(content, name).toString();
        yield named.equals("text/csv") || named.equals("text/plain") ? new Detection(named, true)
            : new Detection(named, false);
      }
      default -> new Detection(byContent, false);
    };
  }

  private static MediaType tika(byte[] content, String name) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return TYPES.detect(in, metadata).getBaseType();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DOCX or XLSX by the container's main part; empty for another Office file or one with macros. */
  private static Optional<String> officeType(byte[] content) {
    boolean word = false;
    boolean excel = false;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String path = entry.getName();
        if (path.endsWith("vbaProject.bin") || path.endsWith(".bin") && path.contains("activeX")) {
          return Optional.empty();
        }
        word |= path.equals("word/document.xml");
        excel |= path.equals("xl/workbook.xml");
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (word == excel) {
      return Optional.empty();
    }
    return Optional.of(word ? DOCX : XLSX);
  }

  /** Basic or script macros in an OpenDocument file (or a container that cannot be read). */
  private static boolean openDocumentHasMacros(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String path = entry.getName();
        if (path.startsWith("Basic/") || path.startsWith("Scripts/")) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return true;
    }
  }
}
