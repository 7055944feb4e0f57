import type { Express } from 'express';
import request from 'supertest';

/**
 * Browsers with an SMS sign-in in progress, for attacks that need many pending
 * flows for one phone. The request router lets one phone have one send per
 * cooldown, so build the app with `limits: { cooldownSeconds: 1 }` (and a
 * high `perIp`), fake the clock with `fakeDateOnly()` and let these wait the
 * cooldown out on it, without sleeping.
 */

/** A six-digit code that is not `otp`. */
export function wrongCode(otp: string): string {
  return otp === '000000' ? '111111' : '000000';
}

export interface BrowserOptions {
  /** Moves the faked `Date.now()` forward (the `advance` of `fakeDateOnly()`). */
  advance(ms: number): void;
  /** The app's send cooldown, in ms; waited out before the send. */
  cooldownMs: number;
  /** The client IP, sent as `X-Forwarded-For` on every request (the app must trust proxies). */
  ip?: string;
}

/** A fresh browser (its own cookie jar) that has asked for a code for `phone`. */
export async function browserWithCode(
  app: Express,
  phone: string,
  options: BrowserOptions,
): Promise<request.Agent> {
  const agent = request.agent(app);
  if (options.ip !== undefined) agent.set('X-Forwarded-For', options.ip);
  options.advance(options.cooldownMs);
  const res = await agent.post('/auth/otp').send({ phone });
  if (res.status !== 200) throw new Error(`the send for ${phone} answered ${res.status}`);
  return agent;
}

/** Several such browsers, one after another. */
export async function browsersWithCode(
  app: Express,
  phone: string,
  count: number,
  options: BrowserOptions,
): Promise<request.Agent[]> {
  const agents: request.Agent[] = [];
  for (let i = 0; i < count; i += 1) agents.push(await browserWithCode(app, phone, options));
  return agents;
}
