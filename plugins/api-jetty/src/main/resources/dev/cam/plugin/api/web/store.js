// The agents the app knows, kept fresh by WebSocket frames; views subscribe to changes.
import { api } from './api.js';

export class AgentStore {
  constructor() {
    this.agents = new Map();
    this.lastLine = new Map();
    this.listeners = new Set();
    this.pending = new Set();
    this.timer = null;
    this.loaded = false;
    this.loads = 0;
  }

  /** Whether a list was asked for, answered or not: a new live connection must refresh it. */
  get asked() {
    return this.loads > 0;
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(ids) {
    for (const listener of this.listeners) listener(ids);
  }

  async load() {
    const load = ++this.loads;
    const answer = await api.agents();
    // an older answer arriving after a newer one must not bring back what it missed
    if (load !== this.loads) return;
    this.agents = new Map(answer.agents.map((a) => [a.id, a]));
    this.loaded = true;
    this.emit(null);
  }

  /** A frame from the socket: output updates the last line, anything else refetches the agent. */
  frame(frame) {
    if (!frame.agent_id) return;
    if (frame.type === 'log' && frame.lines && frame.lines.length) {
      const lines = frame.lines.filter((l) => l.trim() !== '');
      if (lines.length) this.lastLine.set(frame.agent_id, lines[lines.length - 1]);
    }
    this.pending.add(frame.agent_id);
    // Bursts of events for many agents become one refetch per agent.
    if (!this.timer) this.timer = setTimeout(() => this.flush(), 150);
  }

  async flush() {
    const ids = [...this.pending];
    this.pending.clear();
    this.timer = null;
    await Promise.all(ids.map(async (id) => {
      try {
        this.agents.set(id, await api.agent(id));
      } catch (e) {
        if (e.status === 404) this.agents.delete(id);
      }
    }));
    this.emit(ids);
  }
}
