import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { visibility } from '../requester/conditions.js';

/*
 * A live preview of a form as the requester sees it. It works on the resolved form the API serves
 * (GET /types/{type}/form: `{sections: [{title, fields: [{key, type, label, required, readOnly, help, options,
 * visibleWhen, …}]}]}`), made here from the draft bundle by `resolveForm`, since the API resolves only the active
 * version. The requester's own renderer was not in main when this was written; this one draws the same JSON.
 */

/** The draft's form `formKey` resolved as the API would: labels in `language`, retired fields left out. */
export function resolveForm(bundle, formKey, language) {
  const form = (bundle.forms ?? []).find(f => f.key === formKey);
  if (!form) return null;
  const definitions = new Map((bundle.fields ?? []).map(f => [f.key, f]));
  const text = value => value?.[language] ?? value?.en ?? value?.es;
  const sections = (form.sections ?? []).map(section => ({
    title: text(section.title) ?? '',
    fields: (section.fields ?? []).map(entry => {
      const field = definitions.get(entry.key);
      if (!field || field.retired) return null;
      const resolved = { key: field.key, type: field.type, label: text(field.label) ?? field.key,
        required: !!field.required, readOnly: !!(entry.readOnly || field.readOnly) };
      if (field.help) resolved.help = text(field.help);
      if (field.options) resolved.options = field.options.map(o => ({ value: o.value, label: text(o.label) ?? o.value }));
      for (const name of ['default', 'pattern', 'minLength', 'maxLength', 'min', 'max', 'decimals', 'currency',
        'minItems', 'maxItems', 'visibleWhen', 'requiredWhen']) {
        if (field[name] !== undefined) resolved[name] = field[name];
      }
      return resolved;
    }).filter(Boolean),
  })).filter(section => section.fields.length);
  return { type: form.type, audience: form.audience, language, sections };
}

class FormPreview extends HTMLElement {
  set form(form) {
    this.resolved = form;
    this.values = {};
    for (const field of form?.sections.flatMap(s => s.fields) ?? []) {
      if (field.default !== undefined) this.values[field.key] = field.default;
    }
    this.render();
  }

  connectedCallback() {
    this.addEventListener('input', event => this.changed(event));
    this.addEventListener('change', event => this.changed(event));
  }

  changed(event) {
    const input = event.target.closest('[data-preview-key]');
    if (!input) return;
    const key = input.dataset.previewKey;
    if (input.type === 'checkbox' && input.dataset.option !== undefined) {
      const chosen = new Set(this.values[key] ?? []);
      if (input.checked) chosen.add(input.dataset.option); else chosen.delete(input.dataset.option);
      this.values[key] = [...chosen];
    } else if (input.type === 'checkbox') {
      this.values[key] = input.checked;
    } else {
      this.values[key] = input.type === 'number' && input.value !== '' ? Number(input.value) : input.value;
    }
    this.applyConditions();
  }

  /**
   * Fields whose `visibleWhen` does not hold are hidden, and `requiredWhen` marks them, by the requester form's own
   * engine (requester/conditions.js, which mirrors the server's: a hidden field reads as empty).
   */
  applyConditions() {
    const fields = this.resolved?.sections.flatMap(s => s.fields) ?? [];
    const rules = visibility(fields, this.values);
    for (const field of fields) {
      const box = this.querySelector(`[data-preview-field="${CSS.escape(field.key)}"]`);
      if (!box) continue;
      box.hidden = !rules.visible(field.key);
      box.querySelector('.pv-required')?.toggleAttribute('hidden', !rules.required(field));
    }
  }

  render() {
    const form = this.resolved;
    if (!form) {
      this.innerHTML = html`<p class="muted">${t('adm.preview.none')}</p>`.toString();
      return;
    }
    this.innerHTML = html`<div class="pv-form" data-preview-type="${form.type}" lang="${form.language}">
      ${form.sections.length === 0 ? html`<p class="muted">${t('adm.preview.empty')}</p>` : ''}
      ${form.sections.map((section, s) => html`<fieldset class="pv-section">
        <legend>${section.title}</legend>
        ${section.fields.map(field => this.field(field, `pv-${s}-${field.key}`))}
      </fieldset>`)}</div>`.toString();
    this.applyConditions();
  }

  field(field, id) {
    const help = field.help ? html`<p class="adm-hint" id="${id}-help">${field.help}</p>` : '';
    const described = field.help ? html`aria-describedby="${id}-help"` : '';
    const required = html`<span class="pv-required" aria-hidden="true"> *</span>`;
    const label = html`<label for="${id}">${field.label}${required}</label>`;
    const common = html`id="${id}" data-preview-key="${field.key}" ${described} ${field.readOnly ? 'disabled' : ''}`;
    const value = this.values[field.key];
    let control;
    switch (field.type) {
      case 'longtext':
        control = html`<textarea ${common} rows="3">${value ?? ''}</textarea>`;
        break;
      case 'boolean':
        return html`<div class="adm-field adm-check" data-preview-field="${field.key}">
          <input type="checkbox" ${common} ${value ? 'checked' : ''}>${label}${help}</div>`;
      case 'select':
      case 'user':
        control = html`<select ${common}><option value="">${t('adm.preview.choose')}</option>
          ${(field.options ?? []).map(o => html`<option value="${o.value}" ${o.value === value ? 'selected' : ''}
            >${o.label}</option>`)}</select>`;
        break;
      case 'multiselect':
        return html`<fieldset class="adm-field adm-checks" data-preview-field="${field.key}">
          <legend>${field.label}${required}</legend>
          ${(field.options ?? []).map((o, i) => html`<label class="adm-check" for="${id}-${i}">
            <input type="checkbox" id="${id}-${i}" data-preview-key="${field.key}" data-option="${o.value}"
              ${(value ?? []).includes(o.value) ? 'checked' : ''}> ${o.label}</label>`)}${help}</fieldset>`;
      default:
        control = html`<input ${common} type="${INPUT_TYPES[field.type] ?? 'text'}" value="${value ?? ''}"
          ${field.pattern ? html`pattern="${field.pattern}"` : ''}
          ${field.type === 'number' || field.type === 'money' ? html`step="${step(field)}"` : ''}>
          ${field.currency ? html`<span class="pv-currency">${field.currency}</span>` : ''}`;
    }
    return html`<div class="adm-field" data-preview-field="${field.key}">${label}${control}${help}</div>`;
  }
}

const INPUT_TYPES = { number: 'number', money: 'number', date: 'date', datetime: 'datetime-local', email: 'email',
  phone: 'tel', url: 'url', attachment: 'file' };

function step(field) {
  return field.decimals === undefined ? 'any' : (field.decimals === 0 ? '1' : `0.${'0'.repeat(field.decimals - 1)}1`);
}

customElements.define('orden-form-preview', FormPreview);
