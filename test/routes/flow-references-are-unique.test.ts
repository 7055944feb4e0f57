/**
 * The flow reference binds an emailed link to the browser that asked (security.md
 * item 30) and names a cross-device record: each one is 128 fresh random bits,
 * URL-safe, and never handed out twice, also across the refills of the pool they
 * are cut from.
 */
import { newFlowRef } from '../../src/session';

test('a thousand references: 22 URL-safe characters each, all different', () => {
  const refs = Array.from({ length: 1000 }, () => newFlowRef());
  for (const ref of refs) expect(ref).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(new Set(refs).size).toBe(refs.length);
  // 128 random bits in base64url: the 22nd character carries 2 bits, so only four
  // values can end a reference; the other 21 take any of 64.
  const firsts = new Set(refs.map((ref) => ref[0]));
  expect(firsts.size).toBeGreaterThan(48);
});
