import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { post, problemErrors } from './workspace.js';

/**
 * The editor's dry run (POST admin/rules/dry-run): the rule as it is in the editor, on the tenant's last N orders or
 * on one, nothing applied; a table of orders with effects, errors and duration, and the summary line.
 */
export class DryRunPanel {
  constructor(redraw) {
    this.redraw = redraw;
    this.scope = 'last';
    this.count = 20;
    this.order = '';
    this.result = null;
    this.errors = null;
  }

  collect(form) {
    this.scope = form.querySelector('input[name="dry-scope"]:checked')?.value ?? this.scope;
    this.count = form.elements['dry-count']?.value ?? this.count;
    this.order = form.elements['dry-order']?.value ?? this.order;
  }

  async run(rule) {
    const { tests, ...withoutTests } = rule;
    const body = { rules: [withoutTests] };
    if (this.scope === 'one') body.order = { id: this.order.trim() };
    else body.lastOrders = Number(this.count);
    try {
      this.result = await post('/admin/rules/dry-run', body);
      this.errors = null;
    } catch (error) {
      this.result = null;
      this.errors = problemErrors(error);
    }
  }

  wire(root, run) {
    root.querySelector('[data-dry-run]').addEventListener('click', run);
    root.querySelectorAll('input[name="dry-scope"]')
      .forEach(input => input.addEventListener('change', () => this.redraw()));
  }

  view(busy) {
    return html`
      <section class="rule-dry" aria-labelledby="dry-title">
        <h2 id="dry-title">${t('dry.title')}</h2>
        <p class="hint">${t('dry.hint')}</p>
        <div class="field-row dry-form">
          <fieldset class="checks"><legend class="visually-hidden">${t('dry.title')}</legend>
            <label><input type="radio" name="dry-scope" value="last" ${this.scope === 'last' ? 'checked' : ''}>
              ${t('dry.last')}</label>
            <label><input type="radio" name="dry-scope" value="one" ${this.scope === 'one' ? 'checked' : ''}>
              ${t('dry.one')}</label>
          </fieldset>
          ${this.scope === 'last'
            ? html`<label class="field">${t('dry.count')}
                <input name="dry-count" type="number" min="1" max="500" value="${this.count}"></label>`
            : html`<label class="field">${t('dry.order')}
                <input name="dry-order" value="${this.order}" placeholder="WO-12"></label>`}
          <button type="button" class="button" data-dry-run ${busy ? 'disabled' : ''}>${t('dry.run')}</button>
        </div>
        ${this.errors ? html`<ul class="field-errors" role="alert" tabindex="-1" data-result="dry">
          ${this.errors.map(error => html`
            <li>${error.field ? html`<code>${error.field}</code>: ` : ''}${error.message}</li>`)}
          </ul>` : ''}
        ${this.result ? this.table(this.result) : ''}
      </section>`;
  }

  table({ results, summary }) {
    const byType = Object.entries(summary.effectsByType ?? {}).map(([type, n]) => `${type} ${n}; `).join('');
    return html`
      <p class="dry-summary" role="status" tabindex="-1" data-result="dry" data-summary>${t('dry.summary', {
        orders: summary.orders, withEffects: summary.withEffects, errors: summary.errors, byType,
        p50: summary.p50Micros, p95: summary.p95Micros })}</p>
      <div class="table-scroll" tabindex="0" role="region" aria-label="${t('dry.title')}">
        <table class="dry-table">
          <thead><tr><th scope="col">${t('dry.order.col')}</th><th scope="col">${t('dry.effects')}</th>
            <th scope="col">${t('dry.errors')}</th><th scope="col">${t('dry.duration')}</th></tr></thead>
          <tbody>
            ${results.map(result => html`
              <tr data-order="${result.number ?? result.orderId ?? ''}"
                class="${result.effects.length ? 'with-effects' : ''}">
                <th scope="row">${result.number ? html`<a href="/portal/workorders/${encodeURIComponent(result.number)}"
                  data-link>${result.number}</a>` : '—'}</th>
                <td>${result.effects.length ? html`<ul class="effects">${result.effects.map(e => html`
                  <li><code>${JSON.stringify(e.effect)}</code></li>`)}</ul>` : t('dry.none')}</td>
                <td>${result.errors.length ? html`<ul class="effects">${result.errors.map(e => html`
                  <li>${e.kind}${e.line ? ` (${e.line}:${e.column})` : ''}: ${e.message}</li>`)}</ul>`
                  : t('dry.none')}</td>
                <td class="num">${t('dry.micros', { n: result.durationMicros })}</td>
              </tr>
              ${result.log?.length ? html`<tr class="dry-log"><td colspan="4">
                <span class="muted">${t('dry.log')}:</span>
                <pre>${result.log.join('\n')}</pre></td></tr>` : ''}`)}
          </tbody>
        </table>
      </div>`;
  }
}
