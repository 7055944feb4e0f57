import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { BrowserKind } from '../cross-device';
import { VerifyFailedError } from '../errors';
import type { Messages } from '../i18n';
import { safeRedirect } from '../redirects';
import { storedFlow } from '../session';
import { endAccessToken } from './end-access-token';
import { answerFailure } from './failure';
import { setPageHeaders, type PageData } from './pages';
import { queryString, wantsJson } from './request-body';
import { authenticate, startSession, uidOf } from './sign-in';
import { crossDeviceState, removeCrossDevice } from './status';
import type { VerifyContext } from './verify-router';

/**
 * Cross-device sign-in, the verify router's side. Device B opened a link asked
 * for on device A: B's confirm page offers to finish on A once the person types
 * the number A shows (one try; a wrong number spends nothing and ends the path);
 * B's verify keeps the user for A, never in B's session; A, polling
 * `GET /link/status`, is signed in by the answer that first sees it finished.
 * The number is why this is safe: someone who starts a sign-in as you cannot
 * see it on your screen, so your click alone cannot sign them in.
 */

/** Adds the "finish on the device that asked" offer to B's confirm page, while A's flow waits. */
export async function offerOtherDevice(
  config: VerifyContext,
  req: Request,
  ref: string,
  data: PageData,
): Promise<void> {
  const record = await config.records.read(req, ref);
  if (!record || record.state !== 'pending') return;
  data.crossDevice = {
    requestedAt: new Date(record.requestedAt),
    browser: describeBrowser(data.messages, record.browser),
    action: `${req.baseUrl}/callback`,
  };
}

/** POST /callback with `match`: B finishes the sign-in for A. */
export async function finishOnOtherDevice(
  config: VerifyContext,
  req: Request,
  res: Response,
  ref: string | undefined,
  match: string,
): Promise<void> {
  const refuse = (reason: string, detail: string): void => {
    const error = new VerifyFailedError(reason, detail);
    answerFailure(config, req, res, error, { type: 'cross_device_refused', channel: 'email' });
  };
  if (!config.crossDevice || !ref) {
    refuse('no_pending_flow', 'no cross-device sign-in to finish');
    return;
  }
  const record = await config.records.read(req, ref);
  if (!record || record.state !== 'pending') {
    refuse('no_pending_flow', 'the cross-device sign-in is over or never was');
    return;
  }
  if (!(await config.records.claimTry(ref))) {
    refuse('second_try', 'the number was already tried once');
    return;
  }
  if (!sameNumber(record.match, match)) {
    await config.records.end(req, ref, record);
    refuse('wrong_number', 'the number typed is not the one the other device shows');
    return;
  }
  let user: unknown;
  try {
    // A's account, never any account: a link stolen from someone else cannot
    // finish a sign-in the attacker started for themselves on their own device.
    user = await authenticate(config, req, res, 'link', record.recipient);
  } catch (error) {
    await config.records.end(req, ref, record);
    throw error;
  }
  if (user === undefined) {
    await config.records.end(req, ref, record);
    return;
  }
  // A may have given the flow up while LoginRadius answered (a new send, signing out).
  const current = await config.records.read(req, ref);
  if (current?.state !== 'pending') {
    await endAccessToken(config, req, user, 'dropped_login_invalidate_failed');
    refuse('no_pending_flow', 'the device that asked gave the sign-in up meanwhile');
    return;
  }
  await config.records.complete(req, ref, current, user);
  // A gave up between that read and this write: the abandon may have ended the
  // record before it held the login, so the login is dropped here.
  if (await config.records.wasAbandoned(ref)) {
    await config.records.end(req, ref, current);
    await endAccessToken(config, req, user, 'dropped_login_invalidate_failed');
    refuse('no_pending_flow', 'the device that asked gave the sign-in up meanwhile');
    return;
  }
  const uid = uidOf(user);
  config.emit(req, {
    type: 'cross_device_login',
    channel: 'email',
    ...(uid ? { uid } : {}),
  });
  res.setHeader('Cache-Control', 'no-store');
  if (wantsJson(req)) {
    res.status(200).json({ signedIn: false, completedOn: 'other-device' });
    return;
  }
  setPageHeaders(res);
  config.renderPage('signed-in-elsewhere', { messages: config.translator.for(req) }, res);
}

/**
 * GET /link/status: device A waits. The answer that first sees B finished signs
 * A in (new session id, the user stored as on any login, the flow gone).
 */
export async function linkStatus(
  config: VerifyContext,
  req: Request,
  res: Response,
): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  const flow = storedFlow(req);
  const state = await crossDeviceState(config.records, req, flow);
  let status = state.status;
  const record = state.record;
  if (record?.state === 'signed_in' && flow) {
    // The one pickup is claimed atomically (across instances) before the record goes.
    if (await config.records.claimPickup(flow.ref)) {
      // Best effort: the claim already keeps anyone else from picking it up.
      await removeCrossDevice(config, req, flow.ref);
      const target =
        safeRedirect(flow.returnTo, config.allowedRedirectUrls) ?? config.successRedirect;
      await startSession(config, req, record.user, 'email');
      if (wantsJson(req)) res.status(200).json({ status: 'signed_in', returnTo: target });
      else res.redirect(303, target);
      return;
    }
    status = 'pending';
  }
  if (wantsJson(req)) {
    res.status(200).json({ status });
    return;
  }
  // The status goes along, so an app's own page can say it without a script.
  const back = safeRedirect(queryString(req, 'back')) ?? `${req.baseUrl}/link/sent`;
  res.redirect(303, `${back}${back.includes('?') ? '&' : '?'}status=${status}`);
}

function sameNumber(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.trim());
  return a.length === b.length && timingSafeEqual(a, b);
}

function describeBrowser(messages: Messages, kind: BrowserKind): string {
  if (kind.name && kind.system) {
    return messages.t('page.crossDevice.browserOn', { browser: kind.name, system: kind.system });
  }
  return kind.name ?? kind.system ?? messages.t('page.crossDevice.unknownBrowser');
}
