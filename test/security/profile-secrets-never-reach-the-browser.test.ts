/**
 * Attack: read secrets out of the login answer (security.md item 28). A
 * LoginRadius Profile carries tokens and secrets at several depths (the
 * social provider's `ProviderAccessCredential.AccessToken` and `TokenSecret`,
 * `LastPasswordChangeToken`, the same inside each of `Identities`). A JSON
 * client that signs in reads `POST /auth/callback`'s `{ signedIn, user }`, and
 * an app shows `publicUser(user)`: neither holds any of them, whatever
 * `publicProfileFields` adds.
 */
import request from 'supertest';
import { publicUser } from '../../src/index';
import { latestToken, startTestApp, type TestAppOptions } from '../support/test-app';

const EMAIL = 'eve@example.com';
const PHONE = '+14155550142';

/** Every secret value planted in the Profile; each contains this marker. */
const MARKER = 'PLANTED';

const PROFILE = {
  FirstName: 'Eve',
  MiddleName: 'Q.',
  LastName: 'Example',
  FullName: 'Eve Example',
  LastPasswordChangeToken: `${MARKER}-last-password-change-token`,
  ProviderAccessCredential: {
    AccessToken: `${MARKER}-provider-access-token`,
    TokenSecret: `${MARKER}-provider-token-secret`,
  },
  Identities: [
    {
      Provider: 'google',
      ID: 'google-id-1',
      LastPasswordChangeToken: `${MARKER}-identity-password-change-token`,
      ProviderAccessCredential: {
        AccessToken: `${MARKER}-identity-access-token`,
        TokenSecret: `${MARKER}-identity-token-secret`,
      },
      Nested: { Deeper: [{ RefreshToken: `${MARKER}-deep-refresh-token` }] },
    },
  ],
  CustomFields: {
    favouriteColour: 'teal',
    ApiToken: `${MARKER}-custom-api-token`,
    ClientSecret: `${MARKER}-custom-client-secret`,
    Password: `${MARKER}-custom-password`,
  },
};

/** Signs in by link as a JSON client, as an account with `profile`; resolves to the answer. */
async function signInAsJsonClient(
  options: TestAppOptions = {},
  profile: unknown = PROFILE,
): Promise<request.Response> {
  const t = await startTestApp({
    ...options,
    emulator: { accounts: [{ email: EMAIL, phone: PHONE, profile: profile as never }] },
  });
  try {
    await request(t.app).post('/auth/link').send({ email: EMAIL }).expect(200);
    return await request(t.app)
      .post('/auth/callback')
      .set('Accept', 'application/json')
      .send({ vtoken: latestToken(t.emulator, EMAIL) })
      .expect(200);
  } finally {
    await t.close();
  }
}

test('a JSON client that signs in reads names, email and phone, and no token or secret', async () => {
  const res = await signInAsJsonClient();
  expect(res.text).not.toContain(MARKER);
  expect(res.text).not.toMatch(/access_?token|TokenSecret|LastPasswordChangeToken/i);
  expect(res.body).toEqual({
    signedIn: true,
    user: {
      uid: expect.any(String),
      profile: {
        Uid: res.body.user.uid,
        FirstName: 'Eve',
        MiddleName: 'Q.',
        LastName: 'Example',
        FullName: 'Eve Example',
        Email: [{ Type: 'Primary', Value: EMAIL }],
        PhoneId: PHONE,
      },
    },
  });
});

test('an app that publishes Identities and CustomFields still leaks no secret at any depth', async () => {
  const res = await signInAsJsonClient({
    verifyRouter: {
      publicProfileFields: [
        'Identities',
        'CustomFields',
        'ProviderAccessCredential',
        'LastPasswordChangeToken',
      ],
    },
  });
  expect(res.text).not.toContain(MARKER);
  const profile = res.body.user.profile;
  // The harmless parts of what the app asked for are there.
  expect(profile.Identities[0]).toMatchObject({ Provider: 'google', ID: 'google-id-1' });
  expect(profile.CustomFields).toEqual({ favouriteColour: 'teal' });
  expect(profile).not.toHaveProperty('ProviderAccessCredential');
  expect(profile).not.toHaveProperty('LastPasswordChangeToken');
});

test.each(['ApiKey', 'PrivateKey', 'RecoveryCodes', 'Authorization', 'SessionId', 'Jwt'])(
  'an app that publishes CustomFields leaks no secret kept under the key name %s',
  async (name) => {
    const res = await signInWithCustomField(name, `${MARKER}-${name}`);
    expect(res.body.user.profile.CustomFields).toMatchObject({ favouriteColour: 'teal' });
    expect(res.text).not.toContain(MARKER);
  },
);

/** Signs in an account whose CustomFields hold `name: value`, with CustomFields published. */
function signInWithCustomField(name: string, value: string): Promise<request.Response> {
  return signInAsJsonClient(
    { verifyRouter: { publicProfileFields: ['CustomFields'] } },
    { CustomFields: { favouriteColour: 'teal', [name]: value } },
  );
}

test('publicUser shows the stored user without the access token or any Profile secret', () => {
  const user = {
    uid: 'u1',
    profile: { Uid: 'u1', Email: [{ Type: 'Primary', Value: EMAIL }], PhoneId: PHONE, ...PROFILE },
    accessToken: `${MARKER}-loginradius-access-token`,
    expiresAt: new Date(Date.now() + 900_000),
  };
  const shown = publicUser(user);
  expect(JSON.stringify(shown)).not.toContain(MARKER);
  expect(shown).toEqual({
    uid: 'u1',
    profile: {
      Uid: 'u1',
      FirstName: 'Eve',
      MiddleName: 'Q.',
      LastName: 'Example',
      FullName: 'Eve Example',
      Email: [{ Type: 'Primary', Value: EMAIL }],
      PhoneId: PHONE,
    },
  });
  const published = publicUser(user, ['Identities', 'CustomFields', 'ProviderAccessCredential']);
  expect(JSON.stringify(published)).not.toContain(MARKER);
});

test("publicUser of an app's own user shape drops its token and secret keys at any depth", () => {
  const shown = publicUser({
    id: 7,
    email: EMAIL,
    accessToken: `${MARKER}-1`,
    refresh_token: `${MARKER}-2`,
    passwordHash: `${MARKER}-3`,
    linked: [{ provider: 'github', oauthTokenSecret: `${MARKER}-4` }],
  });
  expect(JSON.stringify(shown)).not.toContain(MARKER);
  expect(shown).toEqual({ id: 7, email: EMAIL, linked: [{ provider: 'github' }] });
});

test('extra fields match whatever their case, call after call with the same list', () => {
  const extraFields = ['customfields', 'COMPANY'];
  const profileOf = (company: string) => ({
    Uid: 'u1',
    FirstName: 'Eve',
    Company: company,
    CustomFields: { plan: 'pro', apiKey: `${MARKER}-5` },
    Gender: 'F',
  });
  for (const company of ['Acme', 'Globex']) {
    const shown = publicUser({ uid: 'u1', profile: profileOf(company) }, extraFields);
    expect(shown).toEqual({
      uid: 'u1',
      profile: { Uid: 'u1', FirstName: 'Eve', Company: company, CustomFields: { plan: 'pro' } },
    });
  }
  // A key spelled another way in another Profile is decided for that spelling.
  const shown = publicUser({ uid: 'u2', profile: { uid: 'u2', company: 'Initech' } }, extraFields);
  expect(shown).toEqual({ uid: 'u2', profile: { uid: 'u2', company: 'Initech' } });
});

test('an extra-fields list changed in place shows what it names now', () => {
  const user = { uid: 'u1', profile: { Uid: 'u1', Company: 'Acme', Gender: 'F' } };
  const extraFields = ['Company'];
  expect(publicUser(user, extraFields)).toEqual({
    uid: 'u1',
    profile: { Uid: 'u1', Company: 'Acme' },
  });
  extraFields[0] = 'Gender';
  expect(publicUser(user, extraFields)).toEqual({ uid: 'u1', profile: { Uid: 'u1', Gender: 'F' } });
});

test('a "__proto__" key in a Profile is dropped, not made the prototype of the copy', () => {
  const profile = JSON.parse(
    `{"Uid":"u1","Email":[{"Type":"Primary","Value":"${EMAIL}","__proto__":{"Note":"${MARKER}"}}]}`,
  ) as Record<string, unknown>;
  const shown = publicUser({ uid: 'u1', profile }) as { profile: { Email: object[] } };
  const email = shown.profile.Email[0]!;
  expect(Object.getPrototypeOf(email)).toBe(Object.prototype);
  expect((email as { Note?: string }).Note).toBeUndefined();
  expect(email).toEqual({ Type: 'Primary', Value: EMAIL });
});

test('two lists of extra fields that join alike are still told apart', () => {
  const user = { uid: 'u1', profile: { Uid: 'u1', Gender: 'F', BirthDate: '1990-01-01' } };
  expect(publicUser(user, ['Gender', 'BirthDate']).profile).toEqual({
    Uid: 'u1',
    Gender: 'F',
    BirthDate: '1990-01-01',
  });
  expect(publicUser(user, ['Gender\nBirthDate']).profile).toEqual({ Uid: 'u1' });
});
