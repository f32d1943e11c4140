/**
 * Reading the body of a request Klarna posts to the merchant (the `place_order` callback, a
 * webhook) with a standard `Request`: a JSON content type, at most a given number of bytes (reading
 * stops there), and a stream that fails told apart from a failure of this library. What is wrong
 * is a {@link BodyRefusal} with the status to answer, never a throw.
 */
import { ownValue } from './own.js';

/** Why a request is refused: the status, the answer's `error`, and for the merchant's log a `detail`. */
export interface BodyRefusal {
  status: number;
  refused: string;
  detail?: string | undefined;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The body as text, or why it is refused: 415 for a type that is not JSON, 413 past `maxBytes`
 * (by its `content-length`, or once that many bytes were read), 400 when its stream failed.
 * Anything else that fails is thrown as it is: it is this library's failure, not the caller's.
 */
export async function readJsonText(request: Request, maxBytes: number): Promise<ReadBody | BodyRefusal> {
  const type = request.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(type)) return { status: 415, refused: 'the body must be JSON (content-type: application/json)' };
  if (Number(request.headers.get('content-length')) > maxBytes) return tooLarge(maxBytes);
  let body: ReadBody | undefined;
  try {
    body = await readBody(request, maxBytes);
  } catch (error) {
    // Only the stream's own failure is the caller's (it went away, the connection broke); any other is ours.
    if (!(error instanceof UnreadableBody)) throw error;
    // Read, not checked with `instanceof Error`: the stream of an Edge sandbox fails with another realm's Error.
    const message = ownValue(error.cause, 'message');
    const detail = typeof message === 'string' ? message : undefined;
    return { status: 400, refused: 'the body could not be read', detail };
  }
  return body ?? tooLarge(maxBytes);
}

function tooLarge(maxBytes: number): BodyRefusal {
  return { status: 413, refused: `the body is larger than ${maxBytes} bytes` };
}

/** The request's body stream failed: the caller went away, or the connection broke. */
class UnreadableBody extends Error {}

/**
 * A body as it came (its bytes, which a signature covers: decoding drops a byte-order mark and
 * replaces invalid sequences) and as text.
 */
export interface ReadBody {
  bytes: Uint8Array<ArrayBuffer>;
  text: string;
}

/**
 * The body, or `undefined` once it passes `maxBytes` (reading stops there). A failure of the stream
 * is thrown as {@link UnreadableBody}; anything else is thrown as it is.
 */
async function readBody(request: Request, maxBytes: number): Promise<ReadBody | undefined> {
  if (!request.body) return { bytes: new Uint8Array(0), text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await nextChunk(reader); !read.done; read = await nextChunk(reader)) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, text: new TextDecoder().decode(bytes) };
}

/** The stream's next chunk; its failure is the stream's, told apart as {@link UnreadableBody}. */
async function nextChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (error) {
    throw new UnreadableBody('the body could not be read', { cause: error });
  }
}
