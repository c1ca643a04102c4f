package org.citygrants.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The type of a file is read from its content; the name never makes a refused file acceptable. */
class FileTypesTest {

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("plan.pdf", SampleFiles.pdf(), "application/pdf"),
        // the name does not matter for what the content says
        Arguments.of("scan", SampleFiles.pdf(), "application/pdf"),
        Arguments.of("photo.png", SampleFiles.png(), "image/png"),
        Arguments.of("photo.jpg", SampleFiles.jpeg(), "image/jpeg"),
        Arguments.of("photo.webp", SampleFiles.webp(), "image/webp"),
        Arguments.of("plan.docx", SampleFiles.docx(), FileTypes.DOCX),
        // a Word file named otherwise is still a Word file: its parts say so
        Arguments.of("plan.bin", SampleFiles.docx(), FileTypes.DOCX),
        Arguments.of("budget.xlsx", SampleFiles.xlsx(), FileTypes.XLSX),
        Arguments.of("plan.odt", SampleFiles.odt(), FileTypes.ODT),
        Arguments.of("budget.ods", SampleFiles.ods(), FileTypes.ODS),
        Arguments.of("spending.csv", "date,amount\n2026-01-05,120.00\n".getBytes(StandardCharsets.UTF_8), "text/csv"),
        Arguments.of("notes.txt", "Procès-verbal du comité, 5 janvier.\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
  }

  @ParameterizedTest(name = "{0} is {2}")
  @MethodSource
  void accepted(String name, byte[] content, String type) {
    assertThat(FileTypes.detect(content, name)).isEqualTo(new FileTypes.Detection(type, true));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("plan.pdf", SampleFiles.elf(), "application/x-elf"),
        Arguments.of("plan.pdf", SampleFiles.windowsProgram(), "application/x-msdownload"),
        Arguments.of("invoice.png", SampleFiles.windowsProgram(), "application/x-msdownload"),
        Arguments.of("plan.txt", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), "application/x-sh"),
        Arguments.of("plan.pdf", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8), "text/html"),
        Arguments.of("logo.png", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"
            .getBytes(StandardCharsets.UTF_8), "image/svg+xml"),
        // text is text, but text named as a script is a script
        Arguments.of("tool.js", "alert(document.cookie);\n".getBytes(StandardCharsets.UTF_8), "text/javascript"),
        Arguments.of("plan.docx", SampleFiles.zipWithAProgram(), "application/zip"),
        Arguments.of("plan.docx", SampleFiles.docxWithMacros(), "application/x-tika-ooxml"),
        Arguments.of("plan.odt", SampleFiles.odtWithMacros(), FileTypes.ODT),
        Arguments.of("data.pdf", new byte[] {0, 1, 2, 3, 4, 5, (byte) 0xfe, (byte) 0xff, 0, 0, 7}, "application/octet-stream"));
  }

  @ParameterizedTest(name = "{0} with content {2} is refused")
  @MethodSource
  void refused(String name, byte[] content, String type) {
    FileTypes.Detection detection = FileTypes.detect(content, name);
    assertThat(detection.accepted()).isFalse();
    assertThat(detection.mediaType()).isEqualTo(type);
  }

  @Test
  void aRefusedProgramIsCalledAProgramInWords() {
    assertThat(EvidenceFiles.describe("application/x-msdownload")).startsWith("a program or script");
    assertThat(EvidenceFiles.describe("application/zip")).isEqualTo("of type application/zip");
  }

  @Test
  void namesLoseTheirPathAndControlCharacters() {
    assertThat(EvidenceFiles.cleanName("C:\\fakepath\\plan \"2026\".pdf")).isEqualTo("plan 2026.pdf");
    assertThat(EvidenceFiles.cleanName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(EvidenceFiles.cleanName("a\r\nb.pdf")).isEqualTo("ab.pdf");
    assertThat(EvidenceFiles.cleanName("  ")).isEqualTo("file");
    assertThat(EvidenceFiles.cleanName("x".repeat(400))).hasSize(255);
  }

  @Test
  void sizesInWords() {
    assertThat(EvidenceFiles.inWords(20L * 1024 * 1024, Locale.ENGLISH)).isEqualTo("20 MB");
    assertThat(EvidenceFiles.inWords(20L * 1024 * 1024 + 300_000, Locale.FRENCH)).isEqualTo("20,3 Mo");
    assertThat(EvidenceFiles.inWords(12, Locale.ENGLISH)).isEqualTo("12 bytes");
  }
}
