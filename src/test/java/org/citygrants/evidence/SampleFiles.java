package org.citygrants.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each kind, made here (their first bytes are what type detection reads). */
public final class SampleFiles {

  private SampleFiles() {}

  public static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] png() {
    return withHeader(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}, 64);
  }

  public static byte[] jpeg() {
    return withHeader(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0}, 64);
  }

  public static byte[] webp() {
    return withHeader("RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 64);
  }

  /** A Linux program (ELF). */
  public static byte[] elf() {
    return withHeader(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 256);
  }

  /** A Windows program (MZ header). */
  public static byte[] windowsProgram() {
    return withHeader(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, 256);
  }

  public static byte[] docx() {
    return zip(false, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>");
  }

  public static byte[] docxWithMacros() {
    return zip(false, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>", "word/document.xml",
        "<w:document/>", "word/vbaProject.bin", "macro");
  }

  public static byte[] xlsx() {
    return zip(false, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>", "xl/workbook.xml", "<workbook/>");
  }

  public static byte[] odt() {
    return zip(true, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>");
  }

  public static byte[] ods() {
    return zip(true, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>");
  }

  public static byte[] odtWithMacros() {
    return zip(true, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>", "Basic/Standard/Module1.xml",
        "<script/>");
  }

  /** An ordinary ZIP archive with a program in it. */
  public static byte[] zipWithAProgram() {
    return zip(false, "setup.exe", "MZ");
  }

  private static byte[] withHeader(byte[] header, int length) {
    return Arrays.copyOf(header, Math.max(length, header.length));
  }

  /** A ZIP of (name, text) pairs; {@code storedFirst}: the first entry uncompressed, as OpenDocument wants its mimetype. */
  private static byte[] zip(boolean storedFirst, String... entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < entries.length; i += 2) {
        byte[] data = entries[i + 1].getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(entries[i]);
        if (storedFirst && i == 0) {
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(data.length);
          CRC32 crc = new CRC32();
          crc.update(data);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
