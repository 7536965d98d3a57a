// Local days and times of the browser for the board's forms and timeline; the API speaks instants.

export function isoDay(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The value of a datetime-local input for an instant, in the browser's zone. */
export function localInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return `${isoDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant of a datetime-local value (read in the browser's zone), null when empty. */
export function instant(localValue) {
  return localValue ? new Date(localValue).toISOString() : null;
}

export function dayStart(day) {
  return new Date(`${day}T00:00`);
}

/** The same local time `days` calendar days on: a day is 23 or 25 hours when the clocks change. */
export function addDays(date, days) {
  const moved = new Date(date);
  moved.setDate(moved.getDate() + days);
  return moved;
}

export function timeOfDay(iso, language) {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
