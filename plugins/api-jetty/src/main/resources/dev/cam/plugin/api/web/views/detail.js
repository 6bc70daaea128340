// One agent: state, exit reason, screen, timeline; stop/kill/retry; input text and keys.
import { h, replace, elapsed } from '../dom.js';
import { api } from '../api.js';

const KEYS = [['Enter', 'Enter'], ['Esc', 'Escape'], ['↑', 'Up'], ['↓', 'Down'], ['←', 'Left'],
  ['→', 'Right'], ['y', 'y'], ['n', 'n'], ['1', '1'], ['2', '2'], ['3', '3'], ['Ctrl-C', 'C-c']];

export function detail(view, store, id) {
  const head = h('section', { class: 'detail-head' });
  const screen = h('pre', { class: 'screen', id: 'screen', 'aria-label': 'Current screen' });
  const timeline = h('ol', { class: 'timeline', id: 'timeline' });
  const message = h('p', { class: 'message', role: 'status', id: 'message' });
  const text = h('input', { id: 'input-text', type: 'text', autocomplete: 'off',
    placeholder: 'Type to the agent…', 'aria-label': 'Text to send' });
  let agent = store.agents.get(id);

  const act = (label, run) => async () => {
    message.textContent = `${label}…`;
    try {
      const answer = await run();
      message.textContent = `${label}: done`;
      if (answer && answer.id) { agent = answer; showHead(); }
      setTimeout(refreshScreen, 300);
    } catch (e) {
      message.textContent = `${label} failed: ${e.message}`;
    }
  };
  const send = (e) => {
    e.preventDefault();
    const value = text.value;
    act('Sent', () => api.input(agent.id, { text: value, enter: true }))().then(() => { text.value = ''; });
  };

  replace(view,
    head,
    h('section', { class: 'controls' },
      h('form', { class: 'input', id: 'input-form', onsubmit: send }, text, h('button', { type: 'submit' }, 'Send')),
      h('div', { class: 'keys' }, KEYS.map(([label, key]) =>
        h('button', { type: 'button', class: 'key', dataset: { key },
          onclick: act(`Key ${label}`, () => api.input(agent.id, { keys: [key] })) }, label))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'stop', onclick: act('Stop', () => api.stop(agent.id, 'stop')) }, 'Stop'),
        h('button', { type: 'button', id: 'kill', class: 'danger', onclick: act('Kill', () => api.stop(agent.id, 'kill')) }, 'Kill'),
        h('button', { type: 'button', id: 'retry', onclick: act('Retry', () => api.retry(agent.id)) }, 'Retry')),
      message),
    h('h2', {}, 'Screen'),
    h('p', { class: 'links' },
      h('a', { href: `#/agents/${encodeURIComponent(id)}/terminal`, id: 'open-terminal' }, 'Live terminal'),
      h('a', { href: `#/agents/${encodeURIComponent(id)}/log`, id: 'open-log' }, 'Full log')),
    screen,
    h('h2', {}, 'Timeline'), timeline);

  function showHead() {
    if (!agent) return;
    replace(head,
      h('h1', {}, h('span', { class: `badge status-${agent.status}`, id: 'status' }, agent.status), ' ',
        agent.name || agent.short_id),
      h('dl', { class: 'facts' },
        fact('State', agent.state), fact('Tool', agent.tool), fact('Context', agent.context || '—'),
        fact('Directory', agent.cwd), fact('Elapsed', elapsed(agent.started_at || agent.created_at, agent.finished_at)),
        fact('Attempt', String(agent.attempt)), fact('Exit reason', agent.exit_reason || '—'),
        fact('Prompt', agent.prompt || '—')));
  }

  async function refreshScreen() {
    try {
      const out = await api.output(agent.id);
      screen.textContent = out.lines.join('\n');
    } catch (e) {
      screen.textContent = `(screen not available: ${e.message})`;
    }
  }

  async function refreshTimeline() {
    try {
      const logs = await api.logs(agent.id);
      replace(timeline, logs.entries.filter((e) => e.type !== 'output').reverse().map(entry));
    } catch (e) {
      replace(timeline, h('li', { class: 'error' }, e.message));
    }
  }

  const unsubscribe = store.subscribe((ids) => {
    const fresh = agent && store.agents.get(agent.id);
    if (fresh && (!ids || ids.includes(agent.id))) { agent = fresh; showHead(); }
  });
  let timer = null;
  const frame = (f) => {
    if (!agent || f.agent_id !== agent.id) return;
    clearTimeout(timer);
    timer = setTimeout(() => { refreshTimeline(); if (f.type === 'log') refreshScreen(); }, 200);
  };

  api.agent(id).then((a) => { agent = a; showHead(); refreshScreen(); refreshTimeline(); })
    .catch((e) => replace(head, h('p', { class: 'error', role: 'alert' }, e.message)));
  showHead();
  return { leave: () => { unsubscribe(); clearTimeout(timer); }, frame };
}

function fact(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

function entry(e) {
  const { ts, type, seq, agent_id: _, ...rest } = e;
  const detail = Object.entries(rest).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  return h('li', { class: `event event-${type}` },
    h('time', { datetime: ts }, ts ? new Date(ts).toLocaleTimeString() : ''), ' ',
    h('strong', {}, type), detail ? ` ${detail}` : '');
}
