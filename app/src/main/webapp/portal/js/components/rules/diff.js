import { html } from '../../html.js';
import { t } from '../../i18n.js';

const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

/**
 * The lines of `before` and `after` as kept (' '), removed ('-') and added ('+'), by longest common subsequence
 * after the common head and tail are set aside; past MAX_CELLS the middle is shown as all removed, then all added.
 */
export function lineDiff(before, after) {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head
    && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const middle = a.length * b.length > MAX_CELLS ? [...a.map(text => ['-', text]), ...b.map(text => ['+', text])]
    : lcs(a, b);
  const ops = [...before.slice(0, head).map(text => [' ', text]), ...middle,
    ...before.slice(before.length - tail).map(text => [' ', text])];
  let left = 0;
  let right = 0;
  return ops.map(([op, text]) => ({
    op, text, left: op === '+' ? null : ++left, right: op === '-' ? null : ++right,
  }));
}

function lcs(a, b) {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push([' ', a[i]]); i++; j++; }
    else if (table[i + 1][j] >= table[i][j + 1]) out.push(['-', a[i++]]);
    else out.push(['+', b[j++]]);
  }
  while (i < n) out.push(['-', a[i++]]);
  while (j < m) out.push(['+', b[j++]]);
  return out;
}

/** A bundle as the files of its tenant-config folder: `rules/<key>.js` and friends, one `<part>.json` for the rest. */
export function bundleFiles(bundle) {
  const files = new Map();
  for (const [part, value] of Object.entries(bundle ?? {})) {
    if (part !== 'rules') files.set(`${part}.json`, pretty(value));
  }
  for (const rule of bundle?.rules ?? []) {
    const { source, tests, ...descriptor } = rule;
    files.set(`rules/${rule.key}.json`, pretty(descriptor));
    files.set(`rules/${rule.key}.js`, source ?? '');
    if (tests) files.set(`rules/${rule.key}.test.json`, pretty(tests));
  }
  return files;
}

/** The files that differ between two bundles, rules first, each with its line diff. */
export function changedFiles(before, after) {
  const a = bundleFiles(before);
  const b = bundleFiles(after);
  const names = [...new Set([...a.keys(), ...b.keys()])]
    .sort((x, y) => Number(!x.startsWith('rules/')) - Number(!y.startsWith('rules/')) || x.localeCompare(y));
  return names.filter(name => a.get(name) !== b.get(name)).map(name => ({
    name,
    status: !a.has(name) ? 'added' : !b.has(name) ? 'removed' : 'changed',
    lines: lineDiff(split(a.get(name)), split(b.get(name))),
  }));
}

function split(text) {
  return text === undefined ? [] : text.split('\n');
}

export function pretty(value) {
  return JSON.stringify(value, null, 2);
}

/** Runs of unchanged lines longer than the context around changes become one "n unchanged lines" row. */
function hunks(lines) {
  const near = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.op === ' ') return;
    for (let k = Math.max(0, i - CONTEXT); k <= Math.min(lines.length - 1, i + CONTEXT); k++) near[k] = true;
  });
  const out = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (near[i]) {
      if (skipped) out.push({ skipped });
      skipped = 0;
      out.push(line);
    } else skipped++;
  });
  if (skipped) out.push({ skipped });
  return out;
}

function marker(op) {
  if (op === ' ') return '';
  return html`<span aria-hidden="true">${op}</span><span class="visually-hidden">${
    t(op === '+' ? 'diff.added' : 'diff.removed')}</span>`;
}

function opClass(op) {
  return op === '+' ? 'diff-add' : op === '-' ? 'diff-del' : 'diff-same';
}

/** One file's changes as a table: old and new line numbers, the change (said in words too) and the text. */
export function unifiedTable(file) {
  return html`
    <table class="diff diff-unified">
      <caption class="visually-hidden">${file.name}</caption>
      <thead class="visually-hidden"><tr><th scope="col">${t('diff.oldLine')}</th>
        <th scope="col">${t('diff.newLine')}</th><th scope="col">${t('diff.change')}</th>
        <th scope="col">${t('diff.text')}</th></tr></thead>
      <tbody>
        ${hunks(file.lines).map(line => line.skipped ? html`
          <tr class="diff-skip"><td colspan="4">${t('diff.unchanged', { n: line.skipped })}</td></tr>` : html`
          <tr class="${opClass(line.op)}"><td class="ln">${line.left ?? ''}</td><td class="ln">${line.right ?? ''}</td>
            <td class="op">${marker(line.op)}</td><td class="code"><code>${line.text}</code></td></tr>`)}
      </tbody>
    </table>`;
}

/** The same changes side by side: removed lines on the left paired with the lines added in their place. */
export function splitTable(file) {
  const rows = [];
  const shown = hunks(file.lines);
  for (let i = 0; i < shown.length;) {
    const line = shown[i];
    if (line.skipped || line.op === ' ') {
      rows.push(line.skipped ? line : { left: line, right: line });
      i++;
      continue;
    }
    const removed = [];
    const added = [];
    while (i < shown.length && shown[i].op === '-') removed.push(shown[i++]);
    while (i < shown.length && shown[i].op === '+') added.push(shown[i++]);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) rows.push({ left: removed[k], right: added[k] });
  }
  const side = (line, number) => (line ? html`<td class="ln">${line[number]}</td>
    <td class="code ${opClass(line.op)}">${marker(line.op)}<code>${line.text}</code></td>`
    : html`<td class="ln"></td><td class="code"></td>`);
  return html`
    <table class="diff diff-split">
      <caption class="visually-hidden">${file.name}</caption>
      <thead class="visually-hidden"><tr><th scope="col">${t('diff.oldLine')}</th><th scope="col">${t('diff.text')}</th>
        <th scope="col">${t('diff.newLine')}</th><th scope="col">${t('diff.text')}</th></tr></thead>
      <tbody>
        ${rows.map(row => row.skipped ? html`
          <tr class="diff-skip"><td colspan="4">${t('diff.unchanged', { n: row.skipped })}</td></tr>` : html`
          <tr>${side(row.left, 'left')}${side(row.right, 'right')}</tr>`)}
      </tbody>
    </table>`;
}
