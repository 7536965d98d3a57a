import { html } from '../../html.js';
import { addMessages, lang, t } from '../../i18n.js';

/*
 * The condition builder of the fields editor: a field's `visibleWhen` / `requiredWhen` as rows of field, operator
 * and value under "all" or "any", read from and written to the very JSON the server evaluates
 * (dev.orden.config.field.ConditionParser; tenant-config/schema/fields.schema.json, `condition`). What rows cannot
 * say (a group inside a group, `not`, a list or object compared whole) stays in the raw JSON box, which the toggle
 * also opens for any condition.
 */

addMessages({
  en: {
    'cond.mode': 'Holds when',
    'cond.mode.all': 'all of these hold', 'cond.mode.any': 'any of these holds',
    'cond.field': 'Field', 'cond.op': 'Operator', 'cond.value': 'Value', 'cond.values': 'Values (comma-separated)',
    'cond.op.equals': 'is', 'cond.op.notEquals': 'is not', 'cond.op.in': 'is one of',
    'cond.op.empty': 'is empty', 'cond.op.notEmpty': 'has a value',
    'cond.true': 'yes', 'cond.false': 'no',
    'cond.add': 'Add a condition', 'cond.remove': 'Remove', 'cond.removeRow': 'Remove condition {n}',
    'cond.row': 'Condition {n}', 'cond.none': 'Always (no condition).',
    'cond.noFields': 'There is no other field to refer to yet.',
    'cond.raw': 'Edit as JSON', 'cond.json': 'The condition as JSON',
    'cond.rawOnly': 'This condition nests groups or uses “not”: it is edited as JSON.',
    'cond.rawInvalid': 'Fix the JSON first: it cannot be shown as rows.',
  },
  es: {
    'cond.mode': 'Se cumple si',
    'cond.mode.all': 'se cumplen todas', 'cond.mode.any': 'se cumple alguna',
    'cond.field': 'Campo', 'cond.op': 'Operador', 'cond.value': 'Valor', 'cond.values': 'Valores (separados por comas)',
    'cond.op.equals': 'es', 'cond.op.notEquals': 'no es', 'cond.op.in': 'es uno de',
    'cond.op.empty': 'está vacío', 'cond.op.notEmpty': 'tiene valor',
    'cond.true': 'sí', 'cond.false': 'no',
    'cond.add': 'Añadir una condición', 'cond.remove': 'Quitar', 'cond.removeRow': 'Quitar la condición {n}',
    'cond.row': 'Condición {n}', 'cond.none': 'Siempre (sin condición).',
    'cond.noFields': 'Aún no hay otro campo al que referirse.',
    'cond.raw': 'Editar como JSON', 'cond.json': 'La condición en JSON',
    'cond.rawOnly': 'Esta condición anida grupos o usa «not»: se edita como JSON.',
    'cond.rawInvalid': 'Corrige antes el JSON: no se puede mostrar como filas.',
  },
});

export const OPERATORS = ['equals', 'notEquals', 'in', 'empty', 'notEmpty'];
const UNARY = ['empty', 'notEmpty'];

/** Paths whose condition is shown as JSON by the admin's choice (kept while the page lives). */
const rawByChoice = new Set();

/**
 * A condition as rows, `{mode: 'all' | 'any', rows: [{field, op, value}]}` (no condition: no rows), or null when
 * rows cannot say it.
 */
export function toRows(condition) {
  if (condition === undefined || condition === null) return { mode: 'all', rows: [] };
  if (typeof condition !== 'object' || Array.isArray(condition)) return null;
  const group = ['all', 'any'].find(name => name in condition);
  if (group && (Object.keys(condition).length !== 1 || !Array.isArray(condition[group]))) return null;
  const rows = (group ? condition[group] : [condition]).map(rowOf);
  return rows.includes(null) ? null : { mode: group ?? 'all', rows };
}

function rowOf(condition) {
  if (!condition || typeof condition !== 'object' || typeof condition.field !== 'string') return null;
  const ops = OPERATORS.filter(op => op in condition);
  if (ops.length !== 1 || Object.keys(condition).length !== 2) return null;
  const [op] = ops;
  const value = condition[op];
  if (UNARY.includes(op)) return value === true ? { field: condition.field, op } : null;
  if (op === 'in') return Array.isArray(value) && value.every(isScalar) ? { field: condition.field, op, value } : null;
  return isScalar(value) ? { field: condition.field, op, value } : null;
}

function isScalar(value) {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Rows as the server reads them: none → no condition, one → that comparison, more → `{all|any: [...]}`. */
export function fromRows(model) {
  const items = model.rows.map(row => {
    if (UNARY.includes(row.op)) return { field: row.field, [row.op]: true };
    if (row.op === 'in') return { field: row.field, in: row.value ?? [] };
    return { field: row.field, [row.op]: row.value ?? '' };
  });
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : { [model.mode]: items };
}

/** Text typed for a field of `type` as the JSON value the server compares with (numbers as numbers). */
export function typedValue(type, text) {
  if (type === 'number' || type === 'money') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (type === 'boolean') return text === 'true';
  return text;
}

/** A fresh row for `field`: its first option, yes, or nothing typed yet. */
function defaultValue(field) {
  if (field?.type === 'boolean') return true;
  if (field?.options?.length) return field.options[0].value;
  return '';
}

function idOf(path) {
  return `cond${path.replace(/[^a-zA-Z0-9_]/g, '-')}`;
}

function optionLabel(option) {
  return `${option.label?.[lang()] ?? option.label?.en ?? option.value} (${option.value})`;
}

/** The kit's node: `{kind: 'condition', name, label, hint}`; `ctx.ancestors.at(-1)` is the field it belongs to. */
export function drawCondition(node, value, path, ctx, drawJson) {
  const own = ctx.ancestors.at(-1)?.key;
  const fields = (ctx.bundle.fields ?? []).filter(field => field?.key && field.key !== own);
  const model = toRows(value);
  const raw = rawByChoice.has(path) || model === null || ctx.raw[path] !== undefined;
  const id = idOf(path);
  const body = raw
    ? html`${model === null && value !== undefined ? html`<p class="adm-hint">${t('cond.rawOnly')}</p>` : ''}
      ${drawJson({ ...node, kind: 'json', label: 'cond.json', hint: 'adm.hint.condition' }, value, path, ctx)}`
    : rowsView(model, fields, path, id);
  return html`<fieldset class="adm-field adm-wide adm-cond" data-anchor="${path}" data-condition="${path}"
      data-view="${raw ? 'json' : 'rows'}">
    <legend>${t(node.label)}</legend>
    ${body}
    <p class="adm-cond-tools"><button type="button" class="button-quiet" id="${id}-raw" data-action="cond-raw"
      data-path="${path}" aria-pressed="${raw ? 'true' : 'false'}">${t('cond.raw')}</button></p>
  </fieldset>`;
}

function rowsView(model, fields, path, id) {
  const rows = model.rows.map((row, i) => rowView(row, i, fields, path, id));
  return html`
    ${model.rows.length > 1 ? html`<div class="adm-cond-mode">
      <label for="${id}-mode">${t('cond.mode')}</label>
      <select id="${id}-mode" data-path="${path}" data-kind="cond" data-cond="mode">
        ${['all', 'any'].map(mode => html`<option value="${mode}" ${model.mode === mode ? 'selected' : ''}
          >${t(`cond.mode.${mode}`)}</option>`)}</select></div>` : ''}
    ${model.rows.length ? html`<ol class="adm-cond-rows">${rows}</ol>`
      : html`<p class="adm-hint">${t('cond.none')}</p>`}
    ${fields.length ? html`<button type="button" class="button-quiet" id="${id}-add" data-action="cond-add"
      data-path="${path}">${t('cond.add')}</button>` : html`<p class="adm-hint">${t('cond.noFields')}</p>`}`;
}

function rowView(row, i, fields, path, id) {
  const field = fields.find(f => f.key === row.field);
  const rowId = `${id}-${i}`;
  const known = !!field;
  return html`<li class="adm-cond-row" data-cond-row="${i}" data-field="${row.field}" data-op="${row.op}"
      aria-label="${t('cond.row', { n: i + 1 })}">
    <span class="adm-cond-part"><label for="${rowId}-field">${t('cond.field')}</label>
      <select id="${rowId}-field" data-path="${path}" data-kind="cond" data-cond="field">
        ${known ? '' : html`<option value="${row.field}" selected>${row.field}</option>`}
        ${fields.map(f => html`<option value="${f.key}" data-type="${f.type ?? 'text'}"
          data-default="${JSON.stringify(defaultValue(f))}" ${f.key === row.field ? 'selected' : ''}
          >${f.label?.[lang()] ?? f.label?.en ?? f.key} (${f.key})</option>`)}</select></span>
    <span class="adm-cond-part"><label for="${rowId}-op">${t('cond.op')}</label>
      <select id="${rowId}-op" data-path="${path}" data-kind="cond" data-cond="op">
        ${OPERATORS.map(op => html`<option value="${op}" ${op === row.op ? 'selected' : ''}>${t(`cond.op.${op}`)}</option>`)}
      </select></span>
    ${UNARY.includes(row.op) ? '' : valueView(row, field, path, rowId)}
    <button type="button" class="button-quiet adm-remove" id="${rowId}-remove" data-action="cond-remove"
      data-path="${path}" data-index="${i}" aria-label="${t('cond.removeRow', { n: i + 1 })}">${t('cond.remove')}</button>
  </li>`;
}

function valueView(row, field, path, rowId) {
  const options = field?.options ?? [];
  const control = `${rowId}-value`;
  if (row.op === 'in' && options.length) {
    const chosen = row.value ?? [];
    return html`<fieldset class="adm-cond-part adm-checks"><legend>${t('cond.values')}</legend>
      ${options.map((o, n) => html`<label class="adm-check" for="${control}-${n}"><input type="checkbox"
        id="${control}-${n}" data-path="${path}" data-kind="cond" data-cond="in" data-option="${o.value}"
        ${chosen.includes(o.value) ? 'checked' : ''}> ${optionLabel(o)}</label>`)}</fieldset>`;
  }
  if (row.op === 'in') {
    return html`<span class="adm-cond-part"><label for="${control}">${t('cond.values')}</label>
      <input id="${control}" type="text" data-path="${path}" data-kind="cond" data-cond="value" autocomplete="off"
        value="${(row.value ?? []).join(', ')}"></span>`;
  }
  if (field?.type === 'boolean' || options.length) {
    const choices = field.type === 'boolean'
      ? [{ value: 'true', label: t('cond.true') }, { value: 'false', label: t('cond.false') }]
      : options.map(o => ({ value: o.value, label: optionLabel(o) }));
    return html`<span class="adm-cond-part"><label for="${control}">${t('cond.value')}</label>
      <select id="${control}" data-path="${path}" data-kind="cond" data-cond="value">
        ${choices.map(c => html`<option value="${c.value}" ${String(row.value) === c.value ? 'selected' : ''}
          >${c.label}</option>`)}</select></span>`;
  }
  const number = field?.type === 'number' || field?.type === 'money';
  return html`<span class="adm-cond-part"><label for="${control}">${t('cond.value')}</label>
    <input id="${control}" type="${number ? 'number' : 'text'}" ${number ? 'step="any"' : ''} data-path="${path}"
      data-kind="cond" data-cond="value" autocomplete="off" value="${row.value ?? ''}"></span>`;
}

/**
 * The condition the builder around `input` shows now, as the kit's `readInput` answers (`{value}`). A row whose
 * field changed starts from that field's default; an operator change keeps what fits (one value ↔ a list).
 */
export function readCondition(input) {
  const box = input.closest('[data-condition]');
  const mode = box.querySelector('[data-cond=mode]')?.value ?? 'all';
  const rows = [...box.querySelectorAll('[data-cond-row]')].map(li => readRow(li));
  return { value: fromRows({ mode, rows }) };
}

function readRow(li) {
  const select = li.querySelector('[data-cond=field]');
  const field = select.value;
  const op = li.querySelector('[data-cond=op]').value;
  if (UNARY.includes(op)) return { field, op };
  if (field !== li.dataset.field) {
    const value = JSON.parse(select.selectedOptions[0]?.dataset.default ?? '""');
    return { field, op, value: op === 'in' ? [value] : value };
  }
  const shown = shownValue(li, select.selectedOptions[0]?.dataset.type);
  if (op === li.dataset.op) return { field, op, value: shown };
  const single = Array.isArray(shown) ? shown[0] : shown;
  const empty = single === undefined || single === null || single === '';
  return { field, op, value: op === 'in' ? (empty ? [] : [single]) : (empty ? '' : single) };
}

/** What the row's value controls hold, as the operator they were drawn for reads them. */
function shownValue(li, type) {
  const drawnFor = li.dataset.op;
  if (UNARY.includes(drawnFor)) return undefined;
  const boxes = [...li.querySelectorAll('[data-cond=in]')];
  if (boxes.length) return boxes.filter(b => b.checked).map(b => b.dataset.option);
  const text = li.querySelector('[data-cond=value]')?.value ?? '';
  if (drawnFor === 'in') return text.split(',').map(s => s.trim()).filter(Boolean).map(s => typedValue(type, s));
  return typedValue(type, text);
}

/**
 * A click on one of the builder's buttons in `editor` (an AdminEditor): add or remove a row, or switch between
 * rows and JSON. The condition is written into the editor's value at the button's path and the form drawn again.
 */
export function conditionAction(editor, button) {
  const { action, path } = button.dataset;
  const id = idOf(path);
  const current = getAt(editor.value, path);
  if (action === 'cond-raw') {
    const model = toRows(current);
    if (rawByChoice.has(path) || editor.raw[path] !== undefined || model === null) {
      if (editor.raw[path] !== undefined || model === null) {
        editor.message = null;
        announce(button, t(editor.raw[path] !== undefined ? 'cond.rawInvalid' : 'cond.rawOnly'));
        return;
      }
      rawByChoice.delete(path);
    } else {
      rawByChoice.add(path);
    }
    editor.render();
    editor.querySelector(`#${CSS.escape(`${id}-raw`)}`)?.focus();
    return;
  }
  const model = toRows(current) ?? { mode: 'all', rows: [] };
  if (action === 'cond-add') {
    const own = path.split('/')[1];
    const fields = (editor.ctx().bundle.fields ?? []).filter((f, i) => f?.key && String(i) !== own);
    const field = fields.find(f => !model.rows.some(row => row.field === f.key)) ?? fields[0];
    model.rows.push({ field: field.key, op: 'equals', value: defaultValue(field) });
  } else if (action === 'cond-remove') {
    model.rows.splice(Number(button.dataset.index), 1);
  }
  setAt(editor.value, path, fromRows(model));
  editor.dirty = true;
  editor.message = null;
  editor.render();
  const focus = action === 'cond-add' ? `${id}-${model.rows.length - 1}-field` : `${id}-add`;
  (editor.querySelector(`#${CSS.escape(focus)}`) ?? editor.querySelector(`#${CSS.escape(`${id}-raw`)}`))?.focus();
  editor.refresh();
}

function announce(button, text) {
  const box = button.closest('[data-condition]');
  let note = box.querySelector('.adm-cond-note');
  if (!note) {
    note = document.createElement('p');
    note.className = 'adm-error adm-cond-note';
    note.setAttribute('role', 'alert');
    button.parentElement.before(note);
  }
  note.textContent = text;
}

// JSON pointers as the kit reads them (kit.js imports this module, so they are not imported from it).
function getAt(root, path) {
  return path.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((value, s) => (value == null ? undefined : value[s]), root);
}

function setAt(root, path, value) {
  const parts = path.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = parts.pop();
  let target = root;
  for (const part of parts) {
    if (target[part] == null) target[part] = {};
    target = target[part];
  }
  if (value === undefined) delete target[last];
  else target[last] = value;
}
