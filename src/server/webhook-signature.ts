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

/** Whether `signature` is the HMAC-SHA256 of `body` under one of `keys`. */
export async function isSignedBy(body: string, signature: string | null, keys: readonly string[]): Promise<boolean> {
  const mac = signature === null ? undefined : decodeMac(signature.trim());
  if (!mac) return false;
  const data = new TextEncoder().encode(body);
  let valid = false;
  // Every key tried, whichever matched: the time taken says nothing about which one did.
  for (const key of keys) {
    const cryptoKey = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    if (await crypto.subtle.verify('HMAC', cryptoKey, mac, data)) valid = true;
  }
  return valid;
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
