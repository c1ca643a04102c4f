package org.citygrants.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The canvas's hypotheses, one per paragraph (or, when the city wrote no blank line, one per line). */
public final class Hypotheses {

  private Hypotheses() {}

  public static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String lines = text.strip().replace("\r\n", "\n").replace('\r', '\n');
    String[] parts = lines.split("\n[ \t]*\n");
    if (parts.length == 1) {
      parts = lines.split("\n");
    }
    List<String> hypotheses = new ArrayList<>();
    for (String part : parts) {
      String hypothesis = part.strip().replaceAll("\\s*\n\\s*", " ");
      if (!hypothesis.isEmpty() && !hypotheses.contains(hypothesis)) {
        hypotheses.add(hypothesis);
      }
    }
    return hypotheses;
  }

  /** Choices for a Camunda Form radio or select ({@code valuesKey}): label and value are the hypothesis. */
  public static List<Map<String, String>> options(String text) {
    return split(text).stream().map(h -> Map.of("label", h, "value", h)).toList();
  }
}
