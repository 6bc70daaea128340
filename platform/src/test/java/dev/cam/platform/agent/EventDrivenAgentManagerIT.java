package dev.cam.platform.agent;

/** Every manager scenario again, with activity reported by tmux control mode instead of polls. */
class EventDrivenAgentManagerIT extends AgentManagerIT {
  @Override
  boolean eventDriven() {
    return true;
  }
}
