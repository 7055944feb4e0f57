import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/test-app';

/**
 * The test app of test/support (the README's mount with the built-in pages)
 * served on a real 127.0.0.1 port, for Chromium.
 */
export interface ServedTestApp extends TestApp {
  url: string;
}

export async function serveTestApp(options: TestAppOptions = {}): Promise<ServedTestApp> {
  const t = await startTestApp(options);
  const server: Server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...t,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}
