import type { Request } from 'express';
import type { CommonConfig } from './config';
import { reportMisconfiguration } from './misconfiguration';

/**
 * Ends a LoginRadius access token, as best effort: at logout, and for a login
 * LoginRadius completed that the package then dropped (device A gave the
 * cross-device sign-in up before picking it up). Such a token was never handed to
 * anyone; ending it means the store, if it ever leaks, holds no live token. A
 * failure (LoginRadius unreachable, the token already dead) is reported as
 * `upstream_error` with `reason`, never answered: what ended the token goes on.
 */
export async function endAccessToken(
  config: CommonConfig,
  req: Request,
  user: unknown,
  reason: string,
): Promise<void> {
  const accessToken = (user as { accessToken?: unknown } | null | undefined)?.accessToken;
  if (typeof accessToken !== 'string' || accessToken === '') return;
  try {
    await config.client.invalidateAccessToken(accessToken, {
      originIp: config.forwardClientIp ? req.ip : undefined,
    });
  } catch (error) {
    reportMisconfiguration(config, req, error);
    config.emit(req, { type: 'upstream_error', error: error as Error, reason });
  }
}
