import { html } from './html.mjs';
import { alert, layout } from './layout.mjs';
import { resendForm } from './steps.mjs';

/**
 * The confirm step of a link, in each of its forms (`data.binding` of the
 * verify router's `confirm` page), the page the other device sees once it
 * finished a cross-device sign-in, and the page for a link or code that failed.
 */

/**
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {import('passport-loginradius-passwordless').PageData} data.page What the router gives.
 */
export function confirmPage({ site, page }) {
  const { t } = site;
  const binding = page.binding ?? 'this-browser';
  if (binding === 'this-browser') {
    const body = html`
      <p class="lede">${t('page.confirm.lead')}</p>
      <form id="confirm-form" class="confirm" method="post" action="${page.action}">
        ${hiddenFields(page.hidden)}
        <button type="submit" autofocus>${t('page.confirm.button')}</button>
      </form>
      <p class="hint">${t('confirm.why')}</p>
    `;
    return layout({ site, title: t('page.confirm.title'), body });
  }

  const cross = page.crossDevice;
  // Another browser asked for this link: say so first, and focus nothing, so
  // that no single keypress signs anyone in.
  const body = html`
    <div class="callout callout-warning" role="note">
      <p><strong>${t('page.otherBrowser.warning')}</strong></p>
    </div>
    ${cross && otherDeviceForm(site, page, cross)}
    ${binding === 'refused' && !cross && html`<p>${t('page.otherBrowser.refused')}</p>`}
    ${binding === 'other-browser' && signInHereForm(site, page, Boolean(cross))}
    ${
      binding === 'refused' &&
      html`<p><a href="${page.signInPath ?? '/'}">${t('page.error.backToSignIn')}</a></p>`
    }
  `;
  return layout({
    site,
    title: t(cross ? 'page.crossDevice.title' : 'page.otherBrowser.title'),
    body,
  });
}

/** "Type the number shown there" → "Sign in on that device": finishes for the device that asked. */
function otherDeviceForm(site, page, cross) {
  const { t, messages } = site;
  const when = messages.relative(cross.requestedAt.getTime() - Date.now());
  return html`<p>
      ${t.html('page.crossDevice.requested', {
        when: html`<time datetime="${cross.requestedAt.toISOString()}">${when}</time>`,
        browser: cross.browser,
      })}
    </p>
    <form id="other-device-form" class="card narrow" method="post" action="${cross.action}">
      ${hiddenFields(page.hidden)}
      <label for="match">${t('page.crossDevice.numberLabel')}</label>
      <input
        id="match"
        name="match"
        class="code-input"
        inputmode="numeric"
        pattern="[0-9]{2}"
        maxlength="2"
        autocomplete="off"
        aria-describedby="match-hint"
        required
      />
      <p id="match-hint" class="hint">${t('page.crossDevice.numberHint')}</p>
      <button type="submit">${t('page.crossDevice.button')}</button>
    </form>`;
}

/** Signing in here all the same: only with "I asked for this link myself" ticked. */
function signInHereForm(site, page, alternative) {
  const { t } = site;
  return html`<section class="sign-in-here" aria-labelledby="sign-in-here">
    ${
      alternative
        ? html`<h2 id="sign-in-here">${t('page.crossDevice.orHere')}</h2>`
        : html`<h2 id="sign-in-here" class="visually-hidden">${t('page.otherBrowser.button')}</h2>`
    }
    <p>${t('page.otherBrowser.advice')}</p>
    <form id="confirm-form" method="post" action="${page.action}">
      ${hiddenFields(page.hidden)}
      <p class="checkbox">
        <input type="checkbox" id="acknowledge" name="acknowledge" value="1" required />
        <label for="acknowledge">${t('page.otherBrowser.acknowledge')}</label>
      </p>
      <button type="submit" class="${alternative ? 'secondary' : ''}">
        ${t('page.otherBrowser.button')}
      </button>
    </form>
  </section>`;
}

/** @param {{ site: import('./layout.mjs').Site }} data */
export function signedInElsewherePage({ site }) {
  const { t } = site;
  const body = html`<p class="alert alert-ok" role="status">${t('page.crossDevice.done')}</p>`;
  return layout({ site, title: t('page.crossDevice.doneTitle'), body });
}

/**
 * A link or code that did not sign in. With a sign-in in progress in this
 * browser: one button that sends a new link (or code) there; otherwise the way
 * back to the sign-in form.
 *
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {string} data.message
 * @param {import('./steps.mjs').ResendOffer} [data.resend]
 */
export function signInProblemPage({ site, message, resend }) {
  const { t } = site;
  const body = html`
    ${alert(message)}
    ${
      resend
        ? html`${resendForm(site, resend)}
            <p><a href="/">${t('page.error.backToSignIn')}</a></p>`
        : html`<p><a class="button" href="/">${t('page.error.backToSignIn')}</a></p>`
    }
  `;
  return layout({
    site,
    title: t('page.error.title'),
    body,
    scripts: resend ? ['/public/resend-cooldown.js'] : [],
  });
}

function hiddenFields(hidden = {}) {
  return Object.entries(hidden).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
  );
}
