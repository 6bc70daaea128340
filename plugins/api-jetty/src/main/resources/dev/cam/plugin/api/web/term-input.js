// What a terminal sends (bytes as a string) turned into the input route's bodies: plain text is
// typed without Enter, control characters and escape sequences become tmux key names.
const SEQUENCES = {
  '\r': 'Enter', '\n': 'Enter', '\x1b': 'Escape', '\x7f': 'BSpace', '\b': 'BSpace', '\t': 'Tab',
  '\x1b[Z': 'BTab', '\x1b[A': 'Up', '\x1b[B': 'Down', '\x1b[C': 'Right', '\x1b[D': 'Left',
  '\x1bOA': 'Up', '\x1bOB': 'Down', '\x1bOC': 'Right', '\x1bOD': 'Left', '\x1b[H': 'Home',
  '\x1b[F': 'End', '\x1bOH': 'Home', '\x1bOF': 'End', '\x1b[2~': 'IC', '\x1b[3~': 'DC',
  '\x1b[5~': 'PPage', '\x1b[6~': 'NPage',
};
// An escape sequence, a single control character, or a run of printable text.
const TOKEN = /\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])?|[\x00-\x1f\x7f]|[^\x00-\x1f\x7f]+/g;

/** The bodies to POST, in order; sequences that have no key name are dropped. */
export function inputsOf(data) {
  const inputs = [];
  for (const token of data.match(TOKEN) || []) {
    const key = keyOf(token);
    if (key) inputs.push({ keys: [key] });
    else if (!token.startsWith('\x1b') && token.charCodeAt(0) >= 0x20) inputs.push({ text: token, enter: false });
  }
  return inputs;
}

function keyOf(token) {
  if (SEQUENCES[token]) return SEQUENCES[token];
  const code = token.charCodeAt(0);
  if (token.length === 1 && code >= 1 && code <= 26) return `C-${String.fromCharCode(code + 96)}`;
  return null;
}
