/**
 * What the emulator saw: every request on Klarna's paths and every impression beacon. Tests and
 * the demo read it over HTTP (`/__emulator/requests`, `/__emulator/impressions`) or follow it live
 * (`/__emulator/events`, Server-Sent Events).
 */
import type { ServerResponse } from 'node:http';

export interface RequestRecord {
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  correlationId: string;
  /** Only the header OSM requires; no other header is kept, so credentials never land here. */
  userAgent: string | undefined;
}

export interface ImpressionRecord {
  time: string;
  /** The id of the OSM answer whose `impression_url` was hit. */
  responseId: string;
  clientId: string;
  placementKey: string;
  locale: string;
  purchaseAmount: number | undefined;
}

export type EmulatorEvent =
  | { type: 'request'; record: RequestRecord }
  | { type: 'impression'; record: ImpressionRecord }
  | { type: 'reset' };

/** What a follower may leave unread before it is dropped: a paused or stalled reader must not hold the server's memory. */
const MAX_UNREAD_BYTES = 256 * 1024;

export class EmulatorRecords {
  /** The latest requests, at most `limit()` of them. */
  readonly requests: RequestRecord[] = [];
  /** The latest impressions, at most `limit()` of them. */
  readonly impressions: ImpressionRecord[] = [];
  readonly #listeners = new Set<ServerResponse>();
  readonly #limit: () => number;

  constructor(limit: () => number = () => 1000) {
    this.#limit = limit;
  }

  addRequest(record: RequestRecord): void {
    this.#keep(this.requests, record);
    this.#broadcast({ type: 'request', record });
  }

  addImpression(record: ImpressionRecord): void {
    this.#keep(this.impressions, record);
    this.#broadcast({ type: 'impression', record });
  }

  /** How many followers the event stream has. */
  get followers(): number {
    return this.#listeners.size;
  }

  #keep<T>(list: T[], record: T): void {
    list.push(record);
    const excess = list.length - this.#limit();
    if (excess > 0) list.splice(0, excess);
  }

  clear(): void {
    this.requests.length = 0;
    this.impressions.length = 0;
    this.#broadcast({ type: 'reset' });
  }

  /**
   * Streams to `response` as Server-Sent Events until it closes: first a `snapshot` of the counts
   * so far, then every later event, so a follower misses nothing between the two.
   */
  follow(response: ServerResponse, headers: Record<string, string> = {}): void {
    response.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    // Counted in a Map: a path is the client's text, and `{}[path]` could read a polluted Object.prototype.
    const counts = new Map<string, number>();
    for (const { path } of this.requests) counts.set(path, (counts.get(path) ?? 0) + 1);
    const snapshot = { impressions: this.impressions.length, requestsByPath: Object.fromEntries(counts) };
    response.write(`retry: 1000\n\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);
    this.#listeners.add(response);
    response.on('close', () => this.#listeners.delete(response));
  }

  closeStreams(): void {
    for (const response of this.#listeners) response.end();
    this.#listeners.clear();
  }

  #broadcast(event: EmulatorEvent): void {
    const data = `event: ${event.type}\ndata: ${JSON.stringify('record' in event ? event.record : {})}\n\n`;
    for (const response of this.#listeners) {
      if (response.writableLength > MAX_UNREAD_BYTES) {
        // It has fallen behind: dropped (an EventSource reconnects and starts from a new snapshot).
        this.#listeners.delete(response);
        response.destroy();
      } else {
        response.write(data);
      }
    }
  }
}
