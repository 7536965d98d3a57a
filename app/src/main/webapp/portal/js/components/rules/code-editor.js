/**
 * CodeMirror 5 from its WebJar (docs/portal.md, Rules): loaded on first use as files of this origin, so the portal's
 * Content-Security-Policy holds unchanged. Without it the plain textarea stays, and works.
 */
const BASE = '/webjars/codemirror/5.65.21';
let loading;

function script(src) {
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = src;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(element);
  });
}

function loadCodeMirror() {
  loading ??= (async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${BASE}/lib/codemirror.css`;
    document.head.append(link);
    await script(`${BASE}/lib/codemirror.js`);
    await script(`${BASE}/mode/javascript/javascript.js`);
    await script(`${BASE}/addon/edit/matchbrackets.js`);
    return window.CodeMirror;
  })();
  return loading;
}

/**
 * Turns `textarea` into a highlighting editor; `onChange(text)` on every edit. Tab is left to the browser, so that
 * keyboard users can leave the editor (Ctrl-] and Ctrl-[ indent instead).
 */
export async function codeEditor(textarea, { label, json = false, onChange }) {
  const CodeMirror = await loadCodeMirror();
  if (!textarea.isConnected) return null;
  const editor = CodeMirror.fromTextArea(textarea, {
    mode: json ? { name: 'javascript', json: true } : 'javascript',
    lineNumbers: true,
    matchBrackets: true,
    indentUnit: 2,
    tabSize: 2,
    viewportMargin: Infinity,
    screenReaderLabel: label,
    extraKeys: { Tab: false, 'Shift-Tab': false },
  });
  editor.on('change', () => onChange?.(editor.getValue()));
  return editor;
}
