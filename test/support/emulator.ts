import { LoginRadiusClient, type LoginRadiusClientOptions } from '../../src/index';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index';

export interface ClientFixture {
  emulator: Emulator;
  client: LoginRadiusClient;
  close(): Promise<void>;
}

/** A fresh emulator and a client aimed at it. */
export async function startClientFixture(
  emulatorOptions: EmulatorOptions = {},
  clientOptions: Partial<LoginRadiusClientOptions> = {},
): Promise<ClientFixture> {
  const emulator = await startEmulator({ quiet: true, ...emulatorOptions });
  const client = new LoginRadiusClient({
    apiKey: emulator.apiKey,
    baseUrl: emulator.url,
    breaker: false,
    ...clientOptions,
  });
  return {
    emulator,
    client,
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}
