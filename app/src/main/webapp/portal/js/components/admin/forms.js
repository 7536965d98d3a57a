import { html } from '../../html.js';
import { lang, t } from '../../i18n.js';
import { AdminEditor } from './editor.js';
import { named } from './editors.js';
import { bool, choice, key, list, localized } from './kit.js';
import { resolveForm } from './preview.js';

/** The fields a form may hold: those of its type (a form's fields must be its type's). */
function typeFields(ctx) {
  const form = ctx.ancestors.find(a => a && !Array.isArray(a) && 'sections' in a);
  const type = (ctx.bundle.types ?? []).find(ty => ty.key === form?.type);
  const definitions = new Map((ctx.bundle.fields ?? []).map(f => [f.key, f]));
  return (type?.fields ?? []).map(k => ({ value: k, label: `${named(definitions.get(k), 'label') || k} (${k})` }));
}

const FORMS_SPEC = list(null, 'adm.forms.list', {
  props: [
    key(),
    choice('type', 'adm.f.type', ctx => (ctx.bundle.types ?? []).map(ty => ({ value: ty.key, label: `${named(ty)} (${ty.key})` })),
      { required: true }),
    choice('audience', 'adm.f.audience', () => ['requester', 'agent'].map(a => ({ value: a, label: t(`adm.audience.${a}`) })),
      { required: true }),
    list('sections', 'adm.f.sections', { props: [
      localized('title', 'adm.f.sectionTitle', { required: true }),
      list('fields', 'adm.f.formFields', { props: [
        choice('key', 'adm.f.field', typeFields, { required: true, hint: 'adm.hint.typeFields' }),
        bool('readOnly', 'adm.f.readOnly'),
      ] }, { unique: 'key', rowHeading: false, add: 'adm.addFormField' }),
    ] }, { title: s => named(s, 'title'), add: 'adm.addSection', newItem: () => ({ fields: [] }) }),
  ],
}, { unique: 'key', title: f => (f.key ? `${f.key} · ${f.type ?? ''} · ${t(`adm.audience.${f.audience}`)}` : ''),
  add: 'adm.forms.add', newItem: () => ({ audience: 'requester', sections: [] }) });

/** Forms per type and audience, with the chosen form drawn beside them as the requester would see it. */
class FormsEditor extends AdminEditor {
  get part() { return 'forms'; }
  get name() { return 'forms'; }
  spec() { return FORMS_SPEC; }

  aside() {
    const forms = this.value ?? [];
    if (!forms.some(f => f.key === this.previewed)) {
      this.previewed = (forms.find(f => f.audience === 'requester') ?? forms[0])?.key;
    }
    return html`<section class="adm-preview" aria-labelledby="adm-preview-title">
      <h2 id="adm-preview-title">${t('adm.preview.title')}</h2>
      <label for="adm-preview-form">${t('adm.preview.form')}</label>
      <select id="adm-preview-form" data-preview-form>
        ${forms.filter(f => f.key).map(f => html`<option value="${f.key}" ${f.key === this.previewed ? 'selected' : ''}
          >${f.key} (${t(`adm.audience.${f.audience}`)})</option>`)}
      </select>
      <p class="adm-hint">${t('adm.preview.hint')}</p>
      <orden-form-preview aria-live="polite"></orden-form-preview>
    </section>`;
  }

  changedControl(event) {
    if (event.target.matches('[data-preview-form]')) {
      this.previewed = event.target.value;
      this.refresh();
      return;
    }
    if (event.target.closest('orden-form-preview')) return;
    super.changedControl(event);
  }

  typed(event) {
    if (event.target.closest('orden-form-preview')) return;
    super.typed(event);
  }

  render() {
    super.render();
    this.refresh();
  }

  /** The preview is drawn from the bundle as edited here, saved or not. */
  refresh() {
    const preview = this.querySelector('orden-form-preview');
    if (!preview || !this.draft) return;
    preview.form = resolveForm({ ...this.draft.bundle, forms: this.value }, this.previewed, lang());
  }
}

customElements.define('orden-admin-forms', FormsEditor);
