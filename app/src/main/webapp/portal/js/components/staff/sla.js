import { html } from '../../html.js';
import { formatDateTime, t } from '../../i18n.js';
import { duration } from './states.js';

const CLOCKS = [['firstResponse', 'firstResponseDue', 'firstResponseMetAt'], ['resolution', 'resolutionDue', 'resolutionMetAt']];

/** One clock's state: met, breached, paused or running (with the time left or over). */
export function clocks(sla, now = Date.now()) {
  if (!sla) return [];
  return CLOCKS.filter(([, due]) => sla[due]).map(([name, due, met]) => {
    const breached = (sla.breached ?? []).includes(name);
    const left = new Date(sla[due]).getTime() - now;
    const state = sla[met] ? 'met' : breached || left < 0 ? 'breached' : sla.paused ? 'paused' : 'running';
    return { name, due: sla[due], met: sla[met], left, state };
  });
}

function when(iso) {
  return html`<time datetime="${iso}">${formatDateTime(iso)}</time>`;
}

/** A clock as one line: its name, its due time or when it was met, and what is left or over. */
export function clockLine(clock) {
  const detail = clock.state === 'met' ? t('sla.met', { when: '' }) : t('sla.due', { when: '' });
  const remaining = clock.state === 'met' ? ''
    : clock.left < 0 ? t('sla.over', { over: duration(clock.left) }) : t('sla.left', { left: duration(clock.left) });
  const flag = clock.state === 'breached' ? t('sla.breached') : clock.state === 'paused' ? t('sla.paused') : '';
  return html`<span class="sla-clock sla-${clock.state}" data-clock="${clock.name}" data-state="${clock.state}">
    <strong>${t(`sla.${clock.name}`)}</strong>
    ${flag ? html`<span class="sla-flag">${flag}</span>` : ''}
    <span>${detail.trim()} ${when(clock.state === 'met' ? clock.met : clock.due)}</span>
    ${remaining ? html`<span class="sla-left">${remaining}</span>` : ''}
  </span>`;
}

/** The clock that matters most in a list row: the first one breached, else the first still running. */
export function worstClock(sla) {
  const all = clocks(sla).filter(c => c.state !== 'met');
  return all.find(c => c.state === 'breached') ?? all.find(c => c.state === 'running') ?? all[0] ?? null;
}
