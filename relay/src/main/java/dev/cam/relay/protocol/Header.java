package dev.cam.relay.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP header field as it crosses the link; names keep their case, order is kept.
 *
 * @param name field name
 * @param value field value
 */
public record Header(String name, String value) {
  /** Rejects null parts. */
  public Header {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  static void write(WireWriter out, List<Header> headers) {
    out.u16(headers.size());
    for (Header header : headers) {
      out.string(header.name).string(header.value);
    }
  }

  static List<Header> read(WireReader in) {
    int count = in.u16();
    List<Header> headers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      headers.add(new Header(in.string(), in.string()));
    }
    return List.copyOf(headers);
  }
}
