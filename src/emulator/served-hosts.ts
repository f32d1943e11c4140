/**
 * The host names the emulator answers to. A page on a name its owner points at 127.0.0.1 (DNS
 * rebinding) reaches the emulator with that name in its Host header and its own origin in Origin:
 * the two agree, so the page would pass the control API's origin check as the emulator's own page,
 * and answers on Klarna's paths would hold URLs on that name. A browser always names the host it
 * meant, and a name an attacker controls is never one of these:
 *
 * - the loopback names, `localhost`, `127.0.0.1` and `[::1]`, which no DNS answer can change;
 * - the address it listens on, and the name it was told to listen on;
 * - this machine's addresses, when it listens on all of them (`0.0.0.0`, `::`);
 * - the host of its `publicUrl`, the name its clients reach it by behind a proxy.
 *
 * The port is not compared: a port mapping (`docker run -p 18787:8787`) or a proxy changes it
 * legitimately, and a rebinding page is told apart by its name alone.
 */
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES: ReadonlySet<string> = new Set(['0.0.0.0', '::']);

export interface ServedHostsSource {
  /** Where the server is bound (`server.address()`); `null` before it listens. */
  address: AddressInfo | string | null;
  /** The host given to `listen()`, as given: a name there is a name the emulator serves. */
  listenHost: string | undefined;
  /** The config's `publicUrl`. */
  publicUrl: string | undefined;
  /** This machine's addresses; the default asks the operating system. */
  interfaceAddresses?: () => string[];
}

/** Whether a request's host name (a URL's `hostname`: lower case, IPv6 in brackets) is one the emulator serves. */
export function isServedHostname(hostname: string, source: ServedHostsSource): boolean {
  return servedHostnames(source).includes(hostname);
}

/** Every name the emulator serves, each as a URL's `hostname` spells it. */
export function servedHostnames(source: ServedHostsSource): string[] {
  const bound = typeof source.address === 'object' && source.address !== null ? source.address.address : undefined;
  const names = [...LOOPBACK_HOSTNAMES, bound, source.listenHost];
  if (bound !== undefined && WILDCARD_ADDRESSES.has(bound)) {
    names.push(...(source.interfaceAddresses ?? machineAddresses)());
  }
  if (source.publicUrl !== undefined) names.push(new URL(source.publicUrl).hostname);
  return names.flatMap((name) => {
    const hostname = name === undefined ? undefined : urlHostname(name);
    return hostname === undefined ? [] : [hostname];
  });
}

function machineAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((addresses) => (addresses ?? []).map((entry) => entry.address));
}

/** A name or an address as a URL's `hostname` spells it (`::1` becomes `[::1]`, `LOCALHOST` `localhost`). */
function urlHostname(name: string): string | undefined {
  const host = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}
