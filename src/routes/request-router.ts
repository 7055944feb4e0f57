import { randomInt } from 'node:crypto';
import type { Request, Response } from 'express';
import { identifierKey } from '../credentials';
import { CrossDeviceRecords } from '../cross-device';
import { InvalidInputError } from '../errors';
import { maskRecipient } from '../mask';
import {
  checkCaptchaAnswer,
  normalizeEmail,
  normalizeUsername,
  parsePhone,
  validatedInput,
  type ParsedPhone,
} from '../loginradius/validation';
import { safeRedirect } from '../redirects';
import {
  liveFlow,
  newFlowRef,
  renewSessionId,
  saveSession,
  skipEndOfResponseSave,
  startFlow,
  storedFlow,
  type PendingFlow,
} from '../session';
import { isPremiumNumber } from './premium-numbers';
import { parseRequestRouterOptions, type RequestConfig } from './request-config';
import { checkCrossSite } from './cross-site';
import { route, type RouteContext } from './failure';
import type { RequestRouterOptions } from './options';
import { setPageHeaders, type PageData } from './pages';
import { readFlatBody } from './request-body';
import { answerSent, chargeSend, ipKey, SendLimits, sendUniformly, sessionKey } from './send';
import { abandonCrossDevice, crossDeviceState } from './status';
import { createMountableRouter, routePreparer, type MountableRouter } from './sub-app';

/**
 * Mounts the "send me a link / a code" endpoints:
 *
 * - `POST /link` with `email` or `username` (form or JSON), optional `returnTo`
 *   (or `resend=1` to send again to this browser's sign-in in progress);
 * - `POST /otp` with `phone`, optional `returnTo` and `voice=1` (or `resend=1`);
 * - `GET /link/sent` and `GET /otp/sent`: "check your inbox" and "enter your code".
 *
 * Every send answers the same whether or not the account exists, is verified,
 * locked or blocked: `{ sent: true }` (JSON) or a 303 to the sent page (HTML).
 */
export function createRequestRouter(options: RequestRouterOptions): MountableRouter {
  const config = parseRequestRouterOptions(options);
  const context: SendContext = {
    ...config,
    prepare: routePreparer('createRequestRouter', config.maxBodyBytes),
    limits: new SendLimits(config),
    records: new CrossDeviceRecords(config.crossDeviceStore, config.stores),
  };
  const app = createMountableRouter('createRequestRouter');
  app.post('/link', route(context, sendLink));
  app.post('/otp', route(context, sendOtp));
  app.get('/link/sent', route(context, linkSentPage));
  app.get('/otp/sent', route(context, otpSentPage));
  return app;
}

interface SendContext extends RequestConfig, RouteContext {
  readonly limits: SendLimits;
  readonly records: CrossDeviceRecords;
}

async function sendLink(config: SendContext, req: Request, res: Response): Promise<void> {
  checkCrossSite(req, config.trustedOrigins);
  const body = readFlatBody(req, config.maxBodyBytes);
  const resend = body.has('resend') && !body.has('email') && !body.has('username');
  const recipient = resend ? resendRecipient(req, 'email') : linkRecipient(body);
  checkLinkChannel(config, recipient);
  const shown = 'email' in recipient ? recipient.email : recipient.username;
  const { template, returnTo, captchaResponse } = sendExtras(config, req, body, resend, 'email');
  const charge = await chargeSend([
    [config.limits.perIp, ipKey(req)],
    [config.limits.cooldown, identifierKey(recipient)],
    [config.limits.cooldown, sessionKey(req, 'email')],
  ]);
  const ref = newFlowRef();
  await sendUniformly(
    config,
    req,
    'email',
    maskRecipient(shown),
    charge,
    () =>
      config.client.sendEmailLink(recipient, {
        verificationUrl: config.flowLink!(ref),
        passwordlessLoginTemplate: template,
        captchaResponse,
        originIp: config.forwardClientIp ? req.ip : undefined,
      }),
    captchaResponse !== undefined,
  );
  const match = config.crossDevice ? String(randomInt(10, 100)) : undefined;
  const replaced = storedFlow(req);
  // Whoever holds this session's id can pick the login up: an id someone planted
  // in the browser must not be it, so the flow goes under a new one.
  const renewed = match !== undefined && (await renewSessionId(req));
  // The per-browser cooldown follows the browser to its new id.
  if (renewed) await config.limits.cooldown.hit(sessionKey(req, 'email'));
  const flow = startFlow(
    req,
    { channel: 'email', ...recipient, returnTo, match, ref },
    config.pendingFlowTtlMs,
  );
  if (match !== undefined) {
    await config.records.create(req, flow.ref, match, recipient, flow.expiresAt);
  }
  await endReplacedCrossDevice(config, req, replaced);
  await saveSession(req, 'the pending sign-in');
  // express-session does not see that save of a session it did not make: no second write.
  if (renewed) skipEndOfResponseSave(req);
  answerSent(config, req, res, 'email', match);
}

async function sendOtp(config: SendContext, req: Request, res: Response): Promise<void> {
  checkCrossSite(req, config.trustedOrigins);
  const body = readFlatBody(req, config.maxBodyBytes);
  if (!config.channels.phone)
    throw new InvalidInputError('phone', 'sign-in by SMS is switched off');
  const voice = isYes(body.get('voice'));
  if (voice && !config.channels.voice) {
    throw new InvalidInputError('voice', 'codes by voice call are switched off');
  }
  const resend = body.has('resend') && !body.has('phone');
  const phone = resend
    ? parsePhone(resendRecipient(req, 'sms').phone)
    : parsePhone(body.get('phone'), config.defaultCountry);
  checkDestination(config, phone);
  const { template, returnTo, captchaResponse } = sendExtras(config, req, body, resend, 'sms');
  const { limits } = config;
  const ip = ipKey(req);
  const charge = await chargeSend(
    [
      [limits.perIp, ip],
      [limits.cooldown, identifierKey({ phone: phone.e164 })],
      [limits.cooldown, sessionKey(req, 'sms')],
    ],
    [
      [limits.smsPerIp, ip],
      [limits.smsGlobal, 'all'],
    ],
  );
  await sendUniformly(
    config,
    req,
    voice ? 'voice' : 'sms',
    maskRecipient(phone.e164),
    charge,
    () =>
      config.client.sendPhoneOtp(validatedInput({ phone: phone.e164 }), {
        smsTemplate: template,
        isVoiceOtp: voice,
        captchaResponse,
        originIp: config.forwardClientIp ? req.ip : undefined,
      }),
    captchaResponse !== undefined,
  );
  // The flow starts whether or not the number has an account, so the next
  // page looks the same; a code for an unknown number simply never works.
  const replaced = storedFlow(req);
  startFlow(req, { channel: 'sms', phone: phone.e164, voice, returnTo }, config.pendingFlowTtlMs);
  await endReplacedCrossDevice(config, req, replaced);
  await saveSession(req, 'the pending sign-in');
  answerSent(config, req, res, 'sms', undefined);
}

async function linkSentPage(config: SendContext, req: Request, res: Response): Promise<void> {
  setPageHeaders(res);
  const flow = liveFlow(req);
  const data: PageData = { messages: config.translator.for(req) };
  if (config.emailCode && flow?.channel === 'email') data.action = `${req.baseUrl}/link/verify`;
  if (config.crossDevice && flow?.channel === 'email' && flow.match !== undefined) {
    data.match = flow.match;
    data.statusUrl = `${req.baseUrl}/link/status`;
    data.status = (await crossDeviceState(config.records, req, flow)).status;
  }
  config.renderPage('link-sent', data, res);
}

function otpSentPage(config: SendContext, req: Request, res: Response): void {
  setPageHeaders(res);
  const flow = liveFlow(req);
  const data: PageData = {
    messages: config.translator.for(req),
    action: `${req.baseUrl}/otp/verify`,
    resendAction: `${req.baseUrl}/otp`,
  };
  if (config.channels.voice) data.voiceAction = `${req.baseUrl}/otp`;
  if (flow?.channel === 'sms') {
    data.voice = flow.voice === true;
    const wait = Math.ceil((flow.sentAt + config.cooldownMs - Date.now()) / 1000);
    if (wait > 0) data.waitSeconds = wait;
  }
  config.renderPage('otp-sent', data, res);
}

/**
 * A new send replaces this browser's flow, so a cross-device sign-in the old one
 * was waiting for is over: another device can no longer finish it (and spend its
 * link) for a flow this browser has given up.
 */
async function endReplacedCrossDevice(
  config: SendContext,
  req: Request,
  replaced: PendingFlow | undefined,
): Promise<void> {
  if (replaced?.match !== undefined) await abandonCrossDevice(config, req, replaced.ref);
}

/** `{ email }` or `{ username }` from the body. */
function linkRecipient(body: Map<string, string>): { email: string } | { username: string } {
  const email = body.get('email');
  const username = body.get('username');
  if (email !== undefined && username === undefined) return { email: normalizeEmail(email) };
  if (username !== undefined && email === undefined) {
    return { username: normalizeUsername(username) };
  }
  throw new InvalidInputError('email', 'send exactly one of email or username');
}

/**
 * The link goes out only on a channel that is on, for a new recipient and for a
 * resend alike: a session that began a sign-in by username before usernames were
 * switched off must not keep getting links.
 */
function checkLinkChannel(
  config: RequestConfig,
  recipient: { email: string } | { username: string },
): void {
  if ('email' in recipient && !config.channels.email) {
    throw new InvalidInputError('email', 'sign-in by email is switched off');
  }
  if ('username' in recipient && !config.channels.username) {
    throw new InvalidInputError('username', 'sign-in by username is switched off');
  }
}

/** Who this browser's sign-in in progress went to, for "send me a new one". */
function resendRecipient(req: Request, channel: 'email'): { email: string } | { username: string };
function resendRecipient(req: Request, channel: 'sms'): { phone: string };
function resendRecipient(req: Request, channel: 'email' | 'sms'): Record<string, string> {
  // An expired flow still names whom to send a new one to (its returnTo is dropped).
  const flow = storedFlow(req);
  if (flow?.channel === channel) {
    if (channel === 'sms' && flow.phone) return { phone: flow.phone };
    if (channel === 'email' && flow.email) return { email: flow.email };
    if (channel === 'email' && flow.username) return { username: flow.username };
  }
  throw new InvalidInputError(
    channel === 'sms' ? 'phone' : 'email',
    'there is nothing to send again; enter where to send it',
  );
}

/**
 * The SMS allowlists: calling codes and countries (a number must pass each one
 * that is set); and never a number that pays its owner.
 */
function checkDestination(config: RequestConfig, phone: ParsedPhone): void {
  const codes = config.allowedCallingCodes;
  const countries = config.allowedCountries;
  if (
    (codes && !codes.has(phone.callingCode)) ||
    (countries && (phone.country === undefined || !countries.has(phone.country)))
  ) {
    throw new InvalidInputError('phone', 'SMS to this country is not enabled');
  }
  if (isPremiumNumber(phone)) {
    throw new InvalidInputError('phone', 'premium-rate and shared-cost numbers get no codes');
  }
}

/** What a send reads besides the recipient: the template, where to land after, the captcha answer. */
function sendExtras(
  config: RequestConfig,
  req: Request,
  body: Map<string, string>,
  resend: boolean,
  channel: 'email' | 'sms',
): { template?: string; returnTo?: string; captchaResponse?: string } {
  const requested = body.get('template');
  const allowed = channel === 'email' ? config.allowedEmailTemplates : config.allowedSmsTemplates;
  if (requested !== undefined && !allowed.has(requested)) {
    throw new InvalidInputError('template', 'is not an allowed template');
  }
  const fallback = channel === 'email' ? config.passwordlessLoginTemplate : config.smsTemplate;
  const sentCaptcha = body.get('g-recaptcha-response') || undefined;
  const captcha =
    sentCaptcha === undefined ? undefined : checkCaptchaAnswer('g-recaptcha-response', sentCaptcha);
  const asked = body.get('returnTo');
  return {
    template: requested ?? fallback,
    // A resend keeps the live flow's returnTo; an unsafe target is dropped, not echoed.
    returnTo: resend
      ? liveFlow(req)?.returnTo
      : asked === undefined
        ? undefined
        : safeRedirect(asked, config.allowedRedirectUrls),
    // Google reCAPTCHA's field name; the answer is passed on untouched.
    captchaResponse: captcha,
  };
}

function isYes(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'on';
}
