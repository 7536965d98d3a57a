import { api } from '../../api.js';
import { html } from '../../html.js';
import { addMessages, formatDateTime, lang, t } from '../../i18n.js';
import { isEmpty, problems, visibility } from '../requester/conditions.js';
import { attachmentLimits, refusal, sizeText, stageFile } from '../requester/uploads.js';

// The one renderer of the tenant's form fields (the requester's new order, the form editor's live preview and the
// staff order page's details): every field type's controls, its value read back as the API takes it (strings,
// numbers, booleans, lists, {address, lat, lon}; an empty control reads as null), and `LiveFields`, which shows and
// hides conditional fields and checks values as the server does (requester/conditions.js).

addMessages({
  en: {
    'form.choose': '— Choose —',
    'form.requiredMark': '(required)',
    'form.required': 'This field is required.',
    'form.minLength': 'At least {n} characters.',
    'form.maxLength': 'At most {n} characters.',
    'form.pattern': 'This does not have the expected format.',
    'form.email': 'Enter an e-mail address, such as name@example.com.',
    'form.phone': 'Enter an international number: + and 6 to 15 digits.',
    'form.url': 'Enter a web address starting with http:// or https://.',
    'form.number': 'Enter a number.',
    'form.min': 'At least {n}.',
    'form.max': 'At most {n}.',
    'form.decimals': 'At most {n} decimals.',
    'form.date': 'Enter a date.',
    'form.datetime': 'Enter a date and time.',
    'form.option': 'Choose one of the options.',
    'form.minItems': 'Choose at least {n}.',
    'form.maxItems': 'Choose at most {n}.',
    'form.user': 'Enter a user id.',
    'form.address': 'Address',
    'form.lat': 'Latitude',
    'form.lon': 'Longitude',
    'form.latLon': 'Give both latitude and longitude, or neither.',
    'form.lat.range': 'Latitude is between -90 and 90.',
    'form.lon.range': 'Longitude is between -180 and 180.',
    'form.unstage': 'Remove {name}', 'form.unstageShort': 'Remove',
    'form.uploading': 'Uploading {name}… {percent} %',
    'form.uploadFailed': '{name} was not added: {reason}',
    'form.yes': 'Yes', 'form.no': 'No',
    'form.internal': 'staff only',
  },
  es: {
    'form.choose': '— Elige —',
    'form.requiredMark': '(obligatorio)',
    'form.required': 'Este campo es obligatorio.',
    'form.minLength': 'Al menos {n} caracteres.',
    'form.maxLength': 'Como mucho {n} caracteres.',
    'form.pattern': 'No tiene el formato esperado.',
    'form.email': 'Escribe un correo electrónico, como nombre@ejemplo.com.',
    'form.phone': 'Escribe un número internacional: + y de 6 a 15 dígitos.',
    'form.url': 'Escribe una dirección web que empiece por http:// o https://.',
    'form.number': 'Escribe un número.',
    'form.min': 'Como mínimo {n}.',
    'form.max': 'Como máximo {n}.',
    'form.decimals': 'Como mucho {n} decimales.',
    'form.date': 'Escribe una fecha.',
    'form.datetime': 'Escribe una fecha y una hora.',
    'form.option': 'Elige una de las opciones.',
    'form.minItems': 'Elige al menos {n}.',
    'form.maxItems': 'Elige como mucho {n}.',
    'form.user': 'Escribe un identificador de usuario.',
    'form.address': 'Dirección',
    'form.lat': 'Latitud',
    'form.lon': 'Longitud',
    'form.latLon': 'Indica latitud y longitud, o ninguna.',
    'form.lat.range': 'La latitud está entre -90 y 90.',
    'form.lon.range': 'La longitud está entre -180 y 180.',
    'form.unstage': 'Quitar {name}', 'form.unstageShort': 'Quitar',
    'form.uploading': 'Subiendo {name}… {percent} %',
    'form.uploadFailed': 'No se añadió {name}: {reason}',
    'form.yes': 'Sí', 'form.no': 'No',
    'form.internal': 'solo equipo',
  },
});

const INPUT_TYPES = { text: 'text', email: 'email', phone: 'tel', url: 'url', date: 'date', number: 'number',
  money: 'number', datetime: 'datetime-local', user: 'text' };

/**
 * A resolved form's sections (`{title, fields}`, as GET /types/{type}/form serves them), each field drawn by
 * `fieldView`; `level` is the sections' heading level (2 or 3), `scope` prefixes the ids (two forms on one page).
 */
export function sectionsView(form, values, { level = 2, scope = '' } = {}) {
  return form.sections.map(section => html`<section class="form-section">
    ${level === 3 ? html`<h3>${section.title}</h3>` : html`<h2>${section.title}</h2>`}
    ${section.fields.map(field => fieldView(field, values[field.key] ?? field.default, field.required, scope))}
  </section>`);
}

/**
 * The fields of a resolved form's sections that hold a value in `values`, as labels and values to read (an order's
 * details as its requester sees them); '' when none does. `people` names the users a user field holds.
 */
export function valuesView(form, values, people = new Map()) {
  const filled = (form?.sections ?? []).map(section => ({
    title: section.title, fields: section.fields.filter(field => !isEmpty(values?.[field.key])),
  })).filter(section => section.fields.length);
  return filled.length === 0 ? '' : filled.map(section => html`<section class="form-values">
    ${filled.length > 1 ? html`<h3>${section.title}</h3>` : ''}
    <dl class="facts">${section.fields.map(field => html`<div class="fact" data-value-of="${field.key}">
      <dt>${field.label}</dt><dd>${valueView(field, values[field.key], people)}</dd></div>`)}</dl>
  </section>`);
}

/**
 * A field's value to read rather than edit: option labels, dates and amounts in the reader's language, a place by
 * its address, files by name, links only to web and mail addresses.
 */
export function valueView(field, value, people = new Map()) {
  switch (field.type) {
    case 'boolean': return t(value ? 'form.yes' : 'form.no');
    case 'select': return optionLabel(field, value);
    case 'multiselect': return [value].flat().map(v => optionLabel(field, v)).join(', ');
    case 'date': return dateText(value);
    case 'datetime': return html`<time datetime="${value}">${formatDateTime(value)}</time>`;
    case 'number': return new Intl.NumberFormat(lang()).format(value);
    case 'money': return field.currency
      ? new Intl.NumberFormat(lang(), { style: 'currency', currency: field.currency }).format(value)
      : new Intl.NumberFormat(lang(), { minimumFractionDigits: 2 }).format(value);
    case 'location': return value?.address || [value?.lat, value?.lon].filter(n => n != null).join(', ');
    case 'attachment': return html`<ul class="field-files">${[value].flat().map(file => html`<li
      data-attachment-id="${file.id}">${file.name}</li>`)}</ul>`;
    case 'user': return people.get(value) ?? value;
    case 'url': return /^https?:\/\//i.test(value)
      ? html`<a href="${value}" rel="noopener noreferrer" target="_blank">${value}</a>` : value;
    case 'email': return html`<a href="mailto:${value}">${value}</a>`;
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function optionLabel(field, value) {
  return (field.options ?? []).find(option => option.value === value)?.label ?? value;
}

/** A calendar date (YYYY-MM-DD) in the reader's language, the same day wherever the reader is. */
function dateText(value) {
  const [year, month, day] = String(value).split('-').map(Number);
  const date = new Date(year, month - 1, day);
  return Number.isNaN(date.getTime()) ? value
    : new Intl.DateTimeFormat(lang(), { dateStyle: 'medium' }).format(date);
}

/** The field's block: label, control, help and the place for its errors (tied by aria-describedby). */
export function fieldView(field, value, required, scope = '') {
  const id = `${scope}f-${field.key}`;
  const helpId = `${scope}h-${field.key}`;
  const errorId = `${scope}e-${field.key}`;
  const described = [field.help ? helpId : null, errorId].filter(Boolean).join(' ');
  const grouped = field.type === 'multiselect' || field.type === 'location';
  const staffOnly = field.internal ? html` <span class="internal-badge" data-internal>${t('form.internal')}</span>` : '';
  const mark = html`<span class="req" data-required-mark ${required ? '' : 'hidden'}> *<span
    class="visually-hidden">${t('form.requiredMark')}</span></span>${staffOnly}`;
  const control = controlView(field, value, id, described);
  const help = field.help ? html`<p class="help" id="${helpId}">${field.help}</p>` : '';
  const error = html`<p class="field-error" id="${errorId}" data-error-for="${field.key}"></p>`;
  if (grouped) {
    return html`<fieldset class="field group" data-field="${field.key}" data-type="${field.type}">
      <legend>${field.label}${mark}</legend>${control}${help}${error}</fieldset>`;
  }
  if (field.type === 'boolean') {
    return html`<div class="field check" data-field="${field.key}" data-type="boolean">
      <label for="${id}">${control} ${field.label}${mark}</label>${help}${error}</div>`;
  }
  return html`<div class="field" data-field="${field.key}" data-type="${field.type}">
    <label for="${id}">${field.label}${mark}</label>${control}${help}${error}</div>`;
}

function controlView(field, value, id, described) {
  const disabled = field.readOnly ? 'disabled' : '';
  const common = html`id="${id}" name="${field.key}" data-control aria-describedby="${described}" ${disabled}`;
  switch (field.type) {
    case 'longtext':
      return html`<textarea ${common} rows="4">${value ?? ''}</textarea>`;
    case 'boolean':
      return html`<input type="checkbox" ${common} ${value === true ? 'checked' : ''}>`;
    case 'select':
      return html`<select ${common}><option value="">${t('form.choose')}</option>${(field.options ?? []).map(o => html`
        <option value="${o.value}" ${o.value === value ? 'selected' : ''}>${o.label}</option>`)}</select>`;
    case 'multiselect':
      return html`<div class="choices">${(field.options ?? []).map((o, i) => html`
        <label><input type="checkbox" name="${field.key}" value="${o.value}" id="${i === 0 ? id : `${id}-${i}`}"
          aria-describedby="${described}" ${(value ?? []).includes(o.value) ? 'checked' : ''}
          ${disabled}> ${o.label}</label>`)}</div>`;
    case 'location':
      return html`<div class="location">
        <label for="${id}">${t('form.address')}</label>
        <input type="text" ${common} data-part="address" value="${value?.address ?? ''}" autocomplete="street-address">
        <div class="coords">
          <label>${t('form.lat')} <input type="number" step="any" name="${field.key}.lat" data-part="lat"
            aria-describedby="${described}" value="${value?.lat ?? ''}" ${disabled}></label>
          <label>${t('form.lon')} <input type="number" step="any" name="${field.key}.lon" data-part="lon"
            aria-describedby="${described}" value="${value?.lon ?? ''}" ${disabled}></label>
        </div></div>`;
    case 'attachment':
      return html`<input type="file" ${common} data-files ${field.maxItems === 1 ? '' : 'multiple'}>
        <ul class="staged" data-staged aria-live="polite">${[value ?? []].flat().map(file =>
          stagedView(field, file))}</ul>`;
    default:
      return inputView(field, value, common);
  }
}

function inputView(field, value, common) {
  const type = INPUT_TYPES[field.type] ?? 'text';
  const extra = [];
  if (field.type === 'number' || field.type === 'money') {
    const decimals = field.decimals ?? (field.type === 'money' ? 2 : null);
    extra.push(`step="${decimals == null ? 'any' : decimals === 0 ? '1' : (10 ** -decimals).toFixed(decimals)}"`);
    extra.push('inputmode="decimal"');
  }
  const shown = field.type === 'datetime' && value ? toLocalInput(value) : value ?? '';
  const input = html`<input type="${type}" ${common} value="${shown}" ${html([extra.join(' ')])}>`;
  return field.type === 'money' && field.currency
    ? html`<span class="money">${input}<span class="currency">${field.currency}</span></span>` : input;
}

/** The value a field's controls hold now, as the API takes it; null when empty. */
export function readValue(field, block) {
  const input = block.querySelector('[data-control]');
  switch (field.type) {
    case 'boolean':
      return input.checked;
    case 'multiselect':
      return [...block.querySelectorAll('input[type=checkbox]:checked')].map(box => box.value);
    case 'location':
      return readLocation(block);
    case 'number': case 'money':
      return input.value === '' ? (input.validity.badInput ? NaN : null) : Number(input.value);
    case 'datetime':
      return input.value === '' ? null : new Date(input.value).toISOString();
    case 'attachment':
      return [...block.querySelectorAll('[data-upload-id], [data-attachment-id]')].map(item => item.dataset.attachmentId
        ? { id: item.dataset.attachmentId, name: item.dataset.name }
        : { upload: item.dataset.uploadId, name: item.dataset.name, size: Number(item.dataset.size) });
    default:
      return input.value === '' ? null : input.value;
  }
}

function readLocation(block) {
  const part = name => block.querySelector(`[data-part=${name}]`).value;
  if (!part('address') && !part('lat') && !part('lon')) return null;
  const location = { address: part('address') };
  if (part('lat') !== '') location.lat = Number(part('lat'));
  if (part('lon') !== '') location.lon = Number(part('lon'));
  return location;
}

function toLocalInput(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/**
 * A file of an attachment field: staged for it (`{upload, name, size}`) or already the order's (`{id, name}`), with a
 * button that takes it out again.
 */
export function stagedView(field, file) {
  const item = file.id ? html`data-attachment-id="${file.id}"` : html`data-upload-id="${file.upload}" data-size="${file.size}"`;
  return html`<li class="staged-file" ${item} data-name="${file.name}"><span>${file.name}
    <span class="muted">${sizeText(file.size)}</span></span>
    <button type="button" class="button-quiet" data-unstage="${file.upload ?? ''}"
      aria-label="${t('form.unstage', { name: file.name })}">${t('form.unstageShort')}</button></li>`;
}

/** An attachment field's files as the API takes them: staged ones by upload, the order's own by id. */
export function filesValue(files) {
  return files.map(file => (file.id ? { id: file.id, name: file.name } : { upload: file.upload }));
}

let staging = 0;

/**
 * Stages each file picked in an attachment field's input at once, listed with its progress bar and then as a staged
 * file of the field (or why it was refused: one larger than the tenant allows is not sent at all); one promise per
 * file, settled when it is done. The list may be drawn again meanwhile (a page keeping what was typed): the outcome
 * goes to the item shown then.
 */
export function stageFiles(input, field) {
  const list = input.closest('[data-field]').querySelector('[data-staged]');
  const limits = attachmentLimits();
  const sent = [...input.files].map(file => {
    const token = String(++staging);
    const shown = () => document.querySelector(`[data-uploading="${token}"]`) ?? item;
    const item = document.createElement('li');
    item.className = 'staged-file';
    item.dataset.uploading = token;
    const label = document.createElement('label');
    label.append(document.createTextNode(''), Object.assign(document.createElement('progress'), { max: 100 }));
    item.append(label);
    list.append(item);
    const say = percent => {
      const now = shown();
      now.querySelector('label').firstChild.textContent = t('form.uploading', { name: file.name, percent });
      now.querySelector('progress').value = percent;
    };
    say(0);
    const sending = limits.then(known => {
      const refused = refusal(file, known);
      return refused ? Promise.reject(new Error(refused)) : stageFile(file, say);
    });
    return sending.then(staged => {
      shown().outerHTML = stagedView(field, { upload: staged.id, name: staged.name, size: staged.size }).toString();
    }, error => {
      const now = shown();
      now.removeAttribute('data-uploading');
      now.dataset.upload = 'failed';
      now.innerHTML = html`<span class="upload-error">${t('form.uploadFailed',
        { name: file.name, reason: error.message })}</span>`.toString();
    });
  });
  input.value = '';
  return sent;
}

/** A file taken out of its field: a staged one is also removed on the server (or left to expire). */
export function unstageFile(button) {
  button.closest('li').remove();
  if (button.dataset.unstage) {
    api(`/uploads/${encodeURIComponent(button.dataset.unstage)}`, { method: 'DELETE' }).catch(() => {});
  }
}

/**
 * What fields drawn by `fieldView` inside a root element do as they are filled in: conditional fields show and hide
 * and their required marks follow (a hidden field reads as empty), each field touched is checked as the server would,
 * and the server's 422 errors land on their fields. `fields()` gives the configured fields (read anew each time: the
 * page may change them); `fixed` are fields outside the configuration (an order's title), always visible.
 */
export class LiveFields {
  constructor(fields, fixed = []) {
    this.fields = fields;
    this.fixed = fixed;
    this.values = {};
    this.errors = {};
    this.touched = new Set();
  }

  all() {
    return [...this.fixed, ...this.fields()];
  }

  block(root, key) {
    return root.querySelector(`[data-field="${CSS.escape(key)}"]`);
  }

  /** The values every field holds now. */
  read(root) {
    for (const field of this.all()) {
      const block = this.block(root, field.key);
      if (block) this.values[field.key] = readValue(field, block);
    }
    return this.values;
  }

  rules() {
    return visibility(this.fields(), this.values);
  }

  /** Reads the values, then shows and hides the conditional fields and the errors of the fields already touched. */
  refresh(root) {
    this.read(root);
    const rules = this.rules();
    for (const field of this.fields()) {
      const block = this.block(root, field.key);
      if (!block) continue;
      block.hidden = !rules.visible(field.key);
      block.querySelector('[data-required-mark]').hidden = !rules.required(field);
    }
    for (const key of this.touched) this.check(key, rules);
    this.show(root);
  }

  /** A change event: its field counts as touched from now on. */
  touch(event) {
    const key = event.target.closest('[data-field]')?.dataset.field;
    if (key) this.touched.add(key);
  }

  touchAll() {
    this.all().forEach(field => this.touched.add(field.key));
  }

  /** Checks one field as the server would; a hidden or read-only field has nothing to say. */
  check(key, rules) {
    const field = this.all().find(f => f.key === key);
    if (!field) return;
    const required = this.fixed.includes(field) ? field.required : rules.required(field);
    const found = rules.visible(key) && !field.readOnly ? problems(field, this.values[key], required) : [];
    this.errors[key] = found.map(p => t(p.key, p.params));
  }

  /** Writes each field's errors under it and marks its controls invalid. */
  show(root) {
    root.querySelectorAll('[data-error-for]').forEach(place => {
      const messages = this.errors[place.dataset.errorFor] ?? [];
      place.textContent = messages.join(' ');
      const block = place.closest('[data-field]');
      block.classList.toggle('invalid', messages.length > 0);
      block.querySelectorAll('input, select, textarea').forEach(control => {
        if (messages.length) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      });
    });
  }

  /**
   * A 422's errors (`{field, message}`) on their fields, `customFields.<key>` on the custom field; returns those
   * that match no field, as "field: message".
   */
  serverErrors(root, listed) {
    this.errors = {};
    const elsewhere = [];
    for (const { field, message } of listed) {
      const key = String(field ?? '').replace(/^customFields\./, '');
      if (root.querySelector(`[data-error-for="${CSS.escape(key)}"]`)) (this.errors[key] ??= []).push(message);
      else elsewhere.push(`${field}: ${message}`);
    }
    this.show(root);
    return elsewhere;
  }

  countErrors() {
    return Object.values(this.errors).filter(messages => messages.length).length;
  }

  /** The visible, editable configured fields that hold a value, as the API takes them. */
  customFields() {
    const rules = this.rules();
    const out = {};
    for (const field of this.fields()) {
      const value = this.values[field.key];
      if (!rules.visible(field.key) || field.readOnly || isEmpty(value)) continue;
      out[field.key] = field.type === 'attachment' ? filesValue(value) : value;
    }
    return out;
  }
}
