// The agent's JSONL log: one row per entry, coloured by type, with search. New entries arrive as
// the agent works; in follow mode the list keeps scrolled to the newest.
import { h, replace } from '../dom.js';
import { api } from '../api.js';

const TAIL = 2000;

export function logs(view, id) {
  const list = h('ol', { class: 'log', id: 'log', 'aria-label': 'Log entries' });
  const search = h('input', { type: 'search', id: 'log-search', placeholder: 'Search the log',
    'aria-label': 'Search the log', autocomplete: 'off' });
  const follow = h('input', { type: 'checkbox', id: 'log-follow', checked: true });
  const count = h('span', { class: 'muted', id: 'log-count' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  replace(view,
    h('section', { class: 'toolbar' }, h('h1', {}, 'Log'),
      h('a', { href: `#/agents/${encodeURIComponent(id)}` }, 'Back to the agent')),
    h('div', { class: 'filters' }, search, h('label', { class: 'check' }, follow, ' Follow'), count),
    error, list);

  const rows = [];
  let lastSeq = 0;
  let left = false;
  let timer = null;
  let fetching = Promise.resolve();

  function add(entries) {
    const query = search.value.trim().toLowerCase();
    const fresh = entries.map((e) => ({ entry: e, node: row(e), text: JSON.stringify(e).toLowerCase() }));
    for (const r of fresh) {
      r.node.hidden = !!query && !r.text.includes(query);
      if (typeof r.entry.seq === 'number') lastSeq = Math.max(lastSeq, r.entry.seq);
    }
    rows.push(...fresh);
    list.append(...fresh.map((r) => r.node));
    counted();
    if (follow.checked) list.scrollTop = list.scrollHeight;
  }

  function counted() {
    const shown = rows.filter((r) => !r.node.hidden).length;
    count.textContent = shown === rows.length ? `${rows.length} entries` : `${shown} of ${rows.length} entries`;
  }

  function filter() {
    const query = search.value.trim().toLowerCase();
    for (const r of rows) r.node.hidden = !!query && !r.text.includes(query);
    counted();
  }

  function more() {
    fetching = fetching.then(async () => {
      if (left) return;
      const answer = await api.logsSince(id, lastSeq);
      add(answer.entries.filter((e) => typeof e.seq === 'number' && e.seq > lastSeq));
    }).catch((e) => { error.hidden = false; error.textContent = e.message; });
  }

  // A phone turned sideways must not lose the newest entries from view.
  const resized = new ResizeObserver(() => { if (follow.checked) list.scrollTop = list.scrollHeight; });
  resized.observe(list);
  search.addEventListener('input', filter);
  follow.addEventListener('change', () => { if (follow.checked) list.scrollTop = list.scrollHeight; });
  fetching = api.logs(id, TAIL).then((answer) => { if (!left) add(answer.entries); })
    .catch((e) => { error.hidden = false; error.textContent = e.message; });

  return {
    frame: (f) => {
      if (!f.agent_id || !f.agent_id.startsWith(id)) return;
      clearTimeout(timer);
      timer = setTimeout(more, 200);
    },
    leave: () => { left = true; clearTimeout(timer); resized.disconnect(); },
  };
}

function row(e) {
  const { ts, type, seq, agent_id: _, ...rest } = e;
  const body = type === 'output' && Array.isArray(rest.lines)
    ? h('pre', { class: 'lines' }, rest.lines.join('\n'))
    : h('span', { class: 'detail' }, Object.entries(rest)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', '));
  return h('li', { class: `entry type-${String(type).replace(/[^a-z0-9_-]/gi, '')}`, dataset: { seq: seq ?? '' } },
    h('time', { datetime: ts || '' }, ts ? new Date(ts).toLocaleTimeString() : ''), ' ',
    h('strong', { class: 'type' }, type), ' ', body);
}
