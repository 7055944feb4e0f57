/**
 * A login writes the new session to the store once, with everything in it (the
 * user and the sign-in times that requireLogin's timeouts read): a second write
 * of the whole session (a Profile is ~7.5 KB) would cost every sign-in.
 */
import session from 'express-session';
import request from 'supertest';
import { latestToken, startTestApp } from '../support/test-app';

test('one store write at login, holding the user and the sign-in times', async () => {
  const store = new session.MemoryStore();
  const writes: { sid: string; data: Record<string, unknown> }[] = [];
  const set = store.set.bind(store);
  store.set = (sid, data, callback) => {
    writes.push({ sid, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown> });
    set(sid, data, callback);
  };
  const t = await startTestApp({
    sessionStore: store,
  });
  try {
    const agent = request.agent(t.app);
    await agent.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
    writes.length = 0;
    await agent
      .post('/auth/callback')
      .send({ vtoken: latestToken(t.emulator, 'ada@example.com') })
      .expect(200);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.data).toMatchObject({
      passport: { user: { uid: t.emulator.accounts[0]!.uid } },
      loginradiusAuth: { signedInAt: expect.any(Number), lastSeenAt: expect.any(Number) },
    });
    expect(writes[0]!.data.loginradiusPasswordless).toBeUndefined();
  } finally {
    await t.close();
  }
});
