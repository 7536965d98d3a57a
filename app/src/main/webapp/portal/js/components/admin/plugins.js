import { api } from '../../api.js';
import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { RULES_OR_AGENTS } from './assignment.js';
import { AdminEditor } from './editor.js';
import { bool, choice, group, json, list } from './kit.js';

const SPEC = group(null, 'adm.plugins.title', [
  list('strategies', 'adm.plugins.strategies', { props: [
    bool('enabled', 'adm.f.enabled'),
    json('settings', 'adm.f.settings', { hint: 'adm.hint.settings', when: s => s?.enabled }),
  ] }, { fixed: true, collapsible: false,
    title: s => `${s.key} — ${s.origin === 'built-in' ? t('adm.plugins.builtIn') : s.origin ?? t('adm.plugins.missing')}`
      + (s.description ? ` · ${s.description}` : '') }),
  choice('defaultStrategy', 'adm.f.defaultStrategy', ctx => (ctx.ancestors.at(-1)?.strategies ?? [])
    .filter(s => s.enabled).map(s => ({ value: s.key, label: s.key })), { hint: 'adm.hint.defaultStrategy' }),
]);

/**
 * Plugins on and off: the assignment strategies the server has (GET /assignment/strategies, built in or from a
 * plugin jar) enabled in `assignment.json` with their settings; the notification channels it has, and which of
 * the tenant's notification routes use them (a channel is turned on or off per route, in the notifications editor).
 */
class PluginsEditor extends AdminEditor {
  get part() { return 'assignment'; }
  get name() { return 'plugins'; }
  spec() { return SPEC; }
  emptyValue() { return undefined; }

  owns(path) { return !RULES_OR_AGENTS.test(path); }

  async loadMore() {
    const [strategies, channels] = await Promise.all([api('/assignment/strategies'),
      api('/admin/notifications/channels')]);
    return { strategies, channels };
  }

  toEdit(assignment) {
    this.original = assignment ?? {};
    const chosen = new Map((this.original.strategies ?? []).map(s => [s.key, s]));
    const installed = this.more.strategies ?? [];
    const rows = installed.map(s => ({ key: s.id, description: s.description, origin: s.origin,
      enabled: chosen.has(s.id) || undefined, settings: chosen.get(s.id)?.settings }));
    for (const [key, s] of chosen) {
      if (!installed.some(i => i.id === key)) rows.push({ key, enabled: true, settings: s.settings });
    }
    return { strategies: rows, defaultStrategy: this.original.defaultStrategy };
  }

  fromEdit(model) {
    const strategies = (model.strategies ?? []).filter(s => s.enabled)
      .map(s => (s.settings ? { key: s.key, settings: s.settings } : { key: s.key }));
    const part = { ...this.original, strategies };
    if (model.defaultStrategy && strategies.some(s => s.key === model.defaultStrategy)) {
      part.defaultStrategy = model.defaultStrategy;
    } else {
      delete part.defaultStrategy;
    }
    return part;
  }

  /** The server counts enabled strategies only: its `/strategies/1` is the second enabled row here. */
  errorPath(path) {
    const found = /^\/strategies\/(\d+)(.*)$/.exec(path);
    if (!found) return path;
    const enabled = (this.value?.strategies ?? []).map((s, i) => (s.enabled ? i : -1)).filter(i => i >= 0);
    const index = enabled[Number(found[1])];
    return index === undefined ? path : `/strategies/${index}${found[2] === '/key' ? '/enabled' : found[2]}`;
  }

  aside() {
    const routes = Object.values(this.draft.bundle?.notifications?.events ?? {}).flat();
    const channels = this.more.channels ?? [];
    return html`<section class="adm-channels" aria-labelledby="adm-channels-title">
      <h2 id="adm-channels-title">${t('adm.plugins.channels')}</h2>
      <p class="adm-hint">${t('adm.plugins.channelsHint')}</p>
      <table class="adm-table">
        <thead><tr><th scope="col">${t('adm.plugins.channel')}</th><th scope="col">${t('adm.plugins.origin')}</th>
          <th scope="col">${t('adm.plugins.state')}</th></tr></thead>
        <tbody>${channels.map(c => {
          const used = routes.filter(r => (r.channels ?? []).includes(c.id)).length;
          return html`<tr data-channel="${c.id}"><th scope="row">${c.id}<br><span class="muted">${c.description ?? ''}</span></th>
            <td>${c.origin === 'built-in' ? t('adm.plugins.builtIn') : c.origin}</td>
            <td>${used ? t('adm.plugins.usedBy', { n: used }) : t('adm.plugins.unused')}</td></tr>`;
        })}</tbody>
      </table>
      <p><a href="/portal/admin/notifications" data-link>${t('adm.notifications.title')}</a></p>
    </section>`;
  }
}

customElements.define('orden-admin-plugins', PluginsEditor);
