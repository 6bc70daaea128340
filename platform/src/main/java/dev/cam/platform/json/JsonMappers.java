package dev.cam.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Makes the {@code ObjectMapper} the platform writes its own JSON with (log lines, the store's JSON
 * columns): {@code java.time} values as ISO-8601 text, not numbers. A class of its own, called only
 * where a mapper is made, so that loading its callers does not make the bytecode verifier load
 * Jackson's modules: a cold read-only command makes no mapper.
 */
public final class JsonMappers {
  private JsonMappers() {}

  /** A new mapper; it is costly to make (tens of ms in a cold JVM), so keep it. */
  public static ObjectMapper create() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
  }
}
