// Spanish and English: the browser's first language that is one of them, unless the user chose (remembered here).
const MESSAGES = {
  en: {
    skip: 'Skip to content',
    language: 'Language',
    loading: 'Loading…',
    signOut: 'Sign out',
    signInFailed: 'Sign-in is not available right now. Try again in a moment.',
    'live.live': 'Live',
    'live.connecting': 'Connecting…',
    'live.reconnecting': 'Reconnecting…',
    'nav.myOrders': 'My orders',
    'orders.title': 'My orders',
    'orders.empty': 'You have no orders yet.',
    'orders.more': 'Show more',
    'orders.updated': 'Updated {when}',
    'orders.count': '{n} orders',
    'order.back': 'My orders',
    'order.status': 'Status',
    'order.priority': 'Priority',
    'order.type': 'Type',
    'order.assignee': 'Assigned to',
    'order.unassigned': 'Not assigned yet',
    'order.created': 'Created',
    'order.updated': 'Last change',
    'order.due': 'Due',
    'order.description': 'Description',
    'order.details': 'Details',
    'order.timeline': 'History',
    'order.updatedLive': 'Updated just now: {status}',
    'notFound.title': 'Not found',
    'notFound.text': 'There is no such order, or it is not yours to see.',
    'notFound.page': 'There is no such page.',
    'error.title': 'Something went wrong',
    'error.text': 'The server did not answer as expected ({status}). Try again.',
    retry: 'Try again',
    system: 'Orden',
    'event.CREATED': '{actor} created the order',
    'event.STATUS_CHANGED': '{actor} changed the status from {from} to {to}',
    'event.ASSIGNED.assignee': '{actor} assigned it to {to}',
    'event.ASSIGNED.team': '{actor} gave it to team {to}',
    'event.COMMENTED': '{actor} commented',
    'event.UPDATED': '{actor} changed {field}',
    'event.TRANSFERRED': '{actor} transferred it ({field}: {to})',
    'event.SLA_BREACHED': 'A service target was missed',
    'event.other': '{actor}: {field}',
    'priority.LOW': 'Low', 'priority.NORMAL': 'Normal', 'priority.HIGH': 'High', 'priority.URGENT': 'Urgent',
    'category.new': 'New', 'category.open': 'Open', 'category.pending': 'Waiting', 'category.resolved': 'Resolved',
    'category.closed': 'Closed',
    'status.NEW': 'New', 'status.ASSIGNED': 'Assigned', 'status.IN_PROGRESS': 'In progress',
    'status.ON_HOLD': 'On hold', 'status.RESOLVED': 'Resolved', 'status.CLOSED': 'Closed',
    'status.CANCELLED': 'Cancelled',
  },
  es: {
    skip: 'Ir al contenido',
    language: 'Idioma',
    loading: 'Cargando…',
    signOut: 'Cerrar sesión',
    signInFailed: 'El inicio de sesión no está disponible ahora. Inténtalo de nuevo en un momento.',
    'live.live': 'En directo',
    'live.connecting': 'Conectando…',
    'live.reconnecting': 'Reconectando…',
    'nav.myOrders': 'Mis órdenes',
    'orders.title': 'Mis órdenes',
    'orders.empty': 'Todavía no tienes órdenes.',
    'orders.more': 'Ver más',
    'orders.updated': 'Actualizada {when}',
    'orders.count': '{n} órdenes',
    'order.back': 'Mis órdenes',
    'order.status': 'Estado',
    'order.priority': 'Prioridad',
    'order.type': 'Tipo',
    'order.assignee': 'Asignada a',
    'order.unassigned': 'Aún sin asignar',
    'order.created': 'Creada',
    'order.updated': 'Último cambio',
    'order.due': 'Vence',
    'order.description': 'Descripción',
    'order.details': 'Datos',
    'order.timeline': 'Historial',
    'order.updatedLive': 'Actualizada ahora mismo: {status}',
    'notFound.title': 'No encontrada',
    'notFound.text': 'Esa orden no existe o no puedes verla.',
    'notFound.page': 'Esa página no existe.',
    'error.title': 'Algo ha fallado',
    'error.text': 'El servidor no respondió como se esperaba ({status}). Inténtalo de nuevo.',
    retry: 'Reintentar',
    system: 'Orden',
    'event.CREATED': '{actor} creó la orden',
    'event.STATUS_CHANGED': '{actor} cambió el estado de {from} a {to}',
    'event.ASSIGNED.assignee': '{actor} la asignó a {to}',
    'event.ASSIGNED.team': '{actor} la pasó al equipo {to}',
    'event.COMMENTED': '{actor} comentó',
    'event.UPDATED': '{actor} cambió {field}',
    'event.TRANSFERRED': '{actor} la transfirió ({field}: {to})',
    'event.SLA_BREACHED': 'Se incumplió un objetivo de servicio',
    'event.other': '{actor}: {field}',
    'priority.LOW': 'Baja', 'priority.NORMAL': 'Normal', 'priority.HIGH': 'Alta', 'priority.URGENT': 'Urgente',
    'category.new': 'Nueva', 'category.open': 'Abierta', 'category.pending': 'En espera',
    'category.resolved': 'Resuelta', 'category.closed': 'Cerrada',
    'status.NEW': 'Nueva', 'status.ASSIGNED': 'Asignada', 'status.IN_PROGRESS': 'En curso',
    'status.ON_HOLD': 'En espera', 'status.RESOLVED': 'Resuelta', 'status.CLOSED': 'Cerrada',
    'status.CANCELLED': 'Cancelada',
  },
};

export const LANGUAGES = Object.keys(MESSAGES);

/** A feature's own texts (`{ en: {...}, es: {...} }`), kept in its module so that features do not share one file. */
export function addMessages(bundle) {
  for (const language of LANGUAGES) Object.assign(MESSAGES[language], bundle[language]);
}
const STORAGE_KEY = 'orden.lang';

function initial() {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(chosen)) return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

let current = initial();

export function lang() {
  return current;
}

/** Switches the language, remembers it, and tells the page to draw itself again. */
export function setLang(language) {
  if (!LANGUAGES.includes(language)) return;
  current = language;
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  window.dispatchEvent(new CustomEvent('orden:lang'));
}

export function t(key, params = {}) {
  const text = MESSAGES[current][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
}

/** A state of the tenant's workflow: the default workflow's names, else its key made readable. */
/** A name the API gives per language (`{es, en}`) in the user's language; `fallback` when it gave none. */
export function localName(names, fallback) {
  return names?.[current] ?? names?.en ?? fallback;
}

export function statusName(key) {
  if (!key) return '';
  return MESSAGES[current][`status.${key}`] ?? humanize(key);
}

function humanize(key) {
  const words = key.toLowerCase().replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "3 minutes ago", "yesterday": in the chosen language. */
export function formatRelative(iso) {
  if (!iso) return '';
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]];
  const format = new Intl.RelativeTimeFormat(current, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

document.documentElement.lang = current;
