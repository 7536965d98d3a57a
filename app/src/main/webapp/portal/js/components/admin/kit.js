import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { drawCondition, readCondition } from './condition-builder.js';

/*
 * A small form kit for the configuration editors: a part is described by nodes (text, number, bool, choice,
 * localized, tags, checks, json, condition, textarea, group, list) and drawn as labelled controls, each carrying the JSON
 * pointer of its value inside the part (`data-path`), so that input, the server's errors and the client's checks
 * all meet at the same address.
 */

export const KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

export const text = (name, label, o = {}) => ({ kind: 'text', name, label, ...o });
export const number = (name, label, o = {}) => ({ kind: 'number', name, label, ...o });
export const bool = (name, label, o = {}) => ({ kind: 'bool', name, label, ...o });
export const choice = (name, label, options, o = {}) => ({ kind: 'choice', name, label, options, ...o });
export const localized = (name, label, o = {}) => ({ kind: 'localized', name, label, ...o });
export const tags = (name, label, o = {}) => ({ kind: 'tags', name, label, ...o });
export const checks = (name, label, options, o = {}) => ({ kind: 'checks', name, label, options, ...o });
export const json = (name, label, o = {}) => ({ kind: 'json', name, label, ...o });
export const condition = (name, label, o = {}) => ({ kind: 'condition', name, label, ...o });
export const textarea = (name, label, o = {}) => ({ kind: 'textarea', name, label, ...o });
export const group = (name, label, props, o = {}) => ({ kind: 'group', name, label, props, ...o });
export const list = (name, label, item, o = {}) => ({ kind: 'list', name, label, item, ...o });
export const key = (o = {}) => text('key', 'adm.f.key', { required: true, pattern: KEY_PATTERN, ...o });

/** `/a/0/b` ↔ ['a', '0', 'b'] (RFC 6901 escapes). */
export function segments(path) {
  return path ? path.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
}

export function join(path, name) {
  return `${path}/${String(name).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function getAt(root, path) {
  return segments(path).reduce((value, s) => (value == null ? undefined : value[s]), root);
}

/** Sets (or with `undefined` removes) the value at `path`, making the objects on the way. */
export function setAt(root, path, value) {
  const parts = segments(path);
  const last = parts.pop();
  let target = root;
  for (const part of parts) {
    if (target[part] == null) target[part] = {};
    target = target[part];
  }
  if (value === undefined) {
    if (Array.isArray(target)) target.splice(Number(last), 1);
    else delete target[last];
  } else {
    target[last] = value;
  }
}

/** Empty texts and objects left by editing are dropped (a cleared optional value is no value). */
export function prune(value) {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const pruned = prune(v);
      const empty = pruned === undefined || pruned === ''
        || (pruned && typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0);
      if (!empty) out[k] = pruned;
    }
    return out;
  }
  return value;
}

function id(path) {
  return `adm${path.replace(/[^a-zA-Z0-9_]/g, '-')}`;
}

function optionsOf(node, ctx) {
  const options = typeof node.options === 'function' ? node.options(ctx) : node.options;
  return options.map(o => (typeof o === 'object' ? o : { value: o, label: o }));
}

function labelOf(node) {
  return html`${t(node.label)}${node.required ? html`<span aria-hidden="true" class="adm-req"> *</span>` : ''}`;
}

function hint(node, path) {
  return node.hint ? html`<p class="adm-hint" id="${id(path)}-hint">${t(node.hint)}</p>` : '';
}

/**
 * Draws `node` holding `value` at `path`. `ctx`: `{ bundle, raw, open, ancestors }` — the draft bundle (for options
 * naming other parts), the text of JSON boxes as typed, the open rows, and the objects around this one.
 */
export function draw(node, value, path, ctx) {
  if (node.when && !node.when(ctx.ancestors.at(-1), ctx)) return '';
  const described = node.hint ? `${id(path)}-hint` : '';
  const common = { id: id(path), path, described };
  switch (node.kind) {
    case 'text':
    case 'number': {
      const type = node.kind === 'number' ? 'number' : (node.inputType ?? 'text');
      return html`<div class="adm-field" data-anchor="${path}">
        <label for="${common.id}">${labelOf(node)}</label>
        <input id="${common.id}" type="${type}" data-path="${path}" data-kind="${node.kind}"
          value="${value ?? ''}" ${node.required ? html`aria-required="true"` : ''}
          ${node.kind === 'number' ? html`step="${node.step ?? 'any'}"` : ''}
          ${node.min !== undefined ? html`min="${node.min}"` : ''} ${node.max !== undefined ? html`max="${node.max}"` : ''}
          ${node.list ? html`list="${node.list}"` : ''} ${described ? html`aria-describedby="${described}"` : ''}
          autocomplete="off">
        ${hint(node, path)}</div>`;
    }
    case 'textarea':
    case 'json': {
      const shown = node.kind === 'json'
        ? (ctx.raw[path] ?? (value === undefined ? '' : JSON.stringify(value))) : (value ?? '');
      return html`<div class="adm-field adm-wide" data-anchor="${path}">
        <label for="${common.id}">${labelOf(node)}</label>
        <textarea id="${common.id}" data-path="${path}" data-kind="${node.kind}" rows="${node.rows ?? 3}"
          ${described ? html`aria-describedby="${described}"` : ''} spellcheck="${node.kind === 'json' ? 'false' : 'true'}"
          >${shown}</textarea>
        ${hint(node, path)}</div>`;
    }
    case 'bool':
      return html`<div class="adm-field adm-check" data-anchor="${path}">
        <input id="${common.id}" type="checkbox" data-path="${path}" data-kind="bool" ${value ? 'checked' : ''}
          ${described ? html`aria-describedby="${described}"` : ''}>
        <label for="${common.id}">${t(node.label)}</label>${hint(node, path)}</div>`;
    case 'choice': {
      const options = optionsOf(node, ctx);
      const known = value === undefined || value === '' || options.some(o => o.value === value);
      return html`<div class="adm-field" data-anchor="${path}">
        <label for="${common.id}">${labelOf(node)}</label>
        <select id="${common.id}" data-path="${path}" data-kind="choice"
          ${described ? html`aria-describedby="${described}"` : ''}>
          ${node.required && value ? '' : html`<option value="">${t('adm.none')}</option>`}
          ${known ? '' : html`<option value="${value}" selected>${value}</option>`}
          ${options.map(o => html`<option value="${o.value}" ${o.value === value ? 'selected' : ''}>${o.label}</option>`)}
        </select>${hint(node, path)}</div>`;
    }
    case 'localized':
      return html`<fieldset class="adm-field adm-localized" data-anchor="${path}">
        <legend>${labelOf(node)}</legend>
        ${['es', 'en'].map(language => html`
          <label class="adm-lang" for="${id(join(path, language))}" data-anchor="${join(path, language)}">
            <span lang="${language}">${language.toUpperCase()}</span>
            <input id="${id(join(path, language))}" type="text" data-path="${join(path, language)}" data-kind="text"
              lang="${language}" value="${value?.[language] ?? ''}" autocomplete="off"
              aria-label="${t(node.label)} (${t(`adm.lang.${language}`)})"></label>`)}
      </fieldset>`;
    case 'tags':
      return html`<div class="adm-field" data-anchor="${path}">
        <label for="${common.id}">${labelOf(node)}</label>
        <input id="${common.id}" type="text" data-path="${path}" data-kind="${node.numbers ? 'numbers' : 'tags'}"
          value="${(value ?? []).join(', ')}" aria-describedby="${common.id}-hint" autocomplete="off">
        <p class="adm-hint" id="${common.id}-hint">${t(node.hint ?? 'adm.commas')}</p></div>`;
    case 'checks': {
      const options = optionsOf(node, ctx);
      const extra = (value ?? []).filter(v => !options.some(o => o.value === v)).map(v => ({ value: v, label: v }));
      const all = [...options, ...extra];
      return html`<fieldset class="adm-field adm-checks" data-anchor="${path}">
        <legend>${labelOf(node)}</legend>
        ${all.length === 0 ? html`<p class="adm-hint">${t(node.empty ?? 'adm.noOptions')}</p>` : ''}
        ${all.map((o, i) => html`<label class="adm-check" for="${common.id}-${i}">
          <input id="${common.id}-${i}" type="checkbox" data-path="${path}" data-kind="check" data-value="${o.value}"
            ${(value ?? []).includes(o.value) ? 'checked' : ''}> ${o.label}</label>`)}
        ${hint(node, path)}</fieldset>`;
    }
    case 'condition':
      return drawCondition(node, value, path, ctx, draw);
    case 'group':
      return html`<fieldset class="adm-group" data-anchor="${path}"><legend>${t(node.label)}</legend>
        ${hint(node, path)}
        ${drawProps(node.props, value ?? {}, path, ctx)}</fieldset>`;
    case 'list':
      return drawList(node, value ?? [], path, ctx);
    default:
      return '';
  }
}

export function drawProps(props, value, path, ctx) {
  const inner = { ...ctx, ancestors: [...ctx.ancestors, value] };
  return props.map(p => draw(p, value?.[p.name], p.name === null ? path : join(path, p.name), inner));
}

function drawList(node, items, path, ctx) {
  const depth = ctx.depth ?? 0;
  const rows = items.map((item, i) => {
    const rowPath = join(path, i);
    const title = (node.title ? node.title(item, i) : '') || t('adm.row', { n: i + 1 });
    const inner = { ...ctx, depth: depth + 1 };
    const body = html`
      <div class="adm-row-body">${node.item.props ? drawProps(node.item.props, item, rowPath, inner)
        : draw({ ...node.item, name: null, label: node.itemLabel ?? node.label }, item, rowPath,
          { ...inner, ancestors: [...ctx.ancestors, items] })}</div>
      ${node.extra ? html`<div class="adm-extra" data-extra="${rowPath}">${node.extra(item, rowPath, ctx)}</div>` : ''}
      ${node.fixed ? '' : rowTools(title, rowPath, i, items.length)}`;
    if (depth === 0 && node.collapsible !== false) {
      return html`<li class="adm-row" data-anchor="${rowPath}">
        <details data-row="${rowPath}" ${ctx.open.has(rowPath) ? 'open' : ''}>
          <summary><span class="adm-row-title">${title}</span></summary>${body}</details></li>`;
    }
    return html`<li class="adm-row adm-row-flat" data-anchor="${rowPath}">
      ${node.rowHeading === false ? '' : html`<p class="adm-row-title">${title}</p>`}${body}</li>`;
  });
  return html`<fieldset class="adm-list adm-depth-${depth}" data-anchor="${path}">
    <legend>${t(node.label)}</legend>${hint(node, path)}
    ${items.length ? html`<ol class="adm-rows">${rows}</ol>` : html`<p class="adm-hint">${t('adm.emptyList')}</p>`}
    ${node.fixed ? '' : html`<button type="button" class="button-quiet" data-action="add" data-path="${path}"
      >${t(node.add ?? 'adm.add')}</button>`}
  </fieldset>`;
}

function rowTools(title, path, i, count) {
  return html`<div class="adm-row-tools">
    <button type="button" class="button-quiet" data-action="up" data-path="${path}" ${i === 0 ? 'disabled' : ''}
      aria-label="${t('adm.up')}: ${title}">↑</button>
    <button type="button" class="button-quiet" data-action="down" data-path="${path}"
      ${i === count - 1 ? 'disabled' : ''} aria-label="${t('adm.down')}: ${title}">↓</button>
    <button type="button" class="button-quiet adm-remove" data-action="remove" data-path="${path}"
      aria-label="${t('adm.remove')}: ${title}">${t('adm.remove')}</button></div>`;
}

/** The value an input holds, as its kind reads it; `{error}` when it cannot be read. */
export function readInput(input, current) {
  const raw = input.value;
  switch (input.dataset.kind) {
    case 'bool': return { value: input.checked || undefined };
    case 'number': {
      if (raw.trim() === '') return { value: undefined };
      const n = Number(raw);
      return Number.isFinite(n) ? { value: n } : { error: 'adm.err.number' };
    }
    case 'tags': return { value: split(raw) };
    case 'numbers': {
      const values = split(raw).map(Number);
      return values.every(Number.isFinite) ? { value: values } : { error: 'adm.err.number' };
    }
    case 'check': {
      const set = new Set(current ?? []);
      if (input.checked) set.add(input.dataset.value); else set.delete(input.dataset.value);
      return { value: [...set] };
    }
    case 'cond': return readCondition(input);
    case 'json':
      if (raw.trim() === '') return { value: undefined };
      try { return { value: JSON.parse(raw) }; } catch { return { error: 'adm.err.json' }; }
    default:
      return { value: raw === '' ? undefined : raw };
  }
}

function split(raw) {
  const values = raw.split(',').map(s => s.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

/**
 * The client's checks of `value` against `node`: required values, key patterns, numbers within `min`/`max` (whole
 * with `step` 1), both languages of a bilingual text, keys unique within a list. Each error `{path, message}` like the server's, so both are shown alike.
 */
export function check(node, value, path, ctx, errors = []) {
  if (node.when && !node.when(ctx.ancestors.at(-1), ctx)) return errors;
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (node.required && empty && node.kind !== 'localized') errors.push({ path, message: t('adm.err.required') });
  if (node.pattern && typeof value === 'string' && value !== '' && !node.pattern.test(value)) {
    errors.push({ path, message: t(node.patternMessage ?? 'adm.err.key') });
  }
  if (node.kind === 'number' || node.numbers) {
    [value].flat().forEach((n, i) => outOfRange(node, n, Array.isArray(value) ? join(path, i) : path, errors));
  }
  if (node.kind === 'localized' && (node.required || value)) {
    for (const language of ['es', 'en']) {
      if (!value?.[language]) errors.push({ path: join(path, language), message: t('adm.err.required') });
    }
  }
  if (node.kind === 'group' && value) {
    node.props.forEach(p => check(p, value[p.name], join(path, p.name), { ...ctx, ancestors: [...ctx.ancestors, value] }, errors));
  }
  if (node.kind === 'list') {
    const seen = new Map();
    (value ?? []).forEach((item, i) => {
      const rowPath = join(path, i);
      if (node.item.props) {
        node.item.props.forEach(p => check(p, item?.[p.name], join(rowPath, p.name),
          { ...ctx, ancestors: [...ctx.ancestors, item] }, errors));
      }
      const unique = node.unique && item?.[node.unique];
      if (unique && seen.has(unique)) {
        errors.push({ path: join(rowPath, node.unique), message: t('adm.err.unique', { key: unique }) });
      }
      if (unique) seen.set(unique, i);
    });
  }
  return errors;
}

function outOfRange(node, n, path, errors) {
  if (typeof n !== 'number') return;
  if (node.step === 1 && !Number.isInteger(n)) errors.push({ path, message: t('adm.err.integer') });
  else if (node.min !== undefined && n < node.min) errors.push({ path, message: t('adm.err.min', { min: node.min }) });
  else if (node.max !== undefined && n > node.max) errors.push({ path, message: t('adm.err.max', { max: node.max }) });
}
