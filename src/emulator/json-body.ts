/**
 * Reading a request's JSON body, the one way every route does: at most {@link MAX_BODY_BYTES}, in a
 * JSON content type, a JSON object, with no key that reaches a prototype, and with objects that
 * have no prototype either (see `own-data.ts`). What fails is a refusal with a 4xx status, which
 * each route words in its API's error body: a client's mistake is answered, never thrown, so it
 * neither becomes a 500 nor prints a stack trace.
 */
import type { RequestContext } from './context.js';
import { parseOwnJson, unsafeKeyPaths } from './own-data.js';

/** The largest body the emulator reads; Klarna's APIs take far smaller ones. */
export const MAX_BODY_BYTES = 1_000_000;

export type JsonObject = Record<string, unknown>;

export interface BodyRefusal {
  status: 400 | 413 | 415;
  reason: 'too-large' | 'unsupported-type' | 'unreadable' | 'not-json' | 'not-object' | 'unusable-key';
  message: string;
}

export interface JsonBodyOptions {
  /** An empty body reads as `{}`, for a request whose body is optional (a deny). */
  optional?: boolean;
  /**
   * Also take `text/plain` and no content type, which `fetch` and curl send for a string: for the
   * emulator's own routes. Klarna's routes take a JSON type only, as Klarna does, so that a
   * library that forgets `content-type: application/json` fails against the emulator too.
   */
  plainTextToo?: boolean;
  /** Where paths in messages start, e.g. `config`; default `body`. */
  name?: string;
}

/** `application/json`, or a vendor type such as `application/vnd.klarna+json`, with any parameters. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const PLAIN_TEXT_TYPE = /^text\/plain\s*(?:;|$)/i;

/** The body as a JSON object, or why it is refused. */
export async function readJsonBody(
  context: RequestContext,
  options: JsonBodyOptions = {},
): Promise<{ body: JsonObject } | { refused: BodyRefusal }> {
  // Read, to its end, before anything is refused: a client still sending would miss the answer.
  const text = await readText(context);
  if (typeof text !== 'string') return { refused: text };
  if (!text.trim() && options.optional) return { body: Object.create(null) as JsonObject };
  const typeProblem = contentTypeProblem(context.header('content-type'), options.plainTextToo ?? false);
  if (typeProblem) return { refused: { status: 415, reason: 'unsupported-type', message: typeProblem } };
  return parseObject(text, options.name ?? 'body');
}

/** The body as text, or a refusal once it passes {@link MAX_BODY_BYTES} or the client goes away. */
async function readText(context: RequestContext): Promise<string | BodyRefusal> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of context.request) {
      size += (chunk as Buffer).length;
      // Past the limit the rest is read and dropped: memory stays bounded and the client, once
      // it has sent everything, reads the 413 (a connection closed on it would lose the answer).
      if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
    }
  } catch {
    // The client went away mid-body: there is no one left to answer, and nothing to print.
    return { status: 400, reason: 'unreadable', message: 'The request body could not be read to its end.' };
  }
  if (size > MAX_BODY_BYTES) {
    return { status: 413, reason: 'too-large', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` };
  }
  return Buffer.concat(chunks).toString('utf8');
}

function contentTypeProblem(contentType: string | undefined, plainTextToo: boolean): string | undefined {
  if (contentType !== undefined && JSON_TYPE.test(contentType)) return undefined;
  const plain = contentType === undefined || PLAIN_TEXT_TYPE.test(contentType);
  if (plainTextToo && plain) return undefined;
  const given = contentType === undefined ? 'no content-type' : `content-type ${contentType}`;
  return `The request body must be JSON, sent with content-type: application/json (it came with ${given}).`;
}

function parseObject(text: string, name: string): { body: JsonObject } | { refused: BodyRefusal } {
  let value: unknown;
  try {
    value = parseOwnJson(text);
  } catch {
    return { refused: { status: 400, reason: 'not-json', message: 'The request body is not valid JSON.' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { refused: { status: 400, reason: 'not-object', message: 'The request body must be a JSON object.' } };
  }
  const unsafe = unsafeKeyPaths(value, name);
  if (unsafe.length) {
    const message = `${unsafe.map((path) => `${path} is not a usable key`).join('; ')}.`;
    return { refused: { status: 400, reason: 'unusable-key', message } };
  }
  return { body: value as JsonObject };
}

/** The error code of Klarna's REST body (`{ error_code, error_messages }`) for a refusal. */
export function restErrorCode(refusal: BodyRefusal): string {
  if (refusal.status === 413) return 'PAYLOAD_TOO_LARGE';
  if (refusal.status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return 'BAD_VALUE';
}
