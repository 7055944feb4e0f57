import { escapeHtml } from 'passport-loginradius-passwordless';

/**
 * A tagged template that escapes by default, so no view can forget to:
 * every interpolated value is escaped with the package's `escapeHtml`, except
 * the result of another `html` template (already safe). Arrays are joined;
 * `null`, `undefined` and `false` render as nothing. Attribute values must be
 * written in double quotes, which `escapeHtml` also escapes.
 *
 *   html`<p>Hello ${name}</p>`  // name = '<b>' renders as &lt;b&gt;
 */

class SafeHtml {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

/**
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 * @returns {SafeHtml}
 */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

/**
 * Parts joined into one `html` result: strings are escaped, `html` results kept.
 * @param {unknown[]} parts
 * @returns {SafeHtml}
 */
export function joinHtml(parts) {
  return new SafeHtml(parts.map(render).join(''));
}

function render(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * An http(s) URL fit for an `href`, or `undefined`. Escaping stops a URL from
 * breaking out of its attribute, not a `javascript:` URL from running.
 * @param {unknown} value
 */
export function safeHref(value) {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
