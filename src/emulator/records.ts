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

export class EmulatorRecords {
  readonly requests: RequestRecord[] = [];
  readonly impressions: ImpressionRecord[] = [];
  readonly #listeners = new Set<ServerResponse>();

  addRequest(record: RequestRecord): void {
    this.requests.push(record);
    this.#broadcast({ type: 'request', record });
  }

  addImpression(record: ImpressionRecord): void {
    this.impressions.push(record);
    this.#broadcast({ type: 'impression', record });
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
    const requestsByPath: Record<string, number> = {};
    for (const { path } of this.requests) requestsByPath[path] = (requestsByPath[path] ?? 0) + 1;
    response.write(`retry: 1000\n\nevent: snapshot\ndata: ${JSON.stringify({ impressions: this.impressions.length, requestsByPath })}\n\n`);
    this.#listeners.add(response);
    response.on('close', () => this.#listeners.delete(response));
  }

  closeStreams(): void {
    for (const response of this.#listeners) response.end();
    this.#listeners.clear();
  }

  #broadcast(event: EmulatorEvent): void {
    const data = `event: ${event.type}\ndata: ${JSON.stringify('record' in event ? event.record : {})}\n\n`;
    for (const response of this.#listeners) response.write(data);
  }
}
