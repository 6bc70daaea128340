// The agent's screen as a terminal (xterm.js), redrawn whenever the agent shows activity. It is
// read-only until the user switches typing on; then keys go to the agent through the input route.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { inputsOf } from '../term-input.js';
import { adoptStyles } from '../term-styles.js';

const REFRESH_MS = 150;
const BACKSTOP_MS = 5000;
const MIN_FONT = 8;
const MAX_FONT = 13;
// Screen text is shown, never obeyed: escape and other control characters are dropped.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

export function terminal(view, id) {
  const box = h('div', { class: 'term', id: 'term' });
  const typing = h('input', { type: 'checkbox', id: 'term-typing' });
  const message = h('p', { class: 'message muted', id: 'term-message', role: 'status' }, 'Read-only.');
  replace(view,
    h('section', { class: 'toolbar' }, h('h1', {}, 'Terminal'),
      h('a', { href: `#/agents/${encodeURIComponent(id)}` }, 'Back to the agent')),
    h('label', { class: 'check' }, typing, ' Type into the terminal'),
    box, message);
  stylesheet();

  let term = null;
  let left = false;
  let timer = null;
  let queue = Promise.resolve();
  const unadopt = adoptStyles(box);

  async function redraw() {
    if (!term || left) return;
    try {
      const screen = await api.output(id);
      if (left) return;
      if (screen.width > 0 && screen.height > 0 && (term.cols !== screen.width || term.rows !== screen.height)) {
        term.resize(Math.min(screen.width, 500), Math.min(screen.height, 200));
        fit();
      }
      const text = screen.lines.map((line) => line.replace(CONTROL, '')).join('\r\n');
      term.write(`\x1b[H\x1b[2J\x1b[3J${text}`);
      box.dataset.capturedAt = screen.captured_at || '';
    } catch (e) {
      message.textContent = `Screen not available: ${e.message}`;
    }
  }
  // A phone shows the whole width of the agent's screen down to a small font, then scrolls.
  function fit() {
    if (!term) return;
    const size = Math.max(MIN_FONT, Math.min(MAX_FONT, Math.floor((box.clientWidth - 12) / (term.cols * 0.62))));
    if (term.options.fontSize !== size) term.options.fontSize = size;
  }
  const soon = () => { clearTimeout(timer); timer = setTimeout(redraw, REFRESH_MS); };

  function type(data) {
    for (const body of inputsOf(data)) {
      queue = queue.then(() => api.input(id, body)).then(soon)
        .catch((e) => { message.textContent = `Not sent: ${e.message}`; });
    }
  }

  typing.addEventListener('change', () => {
    if (!term) return;
    term.options.disableStdin = !typing.checked;
    term.options.cursorBlink = typing.checked;
    message.textContent = typing.checked ? 'Typing goes to the agent.' : 'Read-only.';
    if (typing.checked) term.focus();
  });

  import('../vendor/xterm/xterm.mjs').then(({ Terminal }) => {
    if (left) return;
    term = new Terminal({ disableStdin: true, convertEol: false, scrollback: 0, fontSize: MAX_FONT,
      fontFamily: 'ui-monospace, Menlo, Consolas, monospace', theme: { background: '#0f141b' } });
    term.open(box);
    term.onData(type);
    fit();
    redraw();
  }).catch((e) => { message.textContent = `The terminal could not be loaded: ${e.message}`; });
  window.addEventListener('resize', fit);
  const backstop = setInterval(() => { if (!document.hidden) redraw(); }, BACKSTOP_MS);

  return {
    frame: (f) => { if (f.agent_id && f.agent_id.startsWith(id)) soon(); },
    leave: () => {
      left = true;
      clearTimeout(timer);
      clearInterval(backstop);
      window.removeEventListener('resize', fit);
      if (term) term.dispose();
      unadopt();
    },
  };
}

function stylesheet() {
  if (document.querySelector('link[data-xterm]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: 'vendor/xterm/xterm.css', 'data-xterm': true }));
}
