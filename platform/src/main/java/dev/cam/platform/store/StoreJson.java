package dev.cam.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.InvalidInputException;
import dev.cam.platform.json.JsonMappers;
import java.util.List;
import java.util.Map;

/**
 * The JSON columns: event details, tags and agent environments. The mapper is made on first use:
 * listing agents without extra environment needs none, which keeps a cold {@code cam list} quick.
 */
final class StoreJson {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private volatile ObjectMapper mapper;

  private ObjectMapper mapper() {
    ObjectMapper m = mapper;
    if (m == null) {
      synchronized (this) {
        if (mapper == null) {
          mapper = JsonMappers.create();
        }
        m = mapper;
      }
    }
    return m;
  }

  String write(Object value) {
    try {
      return mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "cannot store "
              + value.getClass().getSimpleName()
              + " as JSON: "
              + e.getOriginalMessage()
              + "; use strings, numbers, booleans, lists and maps",
          e);
    }
  }

  Map<String, Object> map(String json) {
    return read(json, MAP);
  }

  /** A map of strings; {@code null} (how empty maps are stored) reads as an empty map. */
  Map<String, String> stringMap(String json) {
    return json == null ? Map.of() : read(json, STRING_MAP);
  }

  /** {@code null} for an empty map. */
  String stringMapOrNull(Map<String, String> map) {
    return map.isEmpty() ? null : write(map);
  }

  List<String> strings(String json) {
    return read(json, STRINGS);
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the store holds JSON it cannot read: " + json, e);
    }
  }
}
