/**
 * Instant Shopping on the emulator: the SDK stand-in at Klarna's `lib.js` path, and the endpoint
 * its purchase dialog posts to, which creates an authorization as Klarna would.
 */
import { randomUUID } from 'node:crypto';
import { INSTANT_SHOPPING_SDK_PATH } from '../core/endpoints.js';
import type { EmulatorConfig } from './config.js';
import type { RequestContext, Route } from './context.js';
import { EMULATED_PURCHASE_PATH, emulatedSdkSource } from './instant-shopping-sdk.js';

export interface Authorization {
  token: string;
  buttonKey: string;
  environment: string;
  order: Record<string, unknown>;
  createdAt: string;
}

/** Authorizations created by the emulated purchase dialog, until the emulator is reset. */
export class InstantShoppingState {
  readonly authorizations = new Map<string, Authorization>();

  clear(): void {
    this.authorizations.clear();
  }
}

export function instantShoppingRoutes(getConfig: () => EmulatorConfig, state: InstantShoppingState): Route[] {
  return [
    { method: 'GET', path: INSTANT_SHOPPING_SDK_PATH, handle: (context) => serveSdk(context, getConfig()) },
    { method: 'POST', path: EMULATED_PURCHASE_PATH, handle: (context) => purchase(context, state) },
  ];
}

function serveSdk(context: RequestContext, config: EmulatorConfig): void {
  const source = emulatedSdkSource({ baseUrl: context.origin, markets: config.instantShopping.markets });
  // Klarna's CDN lets browsers keep lib.js; the emulator's reflects its config, so it is revalidated.
  context.send(200, source, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
}

async function purchase(context: RequestContext, state: InstantShoppingState): Promise<void> {
  let body: { button_key?: unknown; environment?: unknown; order?: unknown };
  try {
    body = JSON.parse(await context.readBody()) as typeof body;
  } catch {
    context.error(400, 'BAD_VALUE', 'The purchase body must be JSON.');
    return;
  }
  if (typeof body.button_key !== 'string' || typeof body.order !== 'object' || body.order === null) {
    context.error(400, 'BAD_VALUE', 'A purchase needs button_key and order.');
    return;
  }
  const authorization: Authorization = {
    token: randomUUID(),
    buttonKey: body.button_key,
    environment: typeof body.environment === 'string' ? body.environment : 'production',
    order: body.order as Record<string, unknown>,
    createdAt: new Date().toISOString(),
  };
  state.authorizations.set(authorization.token, authorization);
  context.json(201, { authorization_token: authorization.token, outcome: 'authorized', note: 'no place_order callback is registered for this button key' });
}
