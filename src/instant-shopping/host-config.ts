/**
 * What a `<klarna-instant-shopping-host>` was given, read again at each of its updates: its
 * attributes and properties, its `<script type="application/json">` child and the page's settings
 * (`<klarna-config>`, `configure()`), resolved into the SDK's options or what is wrong with them.
 * It holds the two controllers that watch the page's settings and the JSON child; each asks the
 * host to update when what it watches changes.
 */
import type { ReactiveControllerHost } from 'lit';
import { instantShoppingSdkUrl } from '../core/endpoints.js';
import type { TrustedScriptUrl } from '../core/script.js';
import { isHeld, PageConfigController } from '../internal/page-config.js';
import { JsonChildController } from '../internal/json-child.js';
import { sdkUrlBelow } from './sdk-loader.js';
import { hostInputs, isConfigured, resolveOptions, type HostProperties, type ResolvedOptions } from './sdk-options.js';

export interface HostConfig {
  /** Whether it was given anything yet: until then it waits quietly, reporting nothing. */
  configured: boolean;
  /** The page holds every request to Klarna (`consent: 'pending'`): no script is loaded for it. */
  held: boolean;
  /** `sdk-url`, else the SDK's path below the page's `api-url`, else Klarna's. */
  sdkUrl: string | TrustedScriptUrl;
  /** The SDK's options, or what is wrong with the data. */
  resolved: ResolvedOptions;
}

/** The element a configuration belongs to: its properties make the SDK's options. */
export type ConfigHost = ReactiveControllerHost & HTMLElement & HostProperties & {
  sdkUrl?: string | TrustedScriptUrl | undefined;
};

export class HostConfigController {
  /** The element, whose attributes and properties are read. */
  readonly #host: ConfigHost;
  /** `locale`, `environment`, `api-url` (for the SDK's URL) and `consent` from `<klarna-config>` or `configure()`. */
  readonly #page: PageConfigController;
  /** The SDK fields of a `<script type="application/json">` child. */
  readonly #json: JsonChildController;
  /** What the host was given, as of its last update. */
  value: HostConfig = {
    configured: false,
    held: false,
    sdkUrl: instantShoppingSdkUrl(),
    resolved: { ok: false, message: '' },
  };

  constructor(host: ConfigHost) {
    this.#host = host;
    this.#page = new PageConfigController(host);
    this.#json = new JsonChildController(host, 'Instant Shopping SDK fields');
  }

  /** Reads everything again, into `value`: the host calls it at the start of each update. */
  read(): HostConfig {
    const host = this.#host;
    const page = this.#page.value;
    const sdkUrl = host.sdkUrl || sdkUrlBelow(page.apiUrl);
    this.value = {
      configured: isConfigured(host, page, this.#json),
      held: isHeld(page),
      sdkUrl,
      resolved: resolveOptions(hostInputs(host, page, this.#json, sdkUrl)),
    };
    return this.value;
  }
}
