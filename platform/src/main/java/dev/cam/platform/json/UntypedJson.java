package dev.cam.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a Jackson parser gives (JSON log lines, TOML config files) into maps, lists, strings,
 * numbers, booleans and nulls, as an {@code ObjectMapper} reads untyped JSON, with the streaming
 * parser alone: a cold command would otherwise spend ~60 ms setting up a mapper (its date and
 * locale formats) to read ten log lines or a short config file.
 *
 * <p>Threading: stateless; safe from any thread.
 */
public final class UntypedJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private UntypedJson() {}

  /** The line's object, or empty when the line is not one whole JSON object. */
  public static Optional<Map<String, Object>> object(String line) {
    try (JsonParser parser = FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      Map<String, Object> object = map(parser, false);
      return parser.nextToken() == null ? Optional.of(object) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The value at the parser's current token, with all it contains: a {@code LinkedHashMap} for an
   * object, an {@code ArrayList} for an array.
   *
   * @param longIntegers every integer as a {@code Long}, one out of its range an error; otherwise
   *     the smallest of {@code Integer}, {@code Long} and {@code BigInteger} that holds it
   * @throws IOException when the parser fails, or at a token that is no value
   */
  public static Object value(JsonParser parser, boolean longIntegers) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        return map(parser, longIntegers);
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser, longIntegers));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return longIntegers ? Long.valueOf(parser.getLongValue()) : parser.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + parser.currentToken());
    }
  }

  private static Map<String, Object> map(JsonParser parser, boolean longIntegers)
      throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      map.put(name, value(parser, longIntegers));
    }
    return map;
  }
}
