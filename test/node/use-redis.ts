/**
 * A real Redis server for the tests of the server helpers' shared stores: Debian's redis-server
 * (`.ci/run` installs it), started on a free loopback port with nothing saved to disk, and stopped
 * after the file's tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import { Redis } from 'ioredis';
import { freePort } from '../apps/serve.js';

export interface RedisServer {
  /** A new client; closed after the file's tests. */
  client(): Redis;
}

export function useRedis(): RedisServer {
  let server: ChildProcess | undefined;
  let port = 0;
  const clients: Redis[] = [];
  before(async () => {
    port = await freePort();
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
    let output = '';
    server.stdout!.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      server!.once('error', (error) => reject(new Error(`redis-server could not start (is it installed? apt-get install redis-server): ${error.message}`)));
      server!.stdout!.on('data', () => {
        if (/Ready to accept connections/i.test(output)) resolve();
      });
      server!.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
    });
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    server?.kill();
  });
  return {
    client() {
      const client = new Redis({ host: '127.0.0.1', port, lazyConnect: false, maxRetriesPerRequest: 1 });
      clients.push(client);
      return client;
    },
  };
}
