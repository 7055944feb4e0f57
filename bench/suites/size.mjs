/**
 * (4) Size: the bytes of one signed-in session as express-session stores it
 * (JSON.stringify of the session), with the full Profile and with a `fields`
 * projection, and what 10,000 of them hold in express-session's MemoryStore
 * (heap) and in the example app's SQLite store (file), when it is there.
 */
import { fileURLToPath } from 'node:url';
import { Client } from 'undici';
import { startChild } from '../lib/child.mjs';
import { PROJECTION } from '../lib/servers.mjs';
import { signIn } from '../lib/sign-in-load.mjs';
import { row } from '../lib/stats.mjs';

const PER = 10_000;

export async function sizeSuite({ options, apps, phones, prepared: memory }) {
  // One real sign-in on each configuration; the stored documents are what we measure.
  const servers = {
    full: apps['ours-sms'],
    projected: apps['ours-sms-fields'],
    baseline: apps.baseline,
  };
  const documents = {};
  await Promise.all(
    Object.entries(servers).map(async ([name, server], index) => {
      const client = new Client(server.info.url);
      try {
        const cookie = await signIn(client, phones[phones.length - 11 - index]);
        documents[name] = await server.call('session', { cookie });
      } finally {
        await client.close();
      }
    }),
  );

  const count = options.memorySessions;
  const perTenThousand = (bytes) => (bytes === null ? null : (bytes * PER) / count);
  const heap = {};
  const disk = {};
  for (const name of Object.keys(documents)) {
    heap[name] = perTenThousand(
      await memory.call('memoryStoreBytes', { document: documents[name], count }),
    );
    disk[name] = perTenThousand(
      await memory.call('sqliteStoreBytes', { document: documents[name], count }),
    );
  }

  const MiB = 2 ** 20;
  const rows = [
    row({
      name: 'session size, full Profile (vs hand-written, same user)',
      unit: 'bytes',
      ours: documents.full.length,
      baseline: documents.baseline.length,
      higherIsBetter: false,
    }),
    row({
      name: `session size, fields projection (vs full Profile)`,
      unit: 'bytes',
      ours: documents.projected.length,
      baseline: documents.full.length,
      higherIsBetter: false,
      note: `fields: ${PROJECTION.join(', ')}`,
    }),
    row({
      name: `MemoryStore heap per ${PER.toLocaleString('en-US')} sessions, full Profile (vs hand-written)`,
      unit: 'MiB',
      ours: heap.full / MiB,
      baseline: heap.baseline / MiB,
      higherIsBetter: false,
    }),
    row({
      name: `MemoryStore heap per ${PER.toLocaleString('en-US')} sessions, fields projection (vs full)`,
      unit: 'MiB',
      ours: heap.projected / MiB,
      baseline: heap.full / MiB,
      higherIsBetter: false,
    }),
  ];
  if (disk.full !== null && disk.projected !== null) {
    rows.push(
      row({
        name: `example app SQLite file per ${PER.toLocaleString('en-US')} sessions, fields projection (vs full)`,
        unit: 'MiB',
        ours: disk.projected / MiB,
        baseline: disk.full / MiB,
        higherIsBetter: false,
      }),
    );
  }
  return rows;
}
sizeSuite.apps = ['ours-sms', 'ours-sms-fields', 'baseline'];
/** The process that measures heap and file bytes; started with the apps. */
sizeSuite.prepare = () =>
  startChild(fileURLToPath(new URL('../lib/memory-process.mjs', import.meta.url)), {
    execArgv: ['--expose-gc'],
  });
