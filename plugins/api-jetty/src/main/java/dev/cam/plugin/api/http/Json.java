package dev.cam.plugin.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * JSON in and out: snake_case members, unknown members and loose types refused (a number in quotes
 * is not a number), nulls written so every documented member is always present. Safe from any
 * thread.
 */
public final class Json {
  private final ObjectMapper mapper;

  public Json() {
    JsonMapper json =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean}) {
      json.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      json.coercionConfigFor(type).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
    json.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    this.mapper = json;
  }

  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  public String writeString(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a request body.
   *
   * @throws ProblemException 400 saying which member is wrong and why
   */
  public <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new ProblemException(
          Problem.badRequest("the request needs a JSON body; see GET /api/openapi.json"));
    }
    try {
      T value = mapper.readValue(body, type);
      if (value == null) {
        throw new ProblemException(Problem.badRequest("the JSON body is null: send an object"));
      }
      return value;
    } catch (JsonMappingException e) {
      throw new ProblemException(Problem.badRequest(describe(e)));
    } catch (JsonProcessingException e) {
      throw new ProblemException(
          Problem.badRequest(
              "the body is not valid JSON ("
                  + e.getOriginalMessage()
                  + " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(JsonMappingException e) {
    String member =
        e.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
    if (e.getCause() instanceof dev.cam.api.CamException cam) {
      return cam.getMessage();
    }
    String problem = e.getOriginalMessage();
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      problem = "unknown member; allowed: " + u.getKnownPropertyIds();
    } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
        && m.getTargetType() != null) {
      problem = "expected " + typeName(m.getTargetType());
    }
    return member.isEmpty()
        ? "the JSON body is not acceptable: " + problem
        : "member '" + member + "' is not acceptable: " + problem;
  }

  private static String typeName(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return java.util.Map.class.isAssignableFrom(type) || type.isRecord()
        ? "an object"
        : type.getSimpleName();
  }
}
