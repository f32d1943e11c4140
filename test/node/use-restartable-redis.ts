/**
 * A real Redis server that a test can kill and start again, for the outages a shared store goes
 * through: killed with SIGKILL (a crash, a lost host), and started again on the same port and data
 * directory, so that it comes back with its data (every write is on disk before Redis acknowledges
 * it: `appendfsync always`). Its clients are ioredis clients as a merchant would make them, which
 * reconnect by themselves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { Redis } from 'ioredis';
import { freePort } from '../apps/serve.js';

export interface RestartableRedis {
  /** A new client; closed after the file's tests. */
  client(): Redis;
  /** Kills the server at once, as a crash would; resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port, with the data it had; resolves once it accepts connections. */
  start(): Promise<void>;
}

export function useRestartableRedis(): RestartableRedis {
  let server: ChildProcess | undefined;
  let port = 0;
  let directory = '';
  const clients: Redis[] = [];

  async function start(): Promise<void> {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', directory, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'];
    const started = spawn('redis-server', args, { stdio: 'pipe' });
    server = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      started.once('error', (error) => reject(new Error(`redis-server could not start (is it installed? apt-get install redis-server): ${error.message}`)));
      started.stdout.on('data', (chunk) => {
        output += String(chunk);
        if (/Ready to accept connections/i.test(output)) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
    });
  }

  async function kill(): Promise<void> {
    const running = server;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await exited;
  }

  before(async () => {
    port = await freePort();
    directory = await mkdtemp(join(tmpdir(), 'klarna-elements-redis-'));
    await start();
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
    await kill();
    await rm(directory, { recursive: true, force: true });
  });

  return {
    client() {
      const client = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
      // While the server is down the client reports each failed reconnection; the tests expect that.
      client.on('error', () => undefined);
      clients.push(client);
      return client;
    },
    kill,
    start,
  };
}
