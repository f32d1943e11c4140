/**
 * Whether a webhook delivery was signed with one of the merchant's signing keys.
 *
 * What Klarna documents (its webhooks guide for Klarna Network partners): each notification is
 * signed with HMAC-SHA256 over the raw JSON body, using a signing key the merchant created; the
 * signature comes in the `Klarna-Signature` header and the key's id in `Klarna-Signing-Key-Id`.
 * What it does not say, and is chosen here: the signature's text encoding. Lower- or upper-case hex
 * and base64 (standard or URL-safe) are all taken, since each carries the whole 32-byte MAC and a
 * forger gains nothing from the choice. The key id is not needed: every key given is tried, so a
 * rotation is a second key in the list.
 *
 * Only the web APIs every runtime has (Web Crypto's `crypto.subtle`), so it runs on Edge runtimes
 * too; `crypto.subtle.verify` compares in constant time.
 */

export const SIGNATURE_HEADER = 'klarna-signature';

const MAC_BYTES = 32;

/**
 * Why `signature` is not the HMAC-SHA256 of `body` (its raw bytes) under one of `keys` (each used as
 * its UTF-8 bytes, as the merchant copied it), or `undefined` when it is.
 */
export async function signatureProblem(
  body: Uint8Array<ArrayBuffer>,
  signature: string | null,
  keys: readonly string[],
): Promise<string | undefined> {
  if (signature === null) return 'no Klarna-Signature header';
  const mac = decodeMac(signature.trim());
  if (!mac) return 'the Klarna-Signature header is not the hex or base64 of a 32-byte MAC';
  let valid = false;
  // Every key tried, whichever matched: the time taken says nothing about which one did.
  for (const key of keys) {
    const cryptoKey = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    if (await crypto.subtle.verify('HMAC', cryptoKey, mac, body)) valid = true;
  }
  if (valid) return undefined;
  const given = keys.length === 1 ? 'the signing key given' : `any of the ${keys.length} signing keys given`;
  return `the Klarna-Signature does not match ${given}: check signingKeys, and that nothing changed the body before this handler`;
}

/** The signature as the 32 bytes of a MAC, from hex or base64; `undefined` for anything else. */
function decodeMac(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (/^[0-9a-f]{64}$/i.test(text)) return Uint8Array.from(text.match(/../g)!, (pair) => parseInt(pair, 16));
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').replace(/=?$/, '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return bytes.length === MAC_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  }
}
