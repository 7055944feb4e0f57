import { randomBytes, randomUUID } from 'node:crypto';
import { LoginRadiusError } from './errors';
import { hasValidSignature, signJwt } from './jwt';
import type { Clock } from './tokens';
import type { AccessTokenFormat } from './types';

/** LoginRadius's default refresh-token lifetime: 60 days. */
const REFRESH_TTL_MS = 60 * 24 * 3600 * 1000;

export interface AccessToken {
  accessToken: string;
  refreshToken: string;
  uid: string;
  expiresAt: number;
}

export interface AccessTokenSettings {
  format: AccessTokenFormat;
  ttlMs: number;
  /** The site's API key: the audience of a JWT. */
  apiKey: string;
  /** The emulator's URL, the issuer of a JWT (known only once it listens). */
  issuer: () => string;
}

/**
 * Access tokens issued at login; dead once expired or invalidated. GUIDs by
 * default; with `format: 'jwt'`, HS256 JWTs signed with a secret that never
 * leaves this object, each also remembered, so a JWT can be invalidated and a
 * forged one with a valid-looking shape is still unknown (905).
 */
export class AccessTokenStore {
  readonly #tokens = new Map<string, AccessToken & { invalidated: boolean }>();
  readonly #secret = randomBytes(32);

  constructor(
    private readonly clock: Clock,
    private readonly settings: AccessTokenSettings,
  ) {}

  issue(uid: string): AccessToken {
    const now = this.clock();
    const expiresAt = now + this.settings.ttlMs;
    const token =
      this.settings.format === 'jwt'
        ? { ...this.#jwtPair(uid, now, expiresAt), uid, expiresAt }
        : { accessToken: randomUUID(), refreshToken: randomUUID(), uid, expiresAt };
    this.#tokens.set(token.accessToken, { ...token, invalidated: false });
    return token;
  }

  /** The live token; throws 905 (unknown, forged or invalidated) or 906 (expired). */
  check(accessToken: string): AccessToken {
    if (accessToken.includes('.') && !hasValidSignature(accessToken, this.#secret)) {
      throw new LoginRadiusError(905);
    }
    const entry = this.#tokens.get(accessToken);
    if (!entry || entry.invalidated) throw new LoginRadiusError(905);
    if (this.clock() >= entry.expiresAt) throw new LoginRadiusError(906);
    return {
      accessToken: entry.accessToken,
      refreshToken: entry.refreshToken,
      uid: entry.uid,
      expiresAt: entry.expiresAt,
    };
  }

  invalidate(accessToken: string): void {
    const entry = this.#tokens.get(accessToken);
    if (entry) entry.invalidated = true;
  }

  /**
   * The claims are the usual OpenID Connect ones (LoginRadius's exact claim set
   * is not documented), chosen so that the access token is about as long as
   * LoginRadius's 643-character sample and the refresh token about 760, which
   * is what a client's size limits and logs must cope with.
   */
  #jwtPair(
    uid: string,
    now: number,
    expiresAt: number,
  ): { accessToken: string; refreshToken: string } {
    const { apiKey, issuer } = this.settings;
    const iat = Math.floor(now / 1000);
    const sid = randomUUID();
    const jti = randomUUID();
    const common = { iss: issuer(), sub: uid, aud: apiKey, iat };
    const accessToken = signJwt(
      {
        ...common,
        nbf: iat,
        exp: Math.floor(expiresAt / 1000),
        auth_time: iat,
        jti,
        sid,
        token_type: 'access_token',
        scope: 'openid profile email phone',
        apikey: apiKey,
        uid,
      },
      this.#secret,
    );
    const refreshToken = signJwt(
      {
        ...common,
        exp: Math.floor((now + REFRESH_TTL_MS) / 1000),
        jti: randomUUID(),
        sid,
        ati: jti,
        token_type: 'refresh_token',
        scope: 'offline_access openid profile email phone',
        apikey: apiKey,
        client_id: apiKey,
        uid,
      },
      this.#secret,
    );
    return { accessToken, refreshToken };
  }
}
