/**
 * `/__emulator/*`: what tests and the demo use to see and steer the emulator. These paths do not
 * exist at Klarna and are never logged as requests.
 */
import type { EmulatorConfig, EmulatorConfigPatch } from './config.js';
import type { RequestContext, Route } from './context.js';
import { readJsonBody, restErrorCode } from './json-body.js';
import type { EmulatorRecords } from './records.js';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlTarget {
  records: EmulatorRecords;
  config: EmulatorConfig;
  configure(patch: EmulatorConfigPatch): EmulatorConfig;
  reset(): void;
}

export function controlRoutes(target: ControlTarget): Route[] {
  return [
    {
      method: 'GET',
      path: '/__emulator/requests',
      handle: (context) => {
        const path = context.url.searchParams.get('path');
        const requests = path
          ? target.records.requests.filter((record) => record.path === path)
          : target.records.requests;
        context.json(200, { count: requests.length, requests }, { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'GET',
      path: '/__emulator/impressions',
      handle: (context) => context.json(200, { count: target.records.impressions.length, impressions: target.records.impressions }, { 'cache-control': 'no-store' }),
    },
    { method: 'GET', path: '/__emulator/events', handle: (context) => target.records.follow(context.response, context.commonHeaders()) },
    { method: 'GET', path: '/__emulator/config', handle: (context) => context.json(200, target.config, { 'cache-control': 'no-store' }) },
    { method: 'POST', path: '/__emulator/config', handle: (context) => configure(context, target) },
    {
      method: 'POST',
      path: '/__emulator/reset',
      handle: (context) => {
        target.reset();
        context.send(204, undefined);
      },
    },
  ];
}

async function configure(context: RequestContext, target: ControlTarget): Promise<void> {
  // The control API's callers are tests, curl and the demo, which send a string as it comes.
  const read = await readJsonBody(context, { plainTextToo: true, name: 'config' });
  if ('refused' in read) {
    const { status, message } = read.refused;
    context.error(status, restErrorCode(read.refused), `${message} The body is a partial emulator config.`);
    return;
  }
  try {
    context.json(200, target.configure(read.body));
  } catch (error) {
    context.error(400, 'BAD_VALUE', (error as Error).message);
  }
}
