/** The shop's Instant Shopping button key, from its backend (which created it with Klarna), or undefined if it is down. */
export function fetchButtonKey(): Promise<string | undefined> {
  return fetch('/api/button-key')
    .then(async (response) => (response.ok ? ((await response.json()) as { buttonKey: string }).buttonKey : undefined))
    .catch(() => undefined);
}
