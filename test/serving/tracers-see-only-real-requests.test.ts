/**
 * A tracer subscribed to router 2.3's `express.router.request` channel sees
 * the same requests on a server made with the serving classes as on a plain
 * one. An earlier `PassportIncomingMessage` routed a fake request through a
 * throwaway router, on the first request, to find the router's tracing symbol:
 * every subscriber was handed that fake request and a `{}` response, and a
 * subscriber that listened on the response (as tracers do, to end a span)
 * threw an uncaught error that killed the process. Found by a review.
 */
import dc from 'node:diagnostics_channel';
import { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { SERVINGS, withServer, type Serving } from './serve-both-ways';

interface Seen {
  url: unknown;
  realRequest: boolean;
  realResponse: boolean;
}

const channel = dc.tracingChannel('express.router.request');
let seen: Seen[] = [];
const tracer = {
  start(context: unknown) {
    const { req, res } = context as { req: { url?: unknown }; res: { once?: unknown } };
    seen.push({
      url: req.url,
      realRequest: req instanceof IncomingMessage,
      realResponse: res instanceof ServerResponse,
    });
    // What a tracer does to end its span: would throw on a fake response.
    (res as ServerResponse).once('finish', () => undefined);
  },
  end() {},
  asyncStart() {},
  asyncEnd() {},
  error() {},
};

beforeAll(() => channel.subscribe(tracer));
afterAll(() => channel.unsubscribe(tracer));

test.each(SERVINGS)('a tracer sees only the real requests (%s)', async (serving: Serving) => {
  seen = [];
  const app = express();
  app.get('/hello', (_req, res) => {
    res.send('hi');
  });
  await withServer(serving, app as never, async (url) => {
    for (let i = 0; i < 3; i += 1) expect(await (await fetch(`${url}/hello`)).text()).toBe('hi');
  });
  const real = { url: '/hello', realRequest: true, realResponse: true };
  expect(seen).toEqual([real, real, real]);
});
