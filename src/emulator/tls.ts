import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EmulatorOptionsError } from './errors';

const run = promisify(execFile);

export interface SelfSignedCertificate {
  key: string;
  cert: string;
}

/**
 * A throwaway certificate for `127.0.0.1` and `localhost`, made with the
 * `openssl` CLI (rather than a bundled crypto library) and valid for two days.
 * It is its own CA: a client that trusts `cert` trusts the emulator and nothing else.
 */
export async function createSelfSignedCertificate(): Promise<SelfSignedCertificate> {
  const dir = await mkdtemp(join(tmpdir(), 'loginradius-emulator-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    try {
      await run(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=loginradius-emulator',
          '-addext',
          'subjectAltName=IP:127.0.0.1,DNS:localhost',
          '-addext',
          'basicConstraints=critical,CA:TRUE',
          '-keyout',
          keyFile,
          '-out',
          certFile,
        ],
        { timeout: 30_000 },
      );
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new EmulatorOptionsError(
        missing
          ? '`tls: true` needs the `openssl` command to make a certificate; install OpenSSL or pass `tls: { key, cert }`.'
          : `openssl could not make a self-signed certificate: ${(error as Error).message}`,
      );
    }
    const [key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')]);
    return { key, cert };
  } finally {
    // The private key only needs to live in memory.
    await rm(dir, { recursive: true, force: true });
  }
}
