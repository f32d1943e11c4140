/**
 * Klarna's Shopping Session API (`/v1/accounts/{account_id}/shopping/sessions`) on the emulator,
 * behind an API key (`Authorization: Basic <key>`), answering with the newer APIs' error body.
 * Sessions live in memory until the emulator is reset.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { isRecord } from '../core/json.js';
import type { EmulatorConfig } from './config.js';
import { authenticateApiKey, decodedSegment } from './merchant-auth.js';
import type { RequestContext, Route } from './context.js';
import { readJsonBody, type BodyRefusal } from './json-body.js';

export interface StoredShoppingSession {
  shopping_session_id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  supplementary_purchase_data: Record<string, unknown>;
  /** Interoperability tokens issued for the session, newest last. */
  tokens: string[];
}

const SESSIONS = /^\/v1\/accounts\/(?<account>[^/]+)\/shopping\/sessions$/;
const SESSION = /^\/v1\/accounts\/(?<account>[^/]+)\/shopping\/sessions\/(?<session>[^/]+)$/;
const TOKEN = /^\/v1\/accounts\/(?<account>[^/]+)\/shopping\/sessions\/(?<session>[^/]+)\/interoperability-token$/;

type Json = Record<string, unknown>;

/** A handler called once the API key is checked, with the account it acts for. */
type AccountHandler = (context: RequestContext, accountId: string) => void | Promise<void>;
/** A handler called with the session the path names, once it is found for the caller's account. */
type SessionHandler = (context: RequestContext, session: StoredShoppingSession) => void | Promise<void>;

export function shoppingSessionRoutes(
  getConfig: () => EmulatorConfig,
  sessions: Map<string, StoredShoppingSession>,
): Route[] {
  const withAccount = (handle: AccountHandler) => async (context: RequestContext) => {
    const accountId = authenticateApiKey(context, getConfig().shoppingSession.apiKeys);
    if (accountId !== undefined) await handle(context, accountId);
  };
  const withSession = (handle: SessionHandler) => withAccount(async (context, accountId) => {
    const session = sessions.get(decodedSegment(context.params.session) ?? '');
    if (!session || session.account_id !== accountId || Date.parse(session.expires_at) <= Date.now()) {
      return context.problem(404, 'RESOURCE_ERROR', 'NOT_FOUND', 'No shopping session with this id for this account (it may have expired).');
    }
    await handle(context, session);
  });
  const expiresAt = () => new Date(Date.now() + getConfig().shoppingSession.lifetimeMs).toISOString();

  return [
    {
      method: 'POST',
      path: SESSIONS,
      handle: withAccount(async (context, accountId) => {
        const data = await readSupplementaryData(context);
        if (!data) return;
        const now = new Date().toISOString();
        const session: StoredShoppingSession = {
          shopping_session_id: `krn:shopping:eu1:test:session:${randomUUID()}`,
          account_id: accountId,
          created_at: now,
          expires_at: expiresAt(),
          supplementary_purchase_data: data,
          tokens: [],
        };
        sessions.set(session.shopping_session_id, session);
        context.json(201, summary(session));
      }),
    },
    { method: 'GET', path: SESSION, handle: withSession((context, session) => context.json(200, summary(session))) },
    {
      method: 'PATCH',
      path: SESSION,
      handle: withSession(async (context, session) => {
        const data = await readSupplementaryData(context);
        if (!data) return;
        Object.assign(session.supplementary_purchase_data, data);
        session.expires_at = expiresAt();
        context.json(200, summary(session));
      }),
    },
    {
      method: 'GET',
      path: TOKEN,
      handle: withSession((context, session) => {
        const token = `krn:interoperability-token:${randomBytes(24).toString('base64url')}`;
        session.tokens.push(token);
        context.json(200, { token });
      }),
    },
  ];
}

const summary = ({ shopping_session_id, created_at, expires_at }: StoredShoppingSession) => ({
  shopping_session_id,
  created_at,
  expires_at,
});

/** The error code of the newer APIs' body for a refused body. */
function problemErrorCode(refusal: BodyRefusal): string {
  if (refusal.status === 413) return 'PAYLOAD_TOO_LARGE';
  if (refusal.reason === 'unsupported-type' || refusal.reason === 'not-json') return 'INVALID_CONTENT_TYPE';
  return 'BAD_REQUEST';
}

/** The body's `supplementary_purchase_data`, or a 4xx naming what is wrong (`validation_errors` for its fields). */
async function readSupplementaryData(context: RequestContext): Promise<Json | undefined> {
  const read = await readJsonBody(context);
  if ('refused' in read) {
    context.problem(read.refused.status, 'INPUT_ERROR', problemErrorCode(read.refused), read.refused.message);
    return undefined;
  }
  const data = read.body.supplementary_purchase_data;
  const errors: { parameter: string; reason: string }[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    errors.push({ parameter: 'supplementary_purchase_data', reason: 'is required and must be an object' });
  } else {
    const shipping = (data as Json).shipping;
    if (shipping !== undefined && !Array.isArray(shipping)) errors.push({ parameter: 'supplementary_purchase_data.shipping', reason: 'must be an array' });
    const lines = (data as Json).line_items;
    if (lines !== undefined && !Array.isArray(lines)) errors.push({ parameter: 'supplementary_purchase_data.line_items', reason: 'must be an array' });
    const lineItems: unknown[] = Array.isArray(lines) ? lines : [];
    lineItems.forEach((line, index) => errors.push(...lineItemErrors(line, index)));
  }
  if (!errors.length) return data as Json;
  context.problem(400, 'INPUT_ERROR', 'VALIDATION_ERROR', 'The request is invalid.', errors);
  return undefined;
}

function lineItemErrors(line: unknown, index: number): { parameter: string; reason: string }[] {
  const parameter = `supplementary_purchase_data.line_items[${index}]`;
  if (!isRecord(line)) return [{ parameter, reason: 'must be an object' }];
  return ['quantity', 'unit_price', 'total_amount', 'total_tax_amount']
    .filter((field) => line[field] !== undefined && !Number.isSafeInteger(line[field]))
    .map((field) => ({ parameter: `${parameter}.${field}`, reason: 'must be an integer' }));
}
