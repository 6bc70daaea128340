package dev.cam.plugin.tmux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TmuxPartsTest {
  @Test
  void outputNotificationsNameTheirPane() {
    assertEquals("%12", ControlClient.outputPane("%output %12 hello\\015\\012"));
    assertEquals("%3", ControlClient.outputPane("%extended-output %3 15 : x"));
    assertEquals("%7", ControlClient.outputPane("%subscription-changed cam-dead $0 @1 1 %7 : 1"));
    assertNull(ControlClient.outputPane("%subscription-changed cam-dead $0 @1 1 %7 : 0"));
    assertNull(ControlClient.outputPane("%begin 1 2 0"));
    assertNull(ControlClient.outputPane("%window-renamed @1 sh"));
  }
}
