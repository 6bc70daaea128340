// Notifications while the app is open: an agent finished, failed or waits for input. Shown only
// when the user turned them on in Settings and the browser allowed them.
import { settings } from './api.js';

const WORTH = { completed: 'finished', failed: 'failed', timeout: 'timed out', waiting: 'waits for input' };

export function supported() {
  return 'Notification' in window;
}

/** Asks the browser once; true when notifications may be shown. */
export async function allow() {
  if (!supported()) return false;
  if (Notification.permission === 'granted') return true;
  return (await Notification.requestPermission()) === 'granted';
}

export function notifier(store) {
  return (frame) => {
    if (frame.type !== 'event' || frame.event !== 'status_change') return;
    const to = frame.detail && frame.detail.to;
    if (!WORTH[to] || !settings.notify || !supported() || Notification.permission !== 'granted') return;
    const agent = store.agents.get(frame.agent_id);
    const who = agent ? agent.name || `${agent.tool} ${agent.short_id}` : frame.agent_id.slice(0, 8);
    const note = new Notification(`${who} ${WORTH[to]}`, {
      body: (frame.detail && frame.detail.reason) || (agent && agent.prompt) || '',
      tag: `cam-${frame.agent_id}`,
      icon: 'icon-192.png',
    });
    note.onclick = () => { window.focus(); location.hash = `#/agents/${encodeURIComponent(frame.agent_id)}`; };
  };
}
