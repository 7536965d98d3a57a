import { api } from '../../api.js';
import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { AdminEditor } from './editor.js';
import { checks, choice, group, list, text, textarea } from './kit.js';

export const EVENTS = ['assigned', 'status_changed', 'completed', 'transferred', 'commented_public', 'sla_warning',
  'sla_breached', 'reminder', 'unassigned_timeout'];
const RECIPIENTS = ['assignee', 'requester', 'team', 'dispatchers', 'watchers'];
export const VARIABLES = ['number', 'title', 'typeName', 'statusName', 'previousStatusName', 'priority', 'assignee',
  'team', 'teamName', 'due', 'requester', 'actor', 'reason', 'comment', 'link', 'recipient', 'field.<key>',
  '#fields}}{{label}}: {{value}}{{/fields'];
const TEMPLATE_KEY = /^[a-z][a-z0-9_]{0,63}$/;

/** What the preview fills a template with: an order as one of acme's would be. */
function sample(language) {
  const es = language === 'es';
  return {
    number: 'WO-1042', title: es ? 'La lavadora pierde agua' : 'The washer leaks', typeName: es ? 'Reparación' : 'Repair',
    statusName: es ? 'En curso' : 'In progress', previousStatusName: es ? 'Asignada' : 'Assigned', priority: 'HIGH',
    assignee: 'Marta Norte', team: 'madrid_repair', teamName: es ? 'Reparación Madrid' : 'Madrid repair',
    due: '2026-12-01 18:00', requester: 'Ana García', actor: 'Diego Ruiz', reason: es ? 'zona norte' : 'north area',
    comment: es ? 'Llego en 20 minutos.' : 'There in 20 minutes.', link: `${location.origin}/portal/workorders/WO-1042`,
    recipient: 'Ana García', field: { model: 'X100' },
    fields: [{ label: es ? 'Modelo' : 'Model', value: 'X100' }],
  };
}

/** Logic-less Mustache as the server's templates use it: variables, dotted names, sections and inverted sections. */
export function mustache(template, view) {
  const lookup = (name, stack) => {
    if (name === '.') return stack[0];
    for (const scope of stack) {
      const value = name.split('.').reduce((v, part) => (v == null ? undefined : v[part]), scope);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const renderIn = (text, stack) => text
    .replace(/\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g, (_, kind, name, inner) => {
      const value = lookup(name, stack);
      const truthy = Array.isArray(value) ? value.length > 0 : !!value;
      if (kind === '^') return truthy ? '' : renderIn(inner, stack);
      if (!truthy) return '';
      if (Array.isArray(value)) return value.map(item => renderIn(inner, [item, ...stack])).join('');
      return renderIn(inner, typeof value === 'object' ? [value, ...stack] : stack);
    })
    .replace(/\{\{\{?\s*&?\s*([\w.]+)\s*\}?\}\}/g, (_, name) => {
      const value = lookup(name, stack);
      return value == null || typeof value === 'object' ? '' : String(value);
    });
  return renderIn(template ?? '', [view]);
}

function templatePreview(item) {
  return html`<div class="adm-template-preview">
    ${['es', 'en'].filter(language => item?.[language]?.subject || item?.[language]?.body).map(language => html`
      <figure class="adm-mail" lang="${language}">
        <figcaption>${t('adm.notifications.preview', { language: language.toUpperCase() })}</figcaption>
        <p class="adm-mail-subject">${mustache(item[language].subject, sample(language))}</p>
        <pre class="adm-mail-body">${mustache(item[language].body, sample(language))}</pre>
      </figure>`)}</div>`;
}

const SPEC = group(null, 'adm.notifications.title', [
  list('events', 'adm.notifications.events', { props: [
    list('routes', 'adm.notifications.routes', { props: [
      checks('to', 'adm.f.recipients', () => RECIPIENTS.map(r => ({ value: r, label: t(`adm.recipient.${r}`) })),
        { required: true }),
      checks('channels', 'adm.f.channels', ctx => (ctx.more.channels ?? []).map(c => ({ value: c.id,
        label: c.origin && c.origin !== 'built-in' ? `${c.id} (${c.origin})` : c.id })), { required: true }),
      choice('template', 'adm.f.template', ctx => (ctx.bundle.notifications?.templates ?? [])
        .filter(x => x.key).map(x => ({ value: x.key, label: x.key })), { hint: 'adm.hint.template' }),
    ] }, { rowHeading: false, add: 'adm.addRoute', newItem: () => ({ to: ['assignee'], channels: ['inapp'] }) }),
  ] }, { fixed: true, title: e => t(`adm.event.${e.event}`) }),
  list('templates', 'adm.notifications.templates', { props: [
    text('key', 'adm.f.key', { required: true, pattern: TEMPLATE_KEY, patternMessage: 'adm.err.templateKey',
      hint: 'adm.hint.templateKey' }),
    ...['es', 'en'].map(language => group(language, `adm.lang.${language}`, [
      text('subject', 'adm.f.subject'),
      textarea('body', 'adm.f.body', { rows: 5 }),
    ])),
  ] }, { unique: 'key', title: x => x.key, add: 'adm.addTemplate', extra: templatePreview,
    hint: 'adm.hint.variables', newItem: () => ({ es: {}, en: {} }) }),
], { hint: 'adm.notifications.hint' });

/** Who is told of each event by which channels, and the tenant's own templates with a preview of each. */
class NotificationsEditor extends AdminEditor {
  get part() { return 'notifications'; }
  get name() { return 'notifications'; }
  spec() { return SPEC; }
  emptyValue() { return undefined; }

  async loadMore() {
    return { channels: await api('/admin/notifications/channels') };
  }

  toEdit(value) {
    const events = value?.events ?? {};
    const templates = value?.templates ?? {};
    return {
      events: EVENTS.map(event => ({ event, routes: events[event] ?? [] })),
      templates: Object.entries(templates).map(([key, byLanguage]) => ({ key, ...byLanguage })),
    };
  }

  fromEdit(model) {
    const events = {};
    for (const { event, routes } of model.events ?? []) if (routes?.length) events[event] = routes;
    const templates = {};
    for (const { key, ...byLanguage } of model.templates ?? []) if (key) templates[key] = byLanguage;
    return Object.keys(templates).length ? { events, templates } : { events };
  }

  /** `/events/assigned/0/to` → `/events/0/routes/0/to`; `/templates/done/es/body` → `/templates/2/es/body`. */
  errorPath(path) {
    const event = /^\/events\/([^/]+)(.*)$/.exec(path);
    if (event && EVENTS.includes(event[1])) {
      const rest = event[2].replace(/^\/(\d+)/, '/routes/$1');
      return `/events/${EVENTS.indexOf(event[1])}${rest || '/routes'}`;
    }
    const template = /^\/templates\/([^/]+)(.*)$/.exec(path);
    const index = template ? (this.value?.templates ?? []).findIndex(x => x.key === template[1]) : -1;
    return index >= 0 ? `/templates/${index}${template[2]}` : path;
  }

  ctx() {
    const ctx = super.ctx();
    return { ...ctx, bundle: { ...ctx.bundle, notifications: this.value } };
  }

  /** Each template's preview follows what is typed. */
  refresh() {
    this.querySelectorAll('[data-extra]').forEach(box => {
      const index = Number(box.dataset.extra.split('/').pop());
      box.innerHTML = templatePreview(this.value.templates[index]).toString();
    });
  }

  aside() {
    return html`<aside class="adm-variables" aria-labelledby="adm-vars-title">
      <h2 id="adm-vars-title">${t('adm.notifications.variables')}</h2>
      <ul>${VARIABLES.map(v => html`<li><code>{{${v}}}</code></li>`)}</ul></aside>`;
  }
}

customElements.define('orden-admin-notifications', NotificationsEditor);
