package dev.cam.plugin.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text columns, as wide as their widest cell (colour codes take no width); a missing value
 * shows as "-".
 */
public final class Table {
  private Table() {}

  public static String format(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(headers);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], width(cell(row, i)));
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = cell(row, i);
        line.append(cell).append(" ".repeat(widths[i] - width(cell) + 2));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static int width(String cell) {
    return cell.indexOf('\u001b') < 0 ? cell.length() : Style.plain(cell).length();
  }

  private static String cell(List<String> row, int column) {
    String value = column < row.size() ? row.get(column) : null;
    return value == null || value.isEmpty() ? "-" : value;
  }
}
