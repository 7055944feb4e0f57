import type { Agent } from 'supertest';
import type { Emulator } from '../../../src/emulator/index';

/**
 * Signs a supertest agent in to the example app by email link, as a browser
 * does with its HTML forms, taking the link from the emulator's outbox.
 * Resolves to the path it lands on.
 */
export async function signInByLink(
  agent: Agent,
  emulator: Emulator,
  email: string,
): Promise<string> {
  const sent = await agent.post('/auth/link').type('form').send({ email });
  expect(sent.status).toBe(303);
  expect(sent.headers.location).toBe('/check-inbox');
  const link = emulator.outbox.latest(email)?.link;
  if (!link) throw new Error(`no link was sent to ${email}`);
  const vtoken = new URL(link).searchParams.get('vtoken') ?? '';
  const confirmed = await agent
    .post('/auth/callback')
    .type('form')
    .send({ vtype: 'oneclicksignin', vtoken });
  expect(confirmed.status).toBe(303);
  return String(confirmed.headers.location);
}
