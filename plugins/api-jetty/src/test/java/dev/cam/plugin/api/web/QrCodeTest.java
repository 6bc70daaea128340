package dev.cam.plugin.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The QR codes match, module for module, those of an independent encoder (the npm package qrcode
 * 1.5.4, byte mode, level L, the same mask) for versions 1, 6, 8 (version bits) and 10 (blocks of
 * two lengths); the file qr-reference.txt holds its output.
 */
class QrCodeTest {
  record Reference(String text, int mask, int version, List<String> rows) {}

  @Test
  void everyReferenceCodeIsReproducedModuleForModule() throws IOException {
    List<Reference> references = references();
    assertEquals(11, references.size());
    for (Reference ref : references) {
      QrCode code = QrCode.of(ref.text(), ref.mask());
      String what = "version " + ref.version() + " mask " + ref.mask();
      assertEquals(17 + 4 * ref.version(), code.size(), what);
      assertEquals(String.join("\n", ref.rows()), String.join("\n", rows(code)), what);
    }
  }

  @Test
  void theDrawingHasAQuietZoneAndTwoRowsALine() {
    QrCode code = QrCode.of("CAM");
    String[] lines = code.toText().split("\n");
    assertEquals((21 + 4 + 1) / 2, lines.length);
    assertTrue(lines[0].chars().allMatch(c -> c == '█'), lines[0]);
    assertEquals(25, lines[1].length());
  }

  private static List<String> rows(QrCode code) {
    List<String> rows = new ArrayList<>();
    for (int y = 0; y < code.size(); y++) {
      StringBuilder row = new StringBuilder();
      for (int x = 0; x < code.size(); x++) {
        row.append(code.isDark(x, y) ? '#' : '.');
      }
      rows.add(row.toString());
    }
    return rows;
  }

  private static List<Reference> references() throws IOException {
    String all;
    try (InputStream in = QrCodeTest.class.getResourceAsStream("qr-reference.txt")) {
      all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Reference> references = new ArrayList<>();
    for (String block : all.split("\n\n")) {
      String[] lines = block.strip().split("\n");
      String[] head = lines[0].split(" ");
      String text = lines[1].substring("text ".length());
      List<String> rows = List.of(lines).subList(2, lines.length);
      references.add(
          new Reference(text, Integer.parseInt(head[1]), Integer.parseInt(head[3]), rows));
    }
    return references;
  }
}
