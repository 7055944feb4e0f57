/**
 * Times as people read them, in the page's language. The server does not know
 * the reader's time zone, so times are shown in UTC and carried in
 * `<time datetime>` for tools.
 */

const formats = new Map();

function formatter(lang, kind) {
  const key = `${lang} ${kind}`;
  let format = formats.get(key);
  if (!format) {
    const options =
      kind === 'dateTime'
        ? { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }
        : { hour: '2-digit', minute: '2-digit', second: '2-digit' };
    // British English writes 24-hour times, as every other language on offer does.
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
      ...options,
      timeZone: 'UTC',
    });
    formats.set(key, format);
  }
  return format;
}

/** @param {Date | string | number} value */
export function toDate(value) {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "22 Nov 2025, 14:03 UTC" (in English) */
export function formatDateTime(value, lang = 'en') {
  const date = toDate(value);
  return date ? `${formatter(lang, 'dateTime').format(date)} UTC` : '–';
}

/** "14:03:12 UTC" (in English) */
export function formatTime(value, lang = 'en') {
  const date = toDate(value);
  return date ? `${formatter(lang, 'time').format(date)} UTC` : '–';
}

/** ISO 8601 for `<time datetime>`, or nothing. */
export function isoTime(value) {
  return toDate(value)?.toISOString();
}
