// One WebSocket to /api/ws for the whole app: authenticates with its first message, and after a
// drop reconnects with since=<last seq> so no event is missed.
import { base, settings } from './api.js';

export class Live {
  constructor(onFrame, onState) {
    this.onFrame = onFrame;
    this.onState = onState;
    this.lastSeq = 0;
    this.delay = 500;
    this.socket = null;
    this.stopped = true;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    if (this.socket) this.socket.close(1000);
  }

  open() {
    const url = new URL('api/ws', base());
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.lastSeq > 0) url.searchParams.set('since', String(this.lastSeq));
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token: settings.token }));
    socket.onmessage = (message) => this.receive(JSON.parse(message.data));
    socket.onclose = (close) => {
      if (this.socket !== socket) return;
      this.onState(false, close.code === 1008 ? close.reason : '');
      if (!this.stopped) {
        const wait = this.delay * (0.75 + Math.random() / 2);
        this.delay = Math.min(this.delay * 2, 15000);
        setTimeout(() => this.open(), wait);
      }
    };
  }

  receive(frame) {
    if (frame.type === 'ready') {
      this.lastSeq = Math.max(this.lastSeq, frame.last_seq || 0);
      this.delay = 500;
      this.onState(true, '');
      return;
    }
    if (typeof frame.seq === 'number') this.lastSeq = Math.max(this.lastSeq, frame.seq);
    this.onFrame(frame);
  }
}
