import type { Messages } from '../i18n';
import type { PageData, PageName } from './pages';
import { escapeHtml } from './pages';

/** The HTML of each built-in page, every string from the request's catalogue. */

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}' +
  'button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:1px solid #1f4fd1;background:#1f4fd1;color:#fff;cursor:pointer}' +
  'button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}' +
  'input{font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.3rem;width:10rem;letter-spacing:.2em}' +
  'input[type=checkbox]{width:auto}.secondary{background:#fff;color:#1f4fd1}.match{font-size:2rem;letter-spacing:.2em}' +
  '.warning{border-inline-start:4px solid #b35900;padding-inline-start:.8rem}section{margin-top:2rem}';

/**
 * The cross-device poller: asks `GET /link/status` every 2 s and goes on when
 * the other device finished. Static, so the page's CSP allows it by hash.
 */
export const POLL_SCRIPT =
  "(function(){var s=document.getElementById('cross-device-status');if(!s)return;" +
  "var u=s.getAttribute('data-status-url');function go(){fetch(u,{headers:{Accept:'application/json'}," +
  "credentials:'same-origin'}).then(function(r){return r.json()}).then(function(b){" +
  "if(b.status==='signed_in'){location.assign(b.returnTo||'/');return}" +
  "if(b.status==='pending'){setTimeout(go,2000);return}" +
  "s.textContent=s.getAttribute('data-expired-text')}).catch(function(){setTimeout(go,2000)})}" +
  'setTimeout(go,2000)})();';

function layout(m: Messages, title: string, body: string, script = false): string {
  return (
    `<!doctype html><html lang="${escapeHtml(m.lang)}" dir="${m.dir}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="no-referrer">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main>` +
    (script ? `<script>${POLL_SCRIPT}</script>` : '') +
    '</body></html>'
  );
}

function hiddenFields(hidden: Record<string, string> = {}): string {
  return Object.entries(hidden)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
}

function text(
  m: Messages,
  key: Parameters<Messages['t']>[0],
  values?: Record<string, string>,
): string {
  return escapeHtml(m.t(key, values));
}

export function pageBody(page: PageName, data: PageData): string {
  const m = data.messages;
  switch (page) {
    case 'confirm':
      return confirmPage(m, data);
    case 'link-sent':
      return linkSentPage(m, data);
    case 'otp-sent':
      return otpSentPage(m, data);
    case 'signed-in-elsewhere':
      return layout(
        m,
        m.t('page.crossDevice.doneTitle'),
        `<p role="status">${text(m, 'page.crossDevice.done')}</p>`,
      );
    case 'error':
      return errorPage(m, data);
  }
}

function confirmPage(m: Messages, data: PageData): string {
  const action = escapeHtml(data.action ?? '');
  if (data.binding === undefined || data.binding === 'this-browser') {
    return layout(
      m,
      m.t('page.confirm.title'),
      `<p>${text(m, 'page.confirm.lead')}</p>` +
        `<form method="post" action="${action}">${hiddenFields(data.hidden)}` +
        `<button type="submit" autofocus>${text(m, 'page.confirm.button')}</button></form>`,
    );
  }
  let body = `<p class="warning"><strong>${text(m, 'page.otherBrowser.warning')}</strong></p>`;
  const cross = data.crossDevice;
  if (cross) {
    const when = m.relative(cross.requestedAt.getTime() - Date.now());
    body +=
      `<p>${text(m, 'page.crossDevice.requested', { when, browser: cross.browser })}</p>` +
      `<form method="post" action="${escapeHtml(cross.action)}">${hiddenFields(data.hidden)}` +
      `<p><label for="match">${text(m, 'page.crossDevice.numberLabel')}</label><br>` +
      '<input id="match" name="match" inputmode="numeric" pattern="[0-9]{2}" maxlength="2" ' +
      'autocomplete="off" required aria-describedby="match-hint"></p>' +
      `<p id="match-hint">${text(m, 'page.crossDevice.numberHint')}</p>` +
      `<button type="submit">${text(m, 'page.crossDevice.button')}</button></form>`;
  }
  if (data.binding === 'refused') {
    if (!cross) body += `<p>${text(m, 'page.otherBrowser.refused')}</p>`;
    if (data.signInPath) {
      body += `<p><a href="${escapeHtml(data.signInPath)}">${text(m, 'page.error.backToSignIn')}</a></p>`;
    }
    return layout(m, m.t(cross ? 'page.crossDevice.title' : 'page.otherBrowser.title'), body);
  }
  body +=
    (cross ? `<section><h2>${text(m, 'page.crossDevice.orHere')}</h2>` : '<section>') +
    `<p>${text(m, 'page.otherBrowser.advice')}</p>` +
    `<form method="post" action="${action}">${hiddenFields(data.hidden)}` +
    '<p><input type="checkbox" id="acknowledge" name="acknowledge" value="1" required> ' +
    `<label for="acknowledge">${text(m, 'page.otherBrowser.acknowledge')}</label></p>` +
    `<button type="submit" class="${cross ? 'secondary' : ''}">${text(m, 'page.otherBrowser.button')}</button>` +
    '</form></section>';
  return layout(m, m.t(cross ? 'page.crossDevice.title' : 'page.otherBrowser.title'), body);
}

function linkSentPage(m: Messages, data: PageData): string {
  let body = `<p role="status">${text(m, data.match ? 'page.linkSent.leadCrossDevice' : 'page.linkSent.lead')}</p>`;
  // Finished on the other device but not picked up yet: the poll's next answer signs in.
  const waiting = data.status === 'pending' || data.status === 'signed_in';
  const polling = data.match !== undefined && data.statusUrl !== undefined && waiting;
  if (data.match !== undefined && data.statusUrl !== undefined) {
    const number = `<strong class="match">${escapeHtml(data.match)}</strong>`;
    body += `<p>${text(m, 'page.linkSent.match', { number: '\u0000' }).replace('\u0000', number)}</p>`;
    const state = waiting ? 'page.linkSent.waiting' : 'page.linkSent.expired';
    body +=
      `<p id="cross-device-status" role="status" data-status-url="${escapeHtml(data.statusUrl)}" ` +
      `data-expired-text="${text(m, 'page.linkSent.expired')}">${text(m, state)}</p>`;
    if (polling) {
      body +=
        `<form method="get" action="${escapeHtml(data.statusUrl)}">` +
        `<button type="submit" class="secondary">${text(m, 'page.linkSent.checkAgain')}</button></form>`;
    }
  }
  if (data.action) {
    body +=
      `<section><p>${text(m, 'page.linkSent.codeIntro')}</p>` +
      `<form method="post" action="${escapeHtml(data.action)}">` +
      `<label for="otp">${text(m, 'page.linkSent.codeLabel')}</label> ` +
      '<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" required> ' +
      `<button type="submit">${text(m, 'page.linkSent.codeButton')}</button></form>` +
      `<p>${text(m, 'page.linkSent.orClick')}</p></section>`;
  }
  return layout(m, m.t('page.linkSent.title'), body, polling);
}

function otpSentPage(m: Messages, data: PageData): string {
  let body =
    `<p role="status">${text(m, data.voice ? 'page.otpSent.leadVoice' : 'page.otpSent.lead')}</p>` +
    `<form method="post" action="${escapeHtml(data.action ?? '')}">` +
    `<label for="otp">${text(m, 'page.otpSent.codeLabel')}</label> <input id="otp" name="otp" inputmode="numeric" ` +
    `autocomplete="one-time-code" required autofocus> <button type="submit">${text(m, 'page.otpSent.button')}</button></form>`;
  if (data.waitSeconds) {
    body += `<p>${text(m, 'page.otpSent.wait', { in: m.relative(data.waitSeconds * 1000) })}</p>`;
  }
  if (data.resendAction) {
    body +=
      `<form method="post" action="${escapeHtml(data.resendAction)}"><p>` +
      `<button type="submit" class="secondary" name="resend" value="1">${text(m, 'page.otpSent.resend')}</button></p></form>`;
  }
  // "Call me instead" once the cooldown allows another send (a page without script: reload it).
  if (data.voiceAction && !data.waitSeconds) {
    body +=
      `<form method="post" action="${escapeHtml(data.voiceAction)}">${hiddenFields({ resend: '1', voice: '1' })}<p>` +
      `<button type="submit" class="secondary">${text(m, 'page.otpSent.voice')}</button></p></form>`;
  }
  return layout(m, m.t('page.otpSent.title'), body);
}

function errorPage(m: Messages, data: PageData): string {
  let body = `<p role="alert">${escapeHtml(data.message ?? m.t('error.server'))}</p>`;
  const resend = data.resend;
  if (resend) {
    const label = resend.channel === 'email' ? 'page.error.resendLink' : 'page.error.resendCode';
    body +=
      `<form method="post" action="${escapeHtml(resend.action)}">${hiddenFields(resend.hidden)}` +
      `<p>${text(m, 'page.error.resendTo', { recipient: resend.recipient })}</p>` +
      `<button type="submit">${text(m, label)}</button></form>`;
  } else if (data.signInPath) {
    body += `<p><a href="${escapeHtml(data.signInPath)}">${text(m, 'page.error.backToSignIn')}</a></p>`;
  }
  return layout(m, m.t('page.error.title'), body);
}
