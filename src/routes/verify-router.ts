import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { emailRecipientOf } from '../credentials';
import { CrossDeviceRecords } from '../cross-device';
import { RateLimitedError, VerifyFailedError } from '../errors';
import { Limit } from '../limits';
import { checkToken } from '../loginradius/validation';
import { signOutLocally } from '../require-login';
import { liveFlow, storedFlow } from '../session';
import { markSignedOut } from '../signed-out-sessions';
import { parseVerifyRouterOptions, type VerifyConfig } from './verify-config';
import { finishOnOtherDevice, linkStatus, offerOtherDevice } from './cross-device-routes';
import { checkCrossSite } from './cross-site';
import { route, type RouteContext } from './failure';
import type { VerifyRouterOptions } from './options';
import { setPageHeaders, type PageData } from './pages';
import { queryString, readFlatBody, wantsJson } from './request-body';
import { endAccessToken } from './end-access-token';
import { ipKey } from './send';
import { abandonCrossDevice, removeCrossDevice } from './status';
import { authenticate, logIn } from './sign-in';
import { createMountableRouter, routePreparer, type MountableRouter } from './sub-app';

/**
 * Mounts the "callback / verify" endpoints:
 *
 * - `GET /callback?flow=…&vtoken=…`: the link in the email lands here and gets
 *   a confirm page; nothing is spent (mail scanners open links).
 * - `POST /callback`: spends the token and signs in (or, with `match`, finishes
 *   a cross-device sign-in for the device that asked).
 * - `POST /otp/verify` and `POST /link/verify` with `otp`: spend the code sent
 *   by SMS (or voice call) or by email for this session's pending flow, and sign in.
 * - `GET /link/status` (`crossDevice: true`): the device that asked waits here.
 * - `POST /logout`: ends the LoginRadius access token, then the session.
 *
 * At login the session id is regenerated and nothing from before survives but a
 * validated `returnTo`. Every verify failure gets the same status and message.
 */
export function createVerifyRouter(options: VerifyRouterOptions): MountableRouter {
  const config = parseVerifyRouterOptions(options);
  const context: VerifyContext = {
    ...config,
    prepare: routePreparer('createVerifyRouter', config.maxBodyBytes),
    verifyLimit: new Limit(
      'verify-ip',
      config.verifyPerIp,
      config.verifyPerIpWindowMs,
      config.stores,
    ),
    records: new CrossDeviceRecords(config.crossDeviceStore, config.stores),
  };
  const app = createMountableRouter('createVerifyRouter');
  app.get('/callback', route(context, confirmPage));
  app.post('/callback', route(context, verifyLink));
  app.post('/otp/verify', route(context, verifySmsCode));
  app.post('/link/verify', route(context, verifyEmailCode));
  if (config.crossDevice) app.get('/link/status', route(context, linkStatus));
  app.post('/logout', route(context, logout));
  return app;
}

export interface VerifyContext extends VerifyConfig, RouteContext {
  readonly verifyLimit: Limit;
  readonly records: CrossDeviceRecords;
}

/** GET /callback: only shows a page; GET and HEAD never spend the token. */
async function confirmPage(config: VerifyContext, req: Request, res: Response): Promise<void> {
  setPageHeaders(res);
  let token: string;
  let ref: string | undefined;
  try {
    // Only `vtoken` matters: LoginRadius's own templates use other `vtype`s.
    token = checkToken('vtoken', queryString(req, 'vtoken'));
    ref = flowRefOf(queryString(req, 'flow'));
  } catch (error) {
    throw new VerifyFailedError('malformed', 'unreadable link', error);
  }
  const hidden: Record<string, string> = { vtoken: token, ...(ref ? { flow: ref } : {}) };
  const data: PageData = {
    messages: config.translator.for(req),
    action: `${req.baseUrl}/callback`,
    hidden,
  };
  if (isOwnLink(req, ref)) {
    data.binding = 'this-browser';
  } else {
    data.binding = config.linkBinding === 'same-browser' ? 'refused' : 'other-browser';
    if (ref && config.crossDevice) await offerOtherDevice(config, req, ref, data);
    if (data.binding === 'refused' && !data.crossDevice) {
      res.status(401);
      data.signInPath = config.signInPath;
    }
  }
  config.renderPage('confirm', data, res);
}

/** POST /callback: spends the link's token and signs this browser in. */
async function verifyLink(config: VerifyContext, req: Request, res: Response): Promise<void> {
  checkCrossSite(req, config.trustedOrigins);
  const body = readFlatBody(req, config.maxBodyBytes);
  await countVerify(config, req);
  const ref = flowRefOf(body.get('flow'));
  if (body.has('match')) {
    await finishOnOtherDevice(config, req, res, ref, body.get('match')!);
    return;
  }
  const own = isOwnLink(req, ref);
  if (!own && config.linkBinding === 'same-browser') {
    throw new VerifyFailedError('other_browser', 'the link was requested in another browser');
  }
  const flow = liveFlow(req);
  const returnTo = own ? flow?.returnTo : undefined;
  // This browser's own link must sign in the account its flow asked for: a flow
  // reference cannot lend a link stolen from someone else this browser's standing.
  const recipient = own && flow ? emailRecipientOf(flow) : undefined;
  const user = await authenticate(config, req, res, 'link', recipient);
  if (user === undefined) return;
  if (config.crossDevice && ref) {
    // The link is spent: the browser that asked stops waiting for another device.
    if (own) await removeCrossDevice(config, req, ref);
    else await abandonCrossDevice(config, req, ref);
  }
  // This browser signs in by another link than its own flow's: that flow is given up.
  if (!own && flow?.match !== undefined) {
    await abandonCrossDevice(config, req, flow.ref);
  }
  await logIn(config, req, res, user, 'email', returnTo);
}

/** POST /otp/verify: spends a code sent by SMS or voice call for this session's pending flow. */
function verifySmsCode(config: VerifyContext, req: Request, res: Response): Promise<void> {
  return verifyCode(config, req, res, 'sms');
}

/** POST /link/verify: spends a code sent by email for this session's pending flow. */
function verifyEmailCode(config: VerifyContext, req: Request, res: Response): Promise<void> {
  return verifyCode(config, req, res, 'email');
}

async function verifyCode(
  config: VerifyContext,
  req: Request,
  res: Response,
  credential: 'sms' | 'email',
): Promise<void> {
  checkCrossSite(req, config.trustedOrigins);
  readFlatBody(req, config.maxBodyBytes);
  await countVerify(config, req);
  const flow = liveFlow(req);
  const user = await authenticate(config, req, res, credential);
  if (user === undefined) return;
  // A login B finished meanwhile with the link (sent with code emails too) is dropped and its token ended.
  if (flow?.match !== undefined) await abandonCrossDevice(config, req, flow.ref);
  await logIn(
    config,
    req,
    res,
    user,
    credential === 'sms' && flow?.voice ? 'voice' : credential,
    flow?.returnTo,
  );
}

/** POST /logout: ends the LoginRadius access token (best effort), then the session. */
async function logout(config: VerifyContext, req: Request, res: Response): Promise<void> {
  checkCrossSite(req, config.trustedOrigins);
  const user = (req as { user?: { uid?: unknown } }).user;
  // LoginRadius unreachable or the token already dead: still sign out here.
  await endAccessToken(config, req, user, 'logout_invalidate_failed');
  // A cross-device sign-in still waiting for this browser ends with it: no other
  // device may finish it for a session that is gone.
  const flow = storedFlow(req);
  if (flow?.match !== undefined) await abandonCrossDevice(config, req, flow.ref);
  // Before the session goes: a request still in flight on it must not save it back.
  // Only a signed-in session needs the marker (only signed-in saves read it): a
  // logout without one (no cookie, an unknown or forged one) writes nothing, or
  // anyone could fill the store with markers an hour each.
  if (user) {
    await markSignedOut(req).catch((error: unknown) =>
      config.emit(req, {
        type: 'store_error',
        reason: 'signed_out_marker_not_written',
        error: error as Error,
      }),
    );
  }
  await new Promise<void>((resolve, reject) =>
    signOutLocally(req, (error) => (error ? reject(error) : resolve())),
  );
  const session = (
    req as unknown as { session?: { destroy?: (cb: (error?: unknown) => void) => void } }
  ).session;
  if (session?.destroy) await new Promise<void>((resolve) => session.destroy!(() => resolve()));
  res.clearCookie(config.sessionCookieName, { path: '/' });
  res.setHeader('Cache-Control', 'no-store');
  config.emit(req, {
    type: 'logout',
    ...(typeof user?.uid === 'string' ? { uid: user.uid } : {}),
  });
  if (wantsJson(req)) res.status(200).json({ signedOut: true });
  else res.redirect(303, config.logoutRedirect);
}

/** Verify attempts per client IP, links and codes together. */
async function countVerify(config: VerifyContext, req: Request): Promise<void> {
  const verdict = await config.verifyLimit.hit(ipKey(req));
  if (!verdict.allowed) throw new RateLimitedError('verify-ip', verdict.retryAfter);
}

/** Whether this browser asked for the link with flow reference `ref`. */
function isOwnLink(req: Request, ref: string | undefined): boolean {
  const flow = liveFlow(req);
  if (!ref || flow?.channel !== 'email') return false;
  const a = Buffer.from(flow.ref);
  const b = Buffer.from(ref);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The flow reference of a link. How LoginRadius joins its `vtype&vtoken` to a
 * URL that already has a query string is not documented: if it adds a second
 * `?`, the reference arrives as `ref?vtype=…`; only the reference is kept.
 */
export function flowRefOf(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const ref = value.split('?')[0]!;
  return /^[A-Za-z0-9_-]{16,64}$/.test(ref) ? ref : undefined;
}
