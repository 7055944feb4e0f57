import fc from 'fast-check';
import {
  anyText,
  invalidEmail,
  invalidPhone,
  invalidToken,
  invalidUsername,
  tokenChar,
  wellFormedToken,
  wrongType,
} from './hostile-values';
import {
  deeplyNested,
  encoding,
  forbiddenKeyPayload,
  hostileQuery,
  invalidUtf8Payload,
  noiseHeaders,
  oversized,
  payload,
  siteHeaders,
  type Encoded,
  type Fields,
  type Payload,
} from './hostile-wire';

/**
 * fast-check generators of hostile HTTP requests to the routers.
 *
 * Two families:
 * - `invalidRequest`: requests that are invalid *by construction*, so none of
 *   them may cost a LoginRadius call: malformed identifiers, wrong JSON types,
 *   forbidden keys, invalid UTF-8, lying or unreadable bodies, cross-site
 *   posts, and every route that never calls LoginRadius without a session.
 *   Each generator says in a comment why its output can never be valid.
 * - `plausibleRequest`: odd but possibly valid input (unicode emails, odd phone
 *   formats, well-formed tokens, redirects), which may reach LoginRadius once.
 *
 * Both are wrapped in hostile headers (lying Content-Type, odd Accept, forged
 * X-Forwarded-For, garbage cookies, repeated headers, Content-Encoding lies).
 */

export type RouteName =
  | 'POST /auth/link'
  | 'POST /auth/otp'
  | 'POST /auth/callback'
  | 'POST /auth/otp/verify'
  | 'POST /auth/logout'
  | 'GET /auth/callback'
  | 'GET /auth/link/sent'
  | 'GET /auth/otp/sent';

export interface HostileRequest {
  route: RouteName;
  method: 'GET' | 'POST';
  /** Path and query string. */
  path: string;
  headers: [string, string][];
  body?: Buffer;
  /** Which generator made it, for the run's statistics and for failure reports. */
  kind: string;
  /** Real secrets (tokens, codes, the API key) this request carries on purpose. */
  carries: string[];
}

/** What the generators need to know about the app under test. */
export interface Target {
  /** `http://127.0.0.1:<port>`: the app's own origin. */
  origin: string;
  /** Emails, usernames and phones of real accounts. */
  emails: string[];
  usernames: string[];
  phones: string[];
  /** Real link tokens and codes from the outbox, and the API key. */
  secrets: () => string[];
}

const POST_ROUTES: Record<string, string> = {
  'POST /auth/link': '/auth/link',
  'POST /auth/otp': '/auth/otp',
  'POST /auth/callback': '/auth/callback',
  'POST /auth/otp/verify': '/auth/otp/verify',
  'POST /auth/logout': '/auth/logout',
};

/** Payloads that are invalid by construction, per POST route. */
function invalidPayloads(route: RouteName, target: Target): fc.Arbitrary<Payload> {
  const knownEmail = fc.constantFrom(...target.emails);
  const knownPhone = fc.constantFrom(...target.phones);
  switch (route) {
    case 'POST /auth/link':
      return fc.oneof(
        payload(
          'invalid email',
          invalidEmail.map((email) => ({ email })),
        ),
        payload(
          'invalid username',
          invalidUsername.map((username) => ({ username })),
        ),
        payload(
          'email of the wrong type',
          wrongType.map((email) => ({ email })),
        ),
        payload(
          'username of the wrong type',
          wrongType.map((username) => ({ username })),
        ),
        payload(
          'both email and username', // exactly one is allowed
          fc
            .tuple(knownEmail, fc.constantFrom(...target.usernames))
            .map(([email, username]) => ({ email, username })),
        ),
        payload('neither email nor username', fc.constant({})),
        payload(
          'a template nobody allowed', // no allowedEmailTemplates are configured
          fc.tuple(knownEmail, anyText(20)).map(([email, template]) => ({ email, template })),
        ),
        forbiddenKeyPayload('email', knownEmail),
        invalidUtf8Payload('email', knownEmail),
      );
    case 'POST /auth/otp':
      return fc.oneof(
        payload(
          'invalid phone',
          invalidPhone.map((phone) => ({ phone })),
        ),
        payload(
          'phone of the wrong type',
          wrongType.map((phone) => ({ phone })),
        ),
        payload('no phone', fc.constant({})),
        payload(
          'resend without a pending flow',
          anyText(5).map((resend) => ({ resend: resend || '1' })),
        ),
        payload(
          'a template nobody allowed',
          fc.tuple(knownPhone, anyText(20)).map(([phone, template]) => ({ phone, template })),
        ),
        forbiddenKeyPayload('phone', knownPhone),
        invalidUtf8Payload('phone', knownPhone),
      );
    case 'POST /auth/callback':
      return fc.oneof(
        payload(
          'malformed token',
          invalidToken.map((vtoken) => ({ vtoken })),
        ),
        payload(
          'malformed verificationToken',
          invalidToken.map((verificationToken) => ({ verificationToken })),
        ),
        payload(
          'token of the wrong type',
          wrongType.map((vtoken) => ({ vtoken })),
        ),
        payload('no token', fc.constant({})),
        forbiddenKeyPayload('vtoken', wellFormedToken),
        invalidUtf8Payload('vtoken', wellFormedToken),
      );
    case 'POST /auth/otp/verify':
      // Without a session there is no pending flow: no code can be checked.
      return fc.oneof(
        payload(
          'a code without a pending flow',
          fc.oneof(anyText(12), fc.stringMatching(/^\d{6}$/)).map((otp) => ({ otp })),
        ),
        payload(
          'a code of the wrong type',
          wrongType.map((otp) => ({ otp })),
        ),
        payload(
          'a code for a chosen phone',
          fc
            .tuple(knownPhone, fc.stringMatching(/^\d{6}$/))
            .map(([phone, otp]) => ({ phone, otp })),
        ),
      );
    default:
      // Logout without a session has no access token to end.
      return payload(
        'logout without a session',
        fc.dictionary(anyText(10), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      );
  }
}

/** Requests that are invalid by construction, over every route. */
export function invalidRequest(target: Target): fc.Arbitrary<HostileRequest> {
  const postRoutes = Object.keys(POST_ROUTES) as RouteName[];
  const badPost = fc.constantFrom(...postRoutes).chain((route) =>
    invalidPayloads(route, target).chain((p) =>
      fc
        .tuple(
          fc.oneof(
            { weight: 8, arbitrary: encoding(p) },
            { weight: 1, arbitrary: oversized(p) },
            { weight: 1, arbitrary: deeplyNested },
          ),
          siteHeaders(target, false),
          noiseHeaders,
          // The strategy also reads `vtoken` from the query string, on both verify
          // routes: there a well-formed one would be a real link verify.
          route === 'POST /auth/callback' || route === 'POST /auth/otp/verify'
            ? hostileQuery(invalidToken)
            : hostileQuery(fc.string({ unit: tokenChar, maxLength: 40 })),
        )
        .map(([encoded, site, noise, query]) =>
          post(route, p.kind, encoded, [...site, ...noise], query),
        ),
    ),
  );
  // A valid send or verify, posted from another site: refused before LoginRadius.
  const crossSite = fc
    .tuple(
      fc.constantFrom<RouteName>('POST /auth/link', 'POST /auth/otp', 'POST /auth/callback'),
      fc.constantFrom(...target.emails),
      fc.constantFrom(...target.phones),
      wellFormedToken,
    )
    .chain(([route, email, phone, vtoken]) => {
      const fields =
        route === 'POST /auth/link'
          ? { email }
          : route === 'POST /auth/otp'
            ? { phone }
            : { vtoken };
      return fc
        .tuple(encoding({ fields, kind: 'cross-site' }), siteHeaders(target, true), noiseHeaders)
        .filter(([encoded]) => encoded.honest)
        .map(([encoded, site, noise]) =>
          // An Origin equal to the Host is same-origin by design (DNS rebinding
          // cannot bring this site's cookies along), so no Host header here.
          post(
            route,
            'cross-site',
            encoded,
            [...site, ...noise.filter(([name]) => name !== 'host')],
            '',
          ),
        );
    });
  // GET routes never call LoginRadius, whatever they are sent.
  const gets = fc
    .tuple(
      fc.constantFrom<RouteName>('GET /auth/callback', 'GET /auth/link/sent', 'GET /auth/otp/sent'),
      hostileQuery(fc.oneof(invalidToken, wellFormedToken)),
      siteHeaders(target, false),
      noiseHeaders,
    )
    .map(([route, query, site, noise]): HostileRequest => ({
      route,
      method: 'GET',
      path: `${route.slice(4)}${query}`,
      headers: [...site, ...noise],
      kind: 'GET with a hostile query',
      carries: [],
    }));
  return fc.oneof(
    { weight: 6, arbitrary: badPost },
    { weight: 1, arbitrary: crossSite },
    { weight: 2, arbitrary: gets },
  );
}

/** Odd but possibly valid requests: they may reach LoginRadius, once. */
export function plausibleRequest(target: Target): fc.Arbitrary<HostileRequest> {
  const realSecret = fc.nat().map((i) => {
    const secrets = target.secrets();
    return secrets[i % Math.max(1, secrets.length)] ?? 'no-secret-yet';
  });
  const oddEmail = fc.oneof(
    fc.emailAddress(),
    fc.constantFrom(
      'üñîçødé@exämple.com',
      '用户@例子.广告',
      'Ada@Example.COM',
      '  ada@example.com  ',
      'δοκιμή@παράδειγμα.δοκιμή',
    ),
    fc.constantFrom(...target.emails).chain((email) => fc.mixedCase(fc.constant(email))),
  );
  const oddPhone = fc.constantFrom(...target.phones).chain((phone) =>
    fc.constantFrom(
      phone,
      ` ${phone} `,
      `${phone.slice(0, 2)} (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`,
      `${phone.slice(0, 2)}.${phone.slice(2, 5)}.${phone.slice(5, 8)}.${phone.slice(8)}`,
      `${phone} ext. 12`,
      phone.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
      `tel:${phone}`,
    ),
  );
  const returnTo = fc.option(
    fc.oneof(
      fc.constantFrom(
        '/settings',
        '//evil.example',
        '/\\evil.example',
        'https:evil.example',
        'javascript:alert(1)',
        '/%2F%2Fevil',
      ),
      anyText(40),
    ),
  );
  const payloads: fc.Arbitrary<[RouteName, Payload]> = fc.oneof(
    fc
      .tuple(oddEmail, returnTo)
      .map(([email, to]) =>
        entry('POST /auth/link', 'odd email', { email, ...(to === null ? {} : { returnTo: to }) }),
      ),
    fc.tuple(fc.constantFrom(...target.usernames), returnTo).map(([username, to]) =>
      entry('POST /auth/link', 'username', {
        username,
        ...(to === null ? {} : { returnTo: to }),
      }),
    ),
    fc.tuple(oddPhone, returnTo).map(([phone, to]) =>
      entry('POST /auth/otp', 'odd phone format', {
        phone,
        ...(to === null ? {} : { returnTo: to }),
      }),
    ),
    fc
      .oneof(wellFormedToken, realSecret)
      .map((vtoken) =>
        entry('POST /auth/callback', 'a well-formed token', { vtoken, vtype: 'OneClickSignIn' }),
      ),
    // Only vtoken matters: any vtype (LoginRadius's own templates use others) goes through.
    fc
      .tuple(wellFormedToken, anyText(20))
      .map(([vtoken, vtype]) =>
        entry('POST /auth/callback', 'a token with any vtype', { vtoken, vtype }),
      ),
    fc
      .oneof(fc.stringMatching(/^\d{6}$/), realSecret)
      .map((otp) => entry('POST /auth/otp/verify', 'a code', { otp })),
  );
  const posts = payloads.chain(([route, p]) =>
    fc
      .tuple(encoding(p), siteHeaders(target, false), noiseHeaders, hostileQuery(wellFormedToken))
      .map(([encoded, site, noise, query]) => {
        const request = post(route, p.kind, encoded, [...site, ...noise], query);
        request.carries = Object.values(p.fields).filter((v): v is string => typeof v === 'string');
        return request;
      }),
  );
  const confirmPages = fc
    .tuple(
      fc.oneof(realSecret, wellFormedToken),
      fc.constantFrom('oneclicksignin', 'ONECLICKSIGNIN', 'other'),
      noiseHeaders,
    )
    .map(([vtoken, vtype, noise]): HostileRequest => ({
      route: 'GET /auth/callback',
      method: 'GET',
      path: `/auth/callback?vtype=${vtype}&vtoken=${encodeURIComponent(vtoken)}`,
      headers: noise,
      kind: 'a confirm page for a real or made-up token',
      carries: [vtoken],
    }));
  return fc.oneof({ weight: 4, arbitrary: posts }, { weight: 1, arbitrary: confirmPages });
}

function entry(route: RouteName, kind: string, fields: Fields): [RouteName, Payload] {
  return [route, { fields, kind }];
}

function post(
  route: RouteName,
  kind: string,
  encoded: Encoded,
  headers: [string, string][],
  query: string,
): HostileRequest {
  return {
    route,
    method: 'POST',
    path: `${POST_ROUTES[route]}${query}`,
    headers: [...encoded.headers, ...headers],
    body: encoded.body,
    kind,
    carries: [],
  };
}
