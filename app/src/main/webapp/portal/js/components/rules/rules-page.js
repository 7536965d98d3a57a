import './messages.js';
import { api } from '../../api.js';
import { html } from '../../html.js';
import { formatDateTime, lang, t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { typeName, workingCopy } from './workspace.js';

/** The tenant's flow rules (the draft's when there is one) with what they cost and how they last failed. */
class OrdenRules extends LivePage {
  connectedCallback() {
    this.copy = null;
    this.error = null;
    super.connectedCallback();
  }

  async load() {
    try {
      const [copy, usage, errors] = await Promise.all([workingCopy(), api('/admin/rules/usage'),
        api('/admin/rules/errors?limit=200')]);
      this.copy = copy;
      this.usage = new Map(usage.rules.map(entry => [entry.rule, entry]));
      this.lastErrors = new Map();
      for (const entry of errors) if (!this.lastErrors.has(entry.rule)) this.lastErrors.set(entry.rule, entry);
      this.error = null;
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  changed() {}

  render() {
    document.title = `${t('rules.title')} · Orden`;
    if (this.error) {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    if (!this.copy) {
      this.innerHTML = html`<h1>${t('rules.title')}</h1><p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    const { bundle, draftVersion, activeVersion } = this.copy;
    const rules = [...(bundle.rules ?? [])]
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.key.localeCompare(b.key));
    this.innerHTML = html`
      <section class="rules-page" data-view="rules">
        <h1>${t('rules.title')}</h1>
        <p>${t('rules.intro')}</p>
        <p class="muted" data-showing="${draftVersion ? 'draft' : 'active'}">${draftVersion
          ? t('rules.showing.draft', { version: draftVersion, active: activeVersion })
          : t('rules.showing.active', { version: activeVersion })}</p>
        <p class="rules-actions">
          <a class="button" href="/portal/admin/rules/new" data-link>${t('rules.new')}</a>
          <a class="button-quiet" href="/portal/admin/rules/versions" data-link>${t('rules.versions')}</a>
        </p>
        ${rules.length === 0 ? html`<p class="empty">${t('rules.empty')}</p>` : html`
          <div class="table-scroll" tabindex="0" role="region" aria-label="${t('rules.title')}">
            <table class="rules-table">
              <thead><tr>
                <th scope="col">${t('rules.name')}</th><th scope="col">${t('rules.events')}</th>
                <th scope="col">${t('rules.order')}</th><th scope="col">${t('rules.mode')}</th>
                <th scope="col">${t('rules.types')}</th><th scope="col">${t('rules.onError')}</th>
                <th scope="col">${t('rules.usage')}</th><th scope="col">${t('rules.errors')}</th>
                <th scope="col">${t('rules.budget')}</th><th scope="col">${t('rules.lastError')}</th>
              </tr></thead>
              <tbody>${rules.map(rule => this.row(rule, bundle))}</tbody>
            </table>
          </div>`}
      </section>`.toString();
  }

  row(rule, bundle) {
    const usage = this.usage.get(rule.key);
    const last = this.lastErrors.get(rule.key);
    const mode = rule.mode ?? 'active';
    const types = (rule.types ?? [])
      .map(key => typeName(bundle.types?.find(type => type.key === key) ?? { key }, lang()));
    return html`
      <tr data-rule="${rule.key}">
        <th scope="row"><a href="/portal/admin/rules/edit/${encodeURIComponent(rule.key)}" data-link>${rule.name}</a>
          <span class="muted rule-key">${rule.key}</span></th>
        <td>${rule.events.map(event => html`<code class="event">${event}</code> `)}</td>
        <td>${rule.order ?? 0}</td>
        <td><span class="rule-mode mode-${mode}">${t(`mode.${mode}`)}</span></td>
        <td>${types.length ? types.join(', ') : t('rules.allTypes')}</td>
        <td>${t(`onError.${rule.onError ?? 'skip'}`)}</td>
        <td>${usage?.runs ?? 0}</td>
        <td>${usage?.errors ?? 0}</td>
        <td>${usage?.p95Micros !== undefined ? t('rules.budgetValue', {
          micros: usage.p95Micros, share: percent(usage.budget?.p95ShareOfTimeout) }) : '—'}</td>
        <td class="last-error">${last ? html`<time datetime="${last.at}">${formatDateTime(last.at)}</time>
          <span>${last.error ? describeError(last.error) : last.outcome}</span>` : t('rules.noErrors')}</td>
      </tr>`;
  }
}

function percent(share) {
  if (share === undefined || share === null) return '—';
  return new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function describeError(error) {
  if (!error) return '';
  const params = { kind: error.kind, message: error.message, line: error.line, column: error.column };
  return t(error.line ? 'rules.errorAt' : 'rules.errorPlain', params);
}

customElements.define('orden-rules', OrdenRules);
