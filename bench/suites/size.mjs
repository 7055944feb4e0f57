/**
 * (4) Size: the bytes of one signed-in session as express-session stores it
 * (JSON.stringify of the session), with the full Profile and with a `fields`
 * projection, and what 10,000 of them hold in express-session's MemoryStore
 * (heap) and in the example app's SQLite store (file), when it is there.
 */
import { fileURLToPath } from 'node:url';
import { Client } from 'undici';
import { startChild } from '../lib/child.mjs';
import { startServerProcess } from '../lib/processes.mjs';
import { signIn } from '../lib/sign-in-load.mjs';
import { row } from '../lib/stats.mjs';

/** A projection an app that shows a name and an email might ask for. */
export const PROJECTION = ['Email', 'FirstName', 'LastName', 'PhoneId'];
const PER = 10_000;

export async function sizeSuite({ options, emulator, phones }) {
  // One real sign-in on each configuration; the stored documents are what we measure.
  const documents = {};
  const configurations = {
    full: ['ours', undefined],
    projected: ['ours', PROJECTION],
    baseline: ['baseline', undefined],
  };
  let index = 10;
  for (const [name, [kind, fields]] of Object.entries(configurations)) {
    const server = await startServerProcess(kind, { emulator, fields });
    const client = new Client(server.info.url);
    try {
      const cookie = await signIn(client, phones[phones.length - (index += 1)]);
      documents[name] = await server.call('session', { cookie });
    } finally {
      await client.close();
      await server.stop();
    }
  }

  const memory = await startChild(
    fileURLToPath(new URL('../lib/memory-process.mjs', import.meta.url)),
    {
      execArgv: ['--expose-gc'],
    },
  );
  const count = options.memorySessions;
  const perTenThousand = (bytes) => (bytes === null ? null : (bytes * PER) / count);
  const heap = {};
  const disk = {};
  try {
    for (const name of Object.keys(documents)) {
      heap[name] = perTenThousand(
        await memory.call('memoryStoreBytes', { document: documents[name], count }),
      );
      disk[name] = perTenThousand(
        await memory.call('sqliteStoreBytes', { document: documents[name], count }),
      );
    }
  } finally {
    await memory.stop();
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
