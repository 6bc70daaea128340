package dev.cam.plugin.cli;

import java.util.ArrayList;
import java.util.List;

/** Plain-text columns, as wide as their widest cell; a missing value shows as "-". */
final class Table {
  private Table() {}

  static String format(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(headers);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], cell(row, i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = cell(row, i);
        line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static String cell(List<String> row, int column) {
    String value = column < row.size() ? row.get(column) : null;
    return value == null || value.isEmpty() ? "-" : value;
  }
}
