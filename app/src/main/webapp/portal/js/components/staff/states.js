import { html } from '../../html.js';
import { lang, statusName, t } from '../../i18n.js';

// The workflows' state names as the API gives them (an order's `statusName`, a transition's `name`), remembered by
// key so that history entries and filters name a state the same way (a history entry's `fromName`/`toName` too); the built-in names only when the API gave none.
const NAMES = new Map();

export function learnStates(orders = [], transitions = [], history = []) {
  history.forEach(entry => {
    if (entry?.fromName) NAMES.set(entry.from, entry.fromName);
    if (entry?.toName) NAMES.set(entry.to, entry.toName);
  });
  orders.forEach(order => { if (order?.statusName) NAMES.set(order.status, order.statusName); });
  transitions.forEach(move => { if (move?.name) NAMES.set(move.to, move.name); });
}

export function stateName(key) {
  const names = NAMES.get(key);
  return names?.[lang()] ?? names?.en ?? statusName(key);
}

/** An order's status, coloured by its category, named in the user's language. */
export function stateBadge(order) {
  return html`<span class="status cat-${order.statusCategory}" data-status="${order.status}"
    title="${t(`category.${order.statusCategory}`)}">${stateName(order.status)}</span>`;
}

/** "in 3 hours" / "3 hours": a duration in the user's language, coarsely. */
export function duration(ms) {
  const minutes = Math.round(Math.abs(ms) / 60000);
  const [value, unit] = minutes >= 2880 ? [Math.round(minutes / 1440), 'day']
    : minutes >= 120 ? [Math.round(minutes / 60), 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(lang(), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
