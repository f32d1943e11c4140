/**
 * Serving a built app to the browser, and what the emulator heard from it: shared by the app tests
 * that start a server of their own (`next start`) or serve a static build (Angular).
 */
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { KlarnaEmulator } from '../../src/emulator/index.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.ico': 'image/x-icon', '.svg': 'image/svg+xml' };

/** Serves a folder as a single-page app's host would: its files, and index.html for any other path. */
export async function serveStatic(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createHttpServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => readFile(join(root, 'index.html')).then((body) => response.writeHead(200, { 'content-type': 'text/html' }).end(body)),
    ).catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The purchase amounts of the OSM requests the emulator answered, in order. */
export async function osmRequestAmounts(emulator: KlarnaEmulator): Promise<string[]> {
  const { requests } = (await (await fetch(`${emulator.url}/__emulator/requests?path=/messaging/v3`)).json()) as { requests: { method: string; query: Record<string, string> }[] };
  return requests.filter((request) => request.method === 'GET').map((request) => request.query.purchase_amount!);
}
