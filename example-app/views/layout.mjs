import { html } from './html.mjs';

/**
 * The frame of every page: a skip link, the header (with the mode the app runs
 * in, the language switch and, on the emulator, the development banner), the
 * main content and a footer. Everything visible sits in a landmark.
 *
 * @typedef {object} Site What every page knows about the app and the request.
 * @property {'emulator' | 'loginradius'} mode Where sign-in goes.
 * @property {boolean} mailbox Whether /dev/mailbox is mounted.
 * @property {boolean} signedIn Whether this request is signed in.
 * @property {string} lang The page's language tag.
 * @property {'ltr' | 'rtl'} dir Its writing direction.
 * @property {ReturnType<typeof import('../language.mjs').translator>} t Its strings.
 * @property {{ tag: string, name: string }[]} languages The languages on offer.
 * @property {string} back Where the language switch comes back to.
 * @property {{ action: string, hidden: Record<string, string> }} [linkSwitch] On a page a
 *   sign-in link opened: the switch is a GET form back to it with the link's parameters.
 */

/**
 * @param {object} page
 * @param {Site} page.site
 * @param {string} page.title The page's h1 and title.
 * @param {unknown} page.body The page's content (an `html` template).
 * @param {string[]} [page.scripts] Same-origin scripts to load (deferred).
 */
export function layout({ site, title, body, scripts = [] }) {
  const { t } = site;
  return html`<!doctype html>
    <html lang="${site.lang}" dir="${site.dir}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${t('site.title', { title })}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/public/style.css" />
        ${scripts.map((src) => html`<script src="${src}" defer></script>`)}
      </head>
      <body>
        <a class="skip-link" href="#main">${t('site.skip')}</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/"
              ><span class="brand-mark" aria-hidden="true"></span>${t('site.brand')}</a
            >
            <nav aria-label="${t('site.nav')}">
              <ul class="nav">
                ${site.signedIn && html`<li><a href="/profile">${t('site.profile')}</a></li>`}
                ${site.mailbox && html`<li><a href="/dev/mailbox">${t('site.mailbox')}</a></li>`}
                <li>
                  <span class="mode mode-${site.mode}"
                    >${
                      site.mode === 'emulator' ? t('site.modeEmulator') : t('site.modeLoginRadius')
                    }</span
                  >
                </li>
              </ul>
            </nav>
            ${languageSwitch(site)}
          </div>
          ${
            site.mode === 'emulator' &&
            html`<div class="dev-banner" role="note">
              <div class="wrap">
                <strong>${t('site.devBannerTitle')}</strong>
                ${t.html('site.devBanner', {
                  mailbox: html`<a href="/dev/mailbox">${t('site.devBannerMailbox')}</a>`,
                })}
              </div>
            </div>`
          }
        </header>
        <main id="main" class="wrap" tabindex="-1">
          <h1>${title}</h1>
          ${body}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            ${t.html('site.footer', {
              package: html`<code>passport-loginradius-passwordless</code>`,
            })}
          </div>
        </footer>
      </body>
    </html>`;
}

/**
 * One button per other language (each named in itself, with its `lang`), and
 * the current one marked: a form, so that it works without script.
 */
function languageSwitch(site) {
  const onLink = site.linkSwitch;
  return html`<form
    class="language-switch"
    method="${onLink ? 'get' : 'post'}"
    action="${onLink ? onLink.action : '/language'}"
  >
    ${
      onLink
        ? Object.entries(onLink.hidden).map(
            ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
          )
        : html`<input type="hidden" name="back" value="${site.back}" />`
    }
    <fieldset>
      <legend class="visually-hidden">${site.t('site.language')}</legend>
      <ul class="languages">
        ${site.languages.map((language) =>
          language.tag === site.lang
            ? html`<li>
                <span class="current-language" lang="${language.tag}" aria-current="true"
                  >${language.name}</span
                >
              </li>`
            : html`<li>
                <button
                  class="link-button"
                  type="submit"
                  name="lang"
                  value="${language.tag}"
                  lang="${language.tag}"
                >
                  ${language.name}
                </button>
              </li>`,
        )}
      </ul>
    </fieldset>
  </form>`;
}

/** An alert for a failure, or nothing. */
export function alert(message) {
  return message && html`<p class="alert alert-error" role="alert">${message}</p>`;
}

/** A polite status line for good news, or nothing. */
export function notice(message) {
  return message && html`<p class="alert alert-ok" role="status">${message}</p>`;
}
