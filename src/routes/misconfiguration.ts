import type { Request } from 'express';
import { LoginRadiusError } from '../errors';
import type { Channel } from '../events';
import { misconfiguredSetting } from '../loginradius/error-reasons';
import type { CommonConfig } from './config';

/**
 * A LoginRadius refusal that says the site is set up wrongly (the API key,
 * passwordless login switched off…) reaches the app as a `config_error` naming
 * the setting to fix, whether it came at a verify or a logout (sends report their
 * own, in send.ts); the browser's answer stays what it is for any refusal.
 * `error`: the refusal, or an error caused by it.
 */
export function reportMisconfiguration(
  config: CommonConfig,
  req: Request,
  error: unknown,
  channel?: Channel,
): void {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const refusal =
    error instanceof LoginRadiusError
      ? error
      : cause instanceof LoginRadiusError
        ? cause
        : undefined;
  if (!refusal) return;
  const setting = misconfiguredSetting(refusal.errorCode);
  if (!setting) return;
  config.emit(req, {
    type: 'config_error',
    reason: String(refusal.errorCode),
    setting,
    error: refusal,
    ...(channel ? { channel } : {}),
  });
}
