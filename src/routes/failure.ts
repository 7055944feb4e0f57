import type { NextFunction, Request, Response } from 'express';
import { FAILURES, PasswordlessError, VerifyFailedError } from '../errors';
import { failureEvent, type PasswordlessEvent } from '../events';
import { maskRecipient } from '../mask';
import { storedFlow } from '../session';
import type { CommonConfig } from './config';
import type { Translator } from '../i18n';
import { setPageHeaders, type PageData, type PageRenderer } from './pages';
import { wantsJson } from './request-body';
import { fromBodyParserError } from './sub-app';

/**
 * How both routers answer a failure, in one place: the event with the precise
 * reason goes to `onEvent`; the browser gets the row of the errors table for
 * its kind (status, public code, one short message in its language), as JSON,
 * a redirect to `failureRedirect`, or the error page. After a link or code that
 * was used, expired or locked, the answer offers to send a new one to this
 * browser's sign-in in progress.
 */

export function answerFailure(
  config: CommonConfig,
  req: Request,
  res: Response,
  error: PasswordlessError,
  /** Fields of the event that reports it, over those the error implies (its type, reason). */
  event: Partial<Omit<PasswordlessEvent, 'at' | 'ip'>> = {},
): void {
  config.emit(req, { ...failureEvent(error), ...event });
  sendFailure(config, req, res, error, resendOffer(req, error));
}

/** What the browser's answer to a failure depends on: the routers' and errorHandler's options. */
export interface FailureAnswerSettings {
  readonly translator: Translator;
  readonly failureRedirect: string | undefined;
  readonly signInPath: string;
  readonly renderPage: PageRenderer;
}

/**
 * The browser's answer to a failure: the row of the errors table for its kind,
 * as JSON, a 303 to `failureRedirect`, or the error page (with `resend`, the
 * offer of a new link or code).
 */
export function sendFailure(
  settings: FailureAnswerSettings,
  req: Request,
  res: Response,
  error: PasswordlessError,
  resend?: PageData['resend'],
): void {
  const kind = FAILURES[error.code];
  const messages = settings.translator.for(req);
  const message = messages.t(kind.message);
  const retryAfter = retryAfterOf(error, kind.status);
  if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
  res.setHeader('Cache-Control', 'no-store');
  if (wantsJson(req)) {
    const body: Record<string, unknown> = { code: kind.publicCode, message };
    if (retryAfter !== undefined) body.retryAfter = retryAfter;
    if (resend) body.canResend = true;
    res.status(kind.status).json({ error: body });
    return;
  }
  if (settings.failureRedirect) {
    const separator = settings.failureRedirect.includes('?') ? '&' : '?';
    const code = kind.publicCode.toLowerCase();
    res.redirect(
      303,
      `${settings.failureRedirect}${separator}error=${code}${resend ? '&resend=1' : ''}`,
    );
    return;
  }
  setPageHeaders(res);
  res.status(kind.status);
  const data: PageData = {
    messages,
    message,
    code: kind.publicCode,
    signInPath: settings.signInPath,
  };
  if (resend) data.resend = resend;
  settings.renderPage('error', data, res);
}

/** Seconds to wait, for limits (and 1 for a 429 that did not say). */
function retryAfterOf(error: PasswordlessError, status: number): number | undefined {
  const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
  if (typeof retryAfter === 'number') return Math.max(1, Math.ceil(retryAfter));
  return status === 429 ? 1 : undefined;
}

/**
 * "Send me a new link/code" for this browser's sign-in in progress, after any
 * verify failure. Offered whatever the reason (used, expired, locked, wrong):
 * which reason it was must not show, or the offer would tell known accounts
 * (whose codes LoginRadius reports expired or used) from unknown ones.
 */
function resendOffer(req: Request, error: PasswordlessError): PageData['resend'] {
  if (!(error instanceof VerifyFailedError)) return undefined;
  const flow = storedFlow(req);
  const recipient = flow?.email ?? flow?.username ?? flow?.phone;
  if (!flow || recipient === undefined) return undefined;
  return {
    action: `${req.baseUrl}/${flow.channel === 'email' ? 'link' : 'otp'}`,
    hidden: { resend: '1' },
    channel: flow.channel,
    recipient: maskRecipient(recipient),
  };
}

/** What both routers give their route handlers: the configuration and the route preparer. */
export interface RouteContext extends CommonConfig {
  /** Checks the session and reads the body before a handler runs (`sub-app.ts`). */
  readonly prepare: (req: Request, res: Response) => Promise<void>;
}

/**
 * Wraps a module-level route handler: the request is prepared, the handler's
 * thrown package errors (and body-parser's refusals) are answered, others passed on.
 */
export function route<C extends RouteContext>(
  config: C,
  handler: (config: C, req: Request, res: Response) => Promise<void> | void,
) {
  return async function handle(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      await config.prepare(req, res);
      await handler(config, req, res);
    } catch (error) {
      const known = error instanceof PasswordlessError ? error : fromBodyParserError(error);
      if (known && !res.headersSent) answerFailure(config, req, res, known);
      else next(error);
    }
  };
}
