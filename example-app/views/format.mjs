/**
 * Times as people read them. The server does not know the reader's time zone,
 * so times are shown in UTC and carried in `<time datetime>` for tools.
 */

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

/** @param {Date | string | number} value */
export function toDate(value) {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "22 Nov 2025, 14:03 UTC" */
export function formatDateTime(value) {
  const date = toDate(value);
  return date ? `${DATE_TIME.format(date)} UTC` : 'unknown';
}

/** "14:03:12 UTC" */
export function formatTime(value) {
  const date = toDate(value);
  return date ? `${TIME.format(date)} UTC` : 'unknown';
}

/** ISO 8601 for `<time datetime>`, or nothing. */
export function isoTime(value) {
  return toDate(value)?.toISOString();
}
