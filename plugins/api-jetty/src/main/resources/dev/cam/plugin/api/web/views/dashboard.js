// Every agent with its status badge, updated live; filters by status, tool and context.
import { h, replace, elapsed } from '../dom.js';

const filters = { status: '', tool: '', context: '' };

export function dashboard(view, store) {
  const selects = {};
  const list = h('ul', { class: 'agents', id: 'agents' });
  const count = h('span', { class: 'muted', id: 'count' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  for (const key of Object.keys(filters)) {
    selects[key] = h('select', { id: `filter-${key}`, 'aria-label': `Filter by ${key}`,
      onchange: (e) => { filters[key] = e.target.value; render(); } });
  }
  replace(view,
    h('section', { class: 'toolbar' }, h('h1', {}, 'Agents'), count),
    h('div', { class: 'filters' }, Object.values(selects)),
    error, list);

  function options() {
    for (const [key, select] of Object.entries(selects)) {
      const values = [...new Set([...store.agents.values()].map((a) => a[key]).filter(Boolean))].sort();
      replace(select, h('option', { value: '' }, `all ${key === 'status' ? 'statuses' : key + 's'}`),
        values.map((v) => h('option', { value: v, selected: v === filters[key] }, v)));
    }
  }

  function render() {
    const started = performance.now();
    const shown = [...store.agents.values()].filter((a) =>
      Object.entries(filters).every(([key, value]) => !value || a[key] === value));
    count.textContent = `${shown.length} of ${store.agents.size}`;
    replace(list, shown.length ? shown.map((a) => row(a, store.lastLine.get(a.id)))
      : h('li', { class: 'empty muted' }, store.loaded ? 'No agents match.' : 'Loading…'));
    // Measures: the first render with data, then every render after an update.
    if (store.loaded) {
      performance.measure(rendered++ ? 'cam:dashboard-update' : 'cam:dashboard', { start: started });
    }
  }
  let rendered = 0;

  const unsubscribe = store.subscribe(() => { options(); render(); });
  const tick = setInterval(() => {
    for (const span of list.querySelectorAll('.elapsed')) {
      if (!span.dataset.to) span.textContent = elapsed(span.dataset.from);
    }
  }, 1000);
  options();
  render();
  store.load().catch((e) => { error.hidden = false; error.textContent = e.message; });
  return { leave: () => { unsubscribe(); clearInterval(tick); } };
}

function row(a, lastLine) {
  const from = a.started_at || a.created_at;
  return h('li', { class: 'agent', dataset: { id: a.id, status: a.status } },
    h('a', { href: `#/agents/${encodeURIComponent(a.id)}` },
      h('div', { class: 'line' },
        h('span', { class: `badge status-${a.status}` }, a.status),
        h('strong', { class: 'name' }, a.name || a.short_id),
        h('span', { class: 'state' }, a.state),
        h('span', { class: 'elapsed', dataset: { from: from || '', to: a.finished_at || '' } },
          elapsed(from, a.finished_at))),
      h('div', { class: 'meta muted' }, [a.tool, a.context || a.cwd].filter(Boolean).join(' · ')),
      h('div', { class: 'last' }, lastLine || a.exit_reason || a.prompt || '')));
}
