/**
 * Per-test emulator state for OSM tests, without defining any element (the interop tests take the
 * elements from a framework's build): a fresh client, so neither the element's cache nor the
 * browser's sees another test's answers, and the emulator's impressions as events, not polls.
 */
import type { EmulatorOsmClient, ImpressionRecord } from '../../src/emulator/index.js';
import { DEFAULT_FINANCING, DEFAULT_PAY_IN_FOUR } from '../../src/emulator/constants.js';
import { configureEmulator, emulatorUrl, resetEmulator } from './emulator.js';

/** Registers a new client on the emulator (enabled, the built-in client's offers) and returns its id. */
export async function freshClient(overrides: Partial<EmulatorOsmClient> = {}): Promise<string> {
  const id = crypto.randomUUID();
  await configureEmulator({
    osm: { clients: { [id]: { enabled: true, payInFour: { ...DEFAULT_PAY_IN_FOUR }, financing: { ...DEFAULT_FINANCING, markets: [...DEFAULT_FINANCING.markets] }, ...overrides } } },
  });
  return id;
}

/** The emulator's live feed of impressions (Server-Sent Events), so a test awaits one instead of polling. */
export class ImpressionFeed {
  readonly received: ImpressionRecord[] = [];
  private readonly source = new EventSource(`${emulatorUrl}/__emulator/events`);
  private readonly waiters: (() => void)[] = [];
  readonly ready: Promise<void>;

  constructor() {
    this.ready = new Promise((resolve) => this.source.addEventListener('open', () => resolve(), { once: true }));
    this.source.addEventListener('impression', (message) => {
      this.received.push(JSON.parse((message as MessageEvent<string>).data) as ImpressionRecord);
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  /**
   * Resolves once `count` impressions have arrived in all, or of `clientId` alone: a beacon of an
   * earlier test's placement (beacons go last in the page's queue) may still land during this one.
   */
  async until(count: number, clientId?: string): Promise<ImpressionRecord[]> {
    while (this.receivedFor(clientId).length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.receivedFor(clientId);
  }

  /** The impressions received, all or of `clientId` alone. */
  receivedFor(clientId?: string): ImpressionRecord[] {
    return clientId === undefined ? this.received : this.received.filter((record) => record.clientId === clientId);
  }

  close(): void {
    this.source.close();
  }
}

/**
 * Mocha hooks for a suite that counts impressions: the emulator reset and a live feed opened
 * before each test and closed after it. Returns a getter for the current test's feed.
 */
export function useImpressionFeed(): () => ImpressionFeed {
  let feed: ImpressionFeed | undefined;
  beforeEach(async () => {
    await resetEmulator();
    feed = new ImpressionFeed();
    await feed.ready;
  });
  afterEach(() => feed?.close());
  return () => feed!;
}
