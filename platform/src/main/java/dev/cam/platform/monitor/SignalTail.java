package dev.cam.platform.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows an agent's signal file ({@code CAM_SIGNAL_FILE}): each call returns the complete lines
 * appended since the last one. A line still being written is kept for the next call. Not
 * thread-safe: owned by one monitor.
 */
final class SignalTail {
  private static final int MAX_READ = 1 << 20;
  private final Path file;
  private long position;
  private byte[] partial = new byte[0];

  SignalTail(Path file) {
    this.file = file;
  }

  /** New complete lines, oldest first; none when the file does not exist yet. */
  List<String> next() throws IOException {
    byte[] fresh;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < position) {
        position = 0; // truncated or replaced: start over
        partial = new byte[0];
      }
      int length = (int) Math.min(MAX_READ, size - position);
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
        // read until the snapshot of the size is in
      }
      fresh = buffer.array();
      position += buffer.position();
    } catch (NoSuchFileException e) {
      return List.of();
    }
    return split(fresh);
  }

  private List<String> split(byte[] fresh) {
    byte[] all = new byte[partial.length + fresh.length];
    System.arraycopy(partial, 0, all, 0, partial.length);
    System.arraycopy(fresh, 0, all, partial.length, fresh.length);
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        String line = new String(all, start, i - start, StandardCharsets.UTF_8).strip();
        if (!line.isEmpty()) {
          lines.add(line);
        }
        start = i + 1;
      }
    }
    partial = java.util.Arrays.copyOfRange(all, start, all.length);
    return lines;
  }
}
