import { api } from '../../api.js';
import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { stageFile } from './uploads.js';

// One form field's control(s) for every field type the tenant configuration has, and its value read back as the API
// takes it (strings, numbers, booleans, lists, {address, lat, lon}); an empty control reads as null.

const INPUT_TYPES = { text: 'text', email: 'email', phone: 'tel', url: 'url', date: 'date', number: 'number',
  money: 'number', datetime: 'datetime-local', user: 'text' };

/** The field's block: label, control, help and the place for its errors (tied by aria-describedby). */
export function fieldView(field, value, required) {
  const id = `f-${field.key}`;
  const described = [field.help ? `h-${field.key}` : null, `e-${field.key}`].filter(Boolean).join(' ');
  const grouped = field.type === 'multiselect' || field.type === 'location';
  const mark = html`<span class="req" data-required-mark ${required ? '' : 'hidden'}> *<span
    class="visually-hidden">${t('form.requiredMark')}</span></span>`;
  const control = controlView(field, value, id, described);
  const help = field.help ? html`<p class="help" id="h-${field.key}">${field.help}</p>` : '';
  const error = html`<p class="field-error" id="e-${field.key}" data-error-for="${field.key}"></p>`;
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
  const common = html`id="${id}" name="${field.key}" aria-describedby="${described}" ${disabled}`;
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
          ${field.readOnly ? 'disabled' : ''}> ${o.label}</label>`)}</div>`;
    case 'location':
      return html`<div class="location">
        <label for="${id}">${t('form.address')}</label>
        <input type="text" ${common} data-part="address" value="${value?.address ?? ''}" autocomplete="street-address">
        <div class="coords">
          <label>${t('form.lat')} <input type="number" step="any" name="${field.key}" data-part="lat"
            aria-describedby="${described}" value="${value?.lat ?? ''}"></label>
          <label>${t('form.lon')} <input type="number" step="any" name="${field.key}" data-part="lon"
            aria-describedby="${described}" value="${value?.lon ?? ''}"></label>
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
  const input = block.querySelector(`#f-${CSS.escape(field.key)}`);
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
 * file of the field (or why it was refused); one promise per file, settled when it is done. The list may be drawn
 * again meanwhile (a page keeping what was typed): the outcome goes to the item shown then.
 */
export function stageFiles(input, field) {
  const list = input.closest('[data-field]').querySelector('[data-staged]');
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
    return stageFile(file, say).then(staged => {
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

export function sizeText(bytes) {
  if (!(bytes >= 0)) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
