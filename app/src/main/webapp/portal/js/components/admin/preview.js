import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { LiveFields, sectionsView } from '../form/fields.js';

/*
 * A live preview of a form as the requester sees it. It works on the resolved form the API serves
 * (GET /types/{type}/form: `{sections: [{title, fields: [{key, type, label, required, readOnly, help, options,
 * visibleWhen, …}]}]}`), made here from the draft bundle by `resolveForm`, since the API resolves only the active
 * version.
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

/**
 * The form drawn by the requester's own renderer (form/fields.js), so that it is what the requester will see: fields
 * shown and hidden as it is filled in, each field checked on change with the requester form's messages.
 */
class FormPreview extends HTMLElement {
  set form(form) {
    this.resolved = form;
    this.live = new LiveFields(() => form?.sections.flatMap(s => s.fields) ?? []);
    this.render();
  }

  connectedCallback() {
    this.addEventListener('input', () => this.live?.refresh(this));
    this.addEventListener('change', event => {
      this.live?.touch(event);
      this.live?.refresh(this);
    });
  }

  render() {
    const form = this.resolved;
    if (!form) {
      this.innerHTML = html`<p class="muted">${t('adm.preview.none')}</p>`.toString();
      return;
    }
    this.innerHTML = html`<div class="order-form pv-form" data-preview-type="${form.type}" lang="${form.language}">
      ${form.sections.length === 0 ? html`<p class="muted">${t('adm.preview.empty')}</p>` : ''}
      ${sectionsView(form, {}, { level: 3, scope: 'pv-' })}</div>`.toString();
    this.live.refresh(this);
  }
}

customElements.define('orden-form-preview', FormPreview);
