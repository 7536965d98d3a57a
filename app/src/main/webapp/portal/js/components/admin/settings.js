import { api } from '../../api.js';
import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { AdminEditor } from './editor.js';
import { zonesList } from './editors.js';
import { choice, group, number, tags, text } from './kit.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

const SPEC = group(null, 'adm.settings.title', [
  text('timeZone', 'adm.set.timeZone', { list: 'adm-zones', hint: 'adm.set.timeZoneHint' }),
  choice('language', 'adm.set.language', () => [{ value: 'es', label: 'Español' }, { value: 'en', label: 'English' }],
    { hint: 'adm.set.languageHint' }),
  group('attachments', 'adm.set.attachments', [
    number('maxFileSize', 'adm.set.maxFileSize', { min: 0.01 }),
    number('quota', 'adm.set.quota', { min: 0 }),
    tags('allowedTypes', 'adm.set.allowedTypes', { hint: 'adm.set.allowedTypesHint' }),
  ], { hint: 'adm.set.attachmentsHint' }),
]);

/** Bytes as the page shows them: 1.5 GiB, 25 MiB. */
function size(bytes) {
  if (bytes == null) return '—';
  return bytes >= GIB ? `${+(bytes / GIB).toFixed(2)} GiB` : `${+(bytes / MIB).toFixed(2)} MiB`;
}

/**
 * The tenant's general settings (`settings.json`): its time zone and default language, and its own attachment
 * limits — a file's size in MiB and the whole quota in GiB here, bytes in the file. Beside the form, the limits in
 * force now (`GET /attachments/limits`), which the server caps with its own maxima.
 */
class SettingsEditor extends AdminEditor {
  get part() { return 'settings'; }
  get name() { return 'settings'; }
  spec() { return SPEC; }
  emptyValue() { return undefined; }

  async loadMore() {
    return { limits: await api('/attachments/limits').catch(() => null) };
  }

  toEdit(settings) {
    const model = { ...settings };
    const attachments = settings?.attachments;
    if (attachments) {
      model.attachments = { ...attachments,
        maxFileSize: attachments.maxFileSize === undefined ? undefined : attachments.maxFileSize / MIB,
        quota: attachments.quota === undefined ? undefined : attachments.quota / GIB };
    }
    return model;
  }

  fromEdit(model) {
    const part = { ...model };
    if (model.attachments) {
      const { maxFileSize, quota } = model.attachments;
      part.attachments = { ...model.attachments,
        ...(maxFileSize === undefined ? {} : { maxFileSize: Math.round(maxFileSize * MIB) }),
        ...(quota === undefined ? {} : { quota: Math.round(quota * GIB) }) };
    }
    return part;
  }

  aside() {
    const limits = this.more.limits;
    return html`${zonesList()}${limits ? html`<section class="adm-limits" aria-labelledby="adm-limits-title">
      <h2 id="adm-limits-title">${t('adm.set.now')}</h2>
      <dl>
        <dt>${t('adm.set.nowFile')}</dt><dd data-limit="maxFileSize">${size(limits.maxFileSize)}</dd>
        ${limits.quota === undefined ? '' : html`<dt>${t('adm.set.nowQuota')}</dt>
          <dd data-limit="quota">${t('adm.set.used', { used: size(limits.used), quota: size(limits.quota) })}</dd>`}
        <dt>${t('adm.set.nowTypes')}</dt><dd data-limit="allowedTypes">${(limits.allowedTypes ?? []).join(', ')
          || t('adm.set.anyType')}</dd>
      </dl><p class="adm-hint">${t('adm.set.nowHint')}</p></section>` : ''}`;
  }
}

customElements.define('orden-admin-settings', SettingsEditor);
