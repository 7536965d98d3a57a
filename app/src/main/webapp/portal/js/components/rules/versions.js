import './messages.js';
import { api } from '../../api.js';
import { html } from '../../html.js';
import { formatDateTime, t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { changedFiles, splitTable, unifiedTable } from './diff.js';
import { post, problemErrors } from './workspace.js';

/**
 * The configuration's versions (GET admin/config/versions), the differences between two of them or a version and
 * the draft (GET admin/config/diff for what changed, both bundles for the files' lines), and rollback with a
 * confirmation.
 */
class OrdenConfigVersions extends LivePage {
  connectedCallback() {
    this.versions = null;
    this.diff = null;
    this.layout = 'unified';
    this.notice = null;
    super.connectedCallback();
  }

  async load() {
    try {
      const [versions, members] = await Promise.all([api('/admin/config/versions'), api('/members').catch(() => [])]);
      this.versions = versions;
      this.people = new Map(members.map(member => [member.id, member.name ?? member.email]));
      const active = this.versions.find(version => version.active);
      this.from ??= active?.version ?? this.versions.at(-1)?.version;
      this.to ??= this.versions[0]?.version;
      if (this.from === this.to) this.from = this.versions[1]?.version ?? this.from;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  changed() {}

  async showDiff() {
    this.collect();
    try {
      const [patch, before, after] = await Promise.all([
        api(`/admin/config/diff?from=${this.from}&to=${this.to}`),
        api(`/admin/config/versions/${this.from}`), api(`/admin/config/versions/${this.to}`)]);
      this.diff = { from: this.from, to: this.to, patch, files: changedFiles(before.bundle, after.bundle) };
      this.diffError = null;
    } catch (error) {
      this.diff = null;
      this.diffError = problemErrors(error);
    }
    this.render();
    this.querySelector('[data-diff-result]')?.focus();
  }

  async rollback(number) {
    try {
      const made = await post(`/admin/config/versions/${number}/rollback`, {});
      this.notice = t('versions.rolledBack', { version: made.version, note: made.note ?? '' });
      this.diff = null;
      this.from = null;
      this.to = null;
    } catch (error) {
      this.notice = problemErrors(error).map(e => e.message).join(' ');
    }
    await this.load();
    this.querySelector('[data-notice]')?.focus();
  }

  collect() {
    const form = this.querySelector('form.diff-form');
    if (!form) return;
    this.from = Number(form.elements.from.value);
    this.to = Number(form.elements.to.value);
    this.layout = form.elements.layout.value;
  }

  render() {
    this.collect();
    document.title = `${t('versions.title')} · Orden`;
    if (this.error) {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    if (!this.versions) {
      this.innerHTML = html`<h1>${t('versions.title')}</h1>
        <p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    this.innerHTML = html`
      <p class="crumbs"><a href="/portal/admin/rules" data-link>← ${t('versions.back')}</a></p>
      <h1>${t('versions.title')}</h1>
      ${this.notice ? html`<p class="notice" role="status" tabindex="-1" data-notice>${this.notice}</p>` : ''}
      <div class="table-scroll" tabindex="0" role="region" aria-label="${t('versions.title')}">
        <table class="versions-table">
          <thead><tr><th scope="col">${t('versions.number')}</th><th scope="col">${t('versions.status')}</th>
            <th scope="col">${t('versions.by')}</th><th scope="col">${t('versions.at')}</th>
            <th scope="col">${t('versions.note')}</th><th scope="col">${t('versions.actions')}</th></tr></thead>
          <tbody>${this.versions.map(version => this.row(version))}</tbody>
        </table>
      </div>
      ${this.diffForm()}
      ${this.diffView()}
      <dialog class="confirm" aria-labelledby="confirm-title">
        <form method="dialog">
          <h2 id="confirm-title"></h2>
          <p data-confirm-text></p>
          <p class="rule-buttons">
            <button value="cancel" class="button-quiet">${t('versions.cancel')}</button>
            <button value="confirm" class="button" data-confirm>${t('versions.confirm')}</button>
          </p>
        </form>
      </dialog>`.toString();
    this.wire();
  }

  row(version) {
    const status = version.active ? 'active' : version.status === 'DRAFT' ? 'draft' : 'published';
    const at = version.publishedAt ?? version.createdAt;
    return html`
      <tr data-version="${version.version}" data-status="${status}">
        <th scope="row">${version.version}</th>
        <td><span class="version-status status-${status}">${t(`versions.${status}`)}</span></td>
        <td>${this.person(version.publishedBy ?? version.createdBy)}</td>
        <td><time datetime="${at}">${formatDateTime(at)}</time></td>
        <td>${version.note ?? ''}</td>
        <td>${status === 'published' ? html`
          <button type="button" class="button-quiet" data-rollback="${version.version}">
          ${t('versions.rollback', { n: version.version })}</button>` : ''}</td>
      </tr>`;
  }

  person(id) {
    return this.people.get(id) ?? id;
  }

  label(version) {
    if (version.status === 'DRAFT') return t('diff.draftLabel', { n: version.version });
    return version.active ? t('diff.activeLabel', { n: version.version }) : String(version.version);
  }

  diffForm() {
    const options = selected => this.versions.map(version => html`
      <option value="${version.version}" ${version.version === selected ? 'selected' : ''}>
        ${this.label(version)}</option>`);
    return html`
      <form class="diff-form">
        <h2>${t('diff.title')}</h2>
        <div class="field-row">
          <label class="field">${t('diff.from')}<select name="from">${options(this.from)}</select></label>
          <label class="field">${t('diff.to')}<select name="to">${options(this.to)}</select></label>
          <label class="field">${t('diff.layout')}<select name="layout">
            <option value="unified" ${this.layout === 'unified' ? 'selected' : ''}>${t('diff.unified')}</option>
            <option value="split" ${this.layout === 'split' ? 'selected' : ''}>${t('diff.split')}</option>
          </select></label>
          <button type="submit" class="button" data-show-diff>${t('diff.show')}</button>
        </div>
      </form>`;
  }

  diffView() {
    if (this.diffError) {
      return html`<ul class="field-errors" role="alert">${this.diffError.map(e => html`<li>${e.message}</li>`)}</ul>`;
    }
    const diff = this.diff;
    if (!diff) return '';
    if (!diff.patch.length) {
      return html`<p class="notice" tabindex="-1" data-diff-result>
        ${t('diff.same', { from: diff.from, to: diff.to })}</p>`;
    }
    const table = this.layout === 'split' ? splitTable : unifiedTable;
    return html`
      <section class="diff-result" aria-labelledby="diff-summary">
        <p id="diff-summary" tabindex="-1" data-diff-result>${t('diff.summary', {
          n: diff.patch.length, from: diff.from, to: diff.to, files: diff.files.length })}</p>
        <details><summary>${t('diff.paths')}</summary>
          <ul class="patch">${diff.patch.map(op => html`<li><code>${op.op} ${op.path}</code></li>`)}</ul></details>
        ${diff.files.map(file => html`
          <section class="diff-file" data-file="${file.name}">
            <h3><code>${file.name}</code> <span class="muted">(${t(`diff.file.${file.status}`)})</span></h3>
            <div class="table-scroll">${table(file)}</div>
          </section>`)}
      </section>`;
  }

  wire() {
    this.querySelector('form.diff-form').addEventListener('submit', event => {
      event.preventDefault();
      this.showDiff();
    });
    this.querySelector('select[name="layout"]').addEventListener('change', () => this.render());
    const dialog = this.querySelector('dialog.confirm');
    this.querySelectorAll('[data-rollback]').forEach(button => button.addEventListener('click', () => {
      const number = Number(button.dataset.rollback);
      dialog.querySelector('#confirm-title').textContent = t('versions.confirmTitle', { n: number });
      dialog.querySelector('[data-confirm-text]').textContent = t('versions.confirmText', { n: number });
      dialog.onclose = () => {
        if (dialog.returnValue === 'confirm') this.rollback(number);
        else button.focus();
      };
      dialog.showModal();
    }));
  }
}

customElements.define('orden-config-versions', OrdenConfigVersions);
