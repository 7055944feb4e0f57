import { html } from './html.mjs';

/**
 * The frame of every page: a skip link, the header (with the mode the app runs
 * in), the development banner on the emulator, the main content and a footer.
 *
 * @typedef {object} Site What every page knows about the app.
 * @property {'emulator' | 'loginradius'} mode Where sign-in goes.
 * @property {boolean} mailbox Whether /dev/mailbox is mounted.
 * @property {boolean} signedIn Whether this request is signed in.
 */

/**
 * @param {object} page
 * @param {Site} page.site
 * @param {string} page.title The page's h1 and title.
 * @param {unknown} page.body The page's content (an `html` template).
 * @param {string[]} [page.scripts] Same-origin scripts to load (deferred).
 */
export function layout({ site, title, body, scripts = [] }) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Passwordless sign-in demo</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/public/style.css" />
        ${scripts.map((src) => html`<script src="${src}" defer></script>`)}
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/"
              ><span class="brand-mark" aria-hidden="true"></span>Passwordless demo</a
            >
            <nav aria-label="Site">
              <ul class="nav">
                ${site.signedIn && html`<li><a href="/profile">Profile</a></li>`}
                ${site.mailbox && html`<li><a href="/dev/mailbox">Dev mailbox</a></li>`}
                <li>
                  <span class="mode mode-${site.mode}"
                    >${site.mode === 'emulator' ? 'Emulator' : 'LoginRadius'}</span
                  >
                </li>
              </ul>
            </nav>
          </div>
        </header>
        ${
          site.mode === 'emulator' &&
          html`<div class="dev-banner" role="note">
            <div class="wrap">
              <strong>Development mode.</strong> Sign-in runs against the embedded LoginRadius
              emulator: nothing is really emailed or texted. Every link and code appears in the
              <a href="/dev/mailbox">dev mailbox</a>.
            </div>
          </div>`
        }
        <main id="main" class="wrap" tabindex="-1">
          <h1>${title}</h1>
          ${body}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            Built with <code>passport-loginradius-passwordless</code>: Passport, Express and
            LoginRadius passwordless login.
          </div>
        </footer>
      </body>
    </html>`;
}

/** An alert for a failure, or nothing. */
export function alert(message) {
  return message && html`<p class="alert alert-error" role="alert">${message}</p>`;
}

/** A polite status line for good news, or nothing. */
export function notice(message) {
  return message && html`<p class="alert alert-ok" role="status">${message}</p>`;
}
