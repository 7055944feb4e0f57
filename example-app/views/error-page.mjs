import { html } from './html.mjs';
import { layout } from './layout.mjs';

/**
 * A friendly page for what went wrong (not found, a failure outside the
 * sign-in forms). It shows a fixed message, never the error's text.
 * @param {{ site: import('./layout.mjs').Site, title: string, message: string }} data
 */
export function errorPage({ site, title, message }) {
  const body = html`
    <p class="alert alert-error" role="alert">${message}</p>
    <p><a class="button" href="/">${site.t('page.error.backToSignIn')}</a></p>
  `;
  return layout({ site, title, body });
}
