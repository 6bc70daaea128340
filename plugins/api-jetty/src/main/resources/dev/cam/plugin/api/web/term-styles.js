// xterm.js writes its measured cell sizes and its theme into <style> elements. The app's
// Content-Security-Policy allows style sheets from this server only, so the browser ignores those
// elements; their text is copied into constructed style sheets instead, which the policy allows.
export function adoptStyles(root) {
  const sheets = new Map();
  const sync = () => {
    const present = new Set(root.querySelectorAll('style'));
    for (const element of present) {
      if (!sheets.has(element)) sheets.set(element, new CSSStyleSheet());
      sheets.get(element).replaceSync(element.textContent);
    }
    for (const element of [...sheets.keys()]) if (!present.has(element)) sheets.delete(element);
    const others = document.adoptedStyleSheets.filter((s) => !s.camTerminal);
    for (const sheet of sheets.values()) sheet.camTerminal = true;
    document.adoptedStyleSheets = [...others, ...sheets.values()];
  };
  const observer = new MutationObserver(sync);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return () => {
    observer.disconnect();
    sheets.clear();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !s.camTerminal);
  };
}
