package dev.cam.relay.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTest {
  @Test
  void frameSurvivesEncodeAndDecode() {
    ByteBuffer payload = ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8));
    Frame frame = new Frame(FrameType.DATA, Flags.END_STREAM | Flags.TEXT, 7, payload);

    Frame back = Frame.decode(frame.encode(), 1024);

    assertEquals(FrameType.DATA, back.type());
    assertEquals(7, back.streamId());
    assertTrue(back.has(Flags.END_STREAM));
    assertTrue(back.has(Flags.TEXT));
    assertEquals("hello", StandardCharsets.UTF_8.decode(back.payload()).toString());
  }

  @Test
  void decodeRefusesPayloadOverTheLimit() {
    Frame frame = new Frame(FrameType.DATA, 0, 1, ByteBuffer.allocate(2000));

    ProtocolException e =
        assertThrows(ProtocolException.class, () -> Frame.decode(frame.encode(), 1024));
    assertTrue(e.getMessage().contains("exceeds 1024"), e.getMessage());
  }

  @Test
  void decodeRefusesShortAndUnknownFrames() {
    assertThrows(ProtocolException.class, () -> Frame.decode(ByteBuffer.allocate(3), 1024));
    ByteBuffer unknown = ByteBuffer.allocate(6).put(0, (byte) 0x7F);
    assertThrows(ProtocolException.class, () -> Frame.decode(unknown, 1024));
  }

  @Test
  void openAndResponseKeepHeadersInOrder() {
    StreamOpen open =
        new StreamOpen(
            StreamKind.WEBSOCKET,
            "GET",
            "/api/ws?since=4",
            List.of(new Header("Authorization", "Bearer t"), new Header("X-A", "1")));
    StreamOpen openBack = StreamOpen.decode(Frame.decode(open.toFrame(3, true).encode(), 1 << 16));
    assertEquals(open, openBack);
    assertEquals("Bearer t", openBack.header("authorization"));

    StreamResponse response = new StreamResponse(404, List.of(new Header("Content-Type", "x/y")));
    Frame frame = Frame.decode(response.toFrame(3, false).encode(), 1 << 16);
    assertEquals(response, StreamResponse.decode(frame));
  }

  @Test
  void handshakePayloadsRoundTrip() {
    Hello hello = new Hello(Hello.VERSION, new byte[32], 65536, 262144, 15000);
    Hello helloBack = Hello.decode(Frame.decode(hello.toFrame().encode(), 1 << 16));
    assertEquals(65536, helloBack.maxPayload());
    assertEquals(262144, helloBack.initialWindow());

    Register register =
        new Register(new byte[] {1, 2}, "id", "relay:443", 42L, new byte[] {3}, new byte[0]);
    Register back = Register.decode(Frame.decode(register.toFrame().encode(), 1 << 16));
    assertArrayEquals(new byte[] {1, 2}, back.publicKey());
    assertEquals("relay:443", back.relayHost());
    assertEquals(42L, back.timeMillis());

    Reason reason = new Reason(1001, "going away");
    assertEquals(reason, Reason.decode(reason.toFrame(FrameType.CLOSE, 5)));
  }

  @Test
  void truncatedControlPayloadIsAProtocolError() {
    Frame cut = new Frame(FrameType.RESPONSE, 0, 1, ByteBuffer.wrap(new byte[] {0, (byte) 200, 0}));
    assertThrows(ProtocolException.class, () -> StreamResponse.decode(cut));
  }
}
