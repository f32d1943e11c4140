/**
 * Credential checks for the emulator's APIs. A dev server is often left running on a shared
 * network, so a password or key is compared the way a real service compares it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether two secrets are equal, in time that shows neither where they differ nor their lengths (both are hashed first). */
export function sameSecret(expected: string, given: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
