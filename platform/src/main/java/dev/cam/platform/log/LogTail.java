package dev.cam.platform.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Complete lines of a file: all of them, or only the last few, found by reading backwards in chunks
 * so a tail of a big log costs about the size of that tail. Text after the last newline (a line
 * still being written, or torn by a crash) is left out.
 */
final class LogTail {
  private static final int CHUNK = 64 * 1024;

  private LogTail() {}

  /** The last {@code tail} complete lines (every line when {@code tail <= 0}), oldest first. */
  static List<String> lines(FileChannel ch, int tail) throws IOException {
    long size = ch.size();
    long start = tail <= 0 ? 0 : startOfTail(ch, size, tail);
    long end = lastNewline(ch, size);
    if (end < start) {
      return List.of();
    }
    ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, end - start));
    while (bytes.hasRemaining() && ch.read(bytes, start + bytes.position()) >= 0) {
      // keep reading until the region is full
    }
    String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    out.removeIf(String::isEmpty);
    return out;
  }

  /** Offset just past the last newline, or 0 when there is none. */
  private static long lastNewline(FileChannel ch, long size) throws IOException {
    long pos = size;
    while (pos > 0) {
      ByteBuffer chunk = read(ch, Math.max(0, pos - CHUNK), pos);
      for (int i = chunk.limit() - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          return pos - chunk.limit() + i + 1;
        }
      }
      pos -= chunk.limit();
    }
    return 0;
  }

  /** Offset where the last {@code tail} complete lines begin. */
  private static long startOfTail(FileChannel ch, long size, int tail) throws IOException {
    long end = lastNewline(ch, size);
    int newlines = 0;
    long pos = end;
    while (pos > 0) {
      ByteBuffer chunk = read(ch, Math.max(0, pos - CHUNK), pos);
      for (int i = chunk.limit() - 1; i >= 0; i--) {
        // the newline ending the region's last line does not start a line of the tail
        if (chunk.get(i) == '\n' && pos - chunk.limit() + i + 1 != end && ++newlines == tail) {
          return pos - chunk.limit() + i + 1;
        }
      }
      pos -= chunk.limit();
    }
    return 0;
  }

  private static ByteBuffer read(FileChannel ch, long from, long to) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) (to - from));
    while (buffer.hasRemaining() && ch.read(buffer, from + buffer.position()) >= 0) {
      // positional reads do not move the channel
    }
    buffer.flip();
    return buffer;
  }
}
