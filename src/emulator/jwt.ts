import { createHmac, timingSafeEqual } from 'node:crypto';

/** Every token's header: `{"alg":"HS256","typ":"JWT"}`, base64url. */
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** A compact JWS (`header.payload.signature`), signed HMAC-SHA256 with `secret`. */
export function signJwt(claims: Readonly<Record<string, unknown>>, secret: Buffer): string {
  const signingInput = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${signature(signingInput, secret)}`;
}

/**
 * Whether `token` is a JWT this secret signed. The signature is compared as the
 * encoded string, not as decoded bytes: base64url decoders ignore the padding
 * bits of the last character, so a token with that character changed would
 * otherwise still verify.
 */
export function hasValidSignature(token: string, secret: Buffer): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return false;
  const expected = Buffer.from(signature(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2] ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function signature(signingInput: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
