package org.citygrants.api;

import java.util.List;
import java.util.Set;

/**
 * RFC 4180 CSV: comma separated, CRLF line ends, a field quoted when it holds a comma, a quote,
 * a line break or leading/trailing spaces, quotes doubled inside. A text field a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe;
 * amount columns are written as they are ({@code 12000.00}, decimal point, no grouping).
 */
final class Csv {

  static final String LINE_END = "\r\n";
  private static final Set<Character> FORMULA_START = Set.of('=', '+', '-', '@', '\t', '\r');

  private Csv() {}

  /** One record; {@code amountColumns} are the indexes written without the formula guard. */
  static String record(List<String> cells, Set<Integer> amountColumns) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells.get(i);
      line.append(amountColumns.contains(i) ? quote(cell) : text(cell));
    }
    return line.append(LINE_END).toString();
  }

  /** A text cell: guarded against formula injection, then quoted as needed. */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return quote(FORMULA_START.contains(value.charAt(0)) ? "'" + value : value);
  }

  static String quote(String value) {
    if (value == null) {
      return "";
    }
    boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0 || (!value.isEmpty()
            && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))));
    return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
