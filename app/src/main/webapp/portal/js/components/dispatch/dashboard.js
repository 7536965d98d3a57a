import { api } from '../../api.js';
import { token } from '../../auth.js';
import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { barChart as bars, lineChart as lines } from './charts.js';
import { addDays, isoDay } from './time.js';
import './messages.js';

const FILTERS = ['from', 'to', 'type', 'area', 'team'];

/** Once per page: uPlot's stylesheet from its WebJar (a file of this origin, as the CSP wants). */
function linkChartStyles() {
  if (document.querySelector('link[data-uplot]')) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet',
    href: '/webjars/uplot/1.6.30/dist/uPlot.min.css' });
  link.dataset.uplot = '';
  document.head.append(link);
}

function number(value) {
  return value === null || value === undefined ? '–' : String(value);
}

function hours(seconds) {
  return seconds === null || seconds === undefined ? '–' : `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * The manager's dashboard: GET /reports/summary as charts, each with its numbers as a table (a toggle) and a text
 * summary for screen readers, and its CSV; filtered by range, type, area and team.
 */
class OrdenDashboard extends LivePage {
  connectedCallback() {
    linkChartStyles();
    const today = new Date();
    this.filters = { from: isoDay(addDays(today, -29)), to: isoDay(addDays(today, 1)),
      type: '', area: '', team: '' };
    this.summary = null;
    this.error = null;
    this.tables = new Set();
    super.connectedCallback();
  }

  query() {
    return FILTERS.filter(name => this.filters[name]).map(name => `${name}=${encodeURIComponent(this.filters[name])}`)
      .join('&');
  }

  async load() {
    const request = this.request = (this.request ?? 0) + 1;
    try {
      const summary = await api(`/reports/summary?${this.query()}`);
      if (request !== this.request) return;
      this.summary = summary;
      this.error = null;
    } catch (error) {
      if (request !== this.request) return;
      this.error = error;
    }
    this.render();
  }

  /** Numbers move with every change; a burst of changes is read once. */
  changed() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.load(), 1000);
  }

  async download(section) {
    const response = await fetch(`/api/v1/reports/summary?${this.query()}&section=${section}`, {
      headers: { Accept: 'text/csv', Authorization: `Bearer ${await token()}` },
    });
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: `orden-${section}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.dispose();
  }

  dispose() {
    (this.charts ?? []).forEach(chart => chart.dispose());
    this.charts = [];
  }

  render() {
    this.dispose();
    document.title = `${t('dashboard.title')} · Orden`;
    if (this.error && !this.error.problem?.errors) {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    const s = this.summary;
    this.innerHTML = html`
      <h1>${t('dashboard.title')}</h1>
      ${this.filterForm()}
      ${!s ? (this.error ? '' : html`<p class="muted" role="status">${t('loading')}</p>`) : html`
        <p class="dashboard-totals" data-totals data-created="${s.created}" data-completed="${s.completed}">
          ${t('dashboard.totals', { created: s.created, completed: s.completed })}.
          ${t('dashboard.reopens', { reopened: s.reopens.reopened, done: s.reopens.done,
            percent: s.reopens.percent == null ? '–' : `${s.reopens.percent} %` })}</p>
        <div class="dashboard-grid">
          ${this.section('daily', t('dashboard.daily'), [t('dashboard.date'), t('dashboard.created'), t('dashboard.completed')],
            s.daily.map(d => [d.date, d.created, d.completed]), true)}
          ${this.section('weekly', t('dashboard.weekly'), [t('dashboard.week'), t('dashboard.created'), t('dashboard.completed')],
            s.weekly.map(w => [w.weekStart, w.created, w.completed]), true)}
          ${this.section('backlog-daily', t('dashboard.backlogDaily'), [t('dashboard.date'), t('dashboard.total'),
            t('category.new'), t('category.open'), t('category.pending')], s.backlogDaily.map(d => [d.date, d.total,
            d.byStatusCategory.new, d.byStatusCategory.open, d.byStatusCategory.pending]), true, 'backlog_daily')}
          ${['byStatusCategory', 'byType', 'byArea', 'byTeam'].map(part => this.section(`backlog-${part}`,
            `${t('dashboard.backlog')}: ${t(`dashboard.${part}`)}`, [t('dashboard.key'), t('dashboard.count')],
            s.backlog[part].map(c => [this.key(part, c.key), c.count]), true, 'backlog'))}
          ${this.section('agents', t('dashboard.agents'), [t('dashboard.agent'), t('dashboard.completed')],
            s.agents.map(a => [a.name ?? a.id, a.completed]), true)}
          ${this.section('workload', t('dashboard.workload'), [t('dashboard.agent'), t('dashboard.open'),
            t('category.new'), t('category.open'), t('category.pending'), t('dashboard.today')],
            s.workload.agents.map(a => [a.name ?? a.id, a.total, a.byStatusCategory.new, a.byStatusCategory.open,
              a.byStatusCategory.pending, a.scheduledToday]), true)}
          ${this.section('times', t('dashboard.times'), [t('dashboard.step'), t('dashboard.count'), t('dashboard.mean'),
            t('dashboard.p90')], ['firstAssignment', 'firstResponse', 'resolution'].map(step => [t(`dashboard.${step}`),
            s.times[step].count, hours(s.times[step].meanSeconds), hours(s.times[step].p90Seconds)]), false)}
          ${this.section('sla', t('dashboard.sla'), [t('dashboard.type'), t('dashboard.priority'),
            t('dashboard.firstResponseMet'), t('dashboard.resolutionMet')], s.sla.map(row => [row.type, row.priority,
            row.firstResponse.percent == null ? '–' : `${row.firstResponse.percent} %`,
            row.resolution.percent == null ? '–' : `${row.resolution.percent} %`]), false)}
        </div>`}`.toString();
    this.wire();
    if (s) this.draw(s);
  }

  key(part, key) {
    if (key === null || key === undefined) return t('dashboard.none');
    return part === 'byStatusCategory' ? t(`category.${key}`) : key;
  }

  filterForm() {
    const problems = new Map((this.error?.problem?.errors ?? []).map(e => [e.field, e.message]));
    return html`
      <form class="dashboard-filters" data-filters aria-label="${t('dashboard.filters')}">
        ${FILTERS.map(name => html`
          <label>${t(`dashboard.${name}`)}
            <input name="${name}" type="${name === 'from' || name === 'to' ? 'date' : 'text'}"
              value="${this.filters[name]}" aria-invalid="${problems.has(name)}"
              ${name === 'from' || name === 'to' ? '' : html`placeholder="${t('dashboard.any')}"`}>
            ${problems.has(name) ? html`<span class="field-error">${problems.get(name)}</span>` : ''}
          </label>`)}
        <button type="submit" class="button">${t('dashboard.apply')}</button>
      </form>`;
  }

  /** A figure: its chart (if any) with a spoken summary, its table (shown by the toggle, or alone), its CSV. */
  section(id, title, head, rows, chart, csv = id) {
    const showTable = !chart || this.tables.has(id);
    const summary = t('dashboard.chartSummary', { title,
      items: rows.length === 0 ? t('dashboard.empty') : rows.map(row => row.join(' ')).join('; ') });
    return html`
      <section class="dashboard-section" data-section="${id}" aria-labelledby="title-${id}">
        <div class="dashboard-section-head">
          <h2 id="title-${id}">${title}</h2>
          ${chart ? html`<button type="button" class="button-quiet" data-toggle="${id}" aria-expanded="${showTable}"
            aria-controls="table-${id}">${t(showTable ? 'dashboard.showChart' : 'dashboard.showTable')}</button>` : ''}
          <button type="button" class="button-quiet" data-csv="${csv}">${t('dashboard.csv')}</button>
        </div>
        ${rows.length === 0 ? html`<p class="muted">${t('dashboard.empty')}</p>` : ''}
        ${chart && rows.length > 0 ? html`<div class="chart" role="img" aria-label="${summary}" data-chart="${id}"
          ${showTable ? 'hidden' : ''}></div>` : ''}
        <table id="table-${id}" class="dashboard-table" ${showTable && rows.length > 0 ? '' : 'hidden'}>
          <thead><tr>${head.map(h => html`<th scope="col">${h}</th>`)}</tr></thead>
          <tbody>${rows.map(row => html`<tr>${row.map((cell, i) => i === 0
            ? html`<th scope="row">${cell}</th>` : html`<td>${number(cell)}</td>`)}</tr>`)}</tbody>
        </table>
      </section>`;
  }

  draw(s) {
    const drawn = this.charts;
    const lineChart = (...args) => drawn.push(lines(...args));
    const barChart = (...args) => drawn.push(bars(...args));
    const chart = id => {
      const element = this.querySelector(`[data-chart="${id}"]`);
      return element && !element.hidden ? element : null;
    };
    const created = t('dashboard.created');
    const completed = t('dashboard.completed');
    if (chart('daily')) lineChart(chart('daily'), s.daily.map(d => d.date), [
      { label: created, values: s.daily.map(d => d.created) }, { label: completed, values: s.daily.map(d => d.completed) }]);
    if (chart('weekly')) lineChart(chart('weekly'), s.weekly.map(w => w.weekStart), [
      { label: created, values: s.weekly.map(w => w.created) }, { label: completed, values: s.weekly.map(w => w.completed) }]);
    if (chart('backlog-daily')) lineChart(chart('backlog-daily'), s.backlogDaily.map(d => d.date), [
      { label: t('dashboard.total'), values: s.backlogDaily.map(d => d.total) },
      ...['new', 'open', 'pending'].map(category => ({ label: t(`category.${category}`),
        values: s.backlogDaily.map(d => d.byStatusCategory[category]) }))]);
    ['byStatusCategory', 'byType', 'byArea', 'byTeam'].forEach(part => {
      const element = chart(`backlog-${part}`);
      if (element) barChart(element, s.backlog[part].map(c => this.key(part, c.key)), s.backlog[part].map(c => c.count),
        t('dashboard.count'));
    });
    if (chart('agents')) barChart(chart('agents'), s.agents.map(a => a.name ?? a.id), s.agents.map(a => a.completed),
      t('dashboard.completed'));
    if (chart('workload')) barChart(chart('workload'), s.workload.agents.map(a => a.name ?? a.id),
      s.workload.agents.map(a => a.total), t('dashboard.open'));
  }

  wire() {
    this.querySelector('[data-filters]').addEventListener('submit', event => {
      event.preventDefault();
      const form = event.target;
      FILTERS.forEach(name => { this.filters[name] = form.elements[name].value.trim(); });
      this.load();
    });
    this.querySelectorAll('[data-toggle]').forEach(button => button.addEventListener('click', () => {
      const id = button.dataset.toggle;
      if (this.tables.has(id)) this.tables.delete(id);
      else this.tables.add(id);
      this.render();
      this.querySelector(`[data-toggle="${id}"]`)?.focus();
    }));
    this.querySelectorAll('[data-csv]').forEach(button => button.addEventListener('click',
      () => this.download(button.dataset.csv)));
  }
}

customElements.define('orden-dashboard', OrdenDashboard);
