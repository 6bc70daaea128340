package dev.cam.plugin.api.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/** The message's JSON text. */
final class PushJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PushJson() {}

  static byte[] write(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a push message", e);
    }
  }
}
