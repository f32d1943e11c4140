/**
 * The demo's event log: every `klarna-*` event any element fires (their names are read from
 * custom-elements.json, so a new event shows up without touching the demo), and the emulator's
 * live counts of OSM requests and impression beacons, followed over Server-Sent Events.
 */
import { css, html, LitElement } from 'lit';
import manifestText from '../custom-elements.json?raw';

interface LoggedEvent {
  id: number;
  time: string;
  name: string;
  source: string;
  detail: string;
}

interface Manifest {
  modules?: { declarations?: { events?: { name?: string }[] }[] }[];
}

export function klarnaEventNames(manifest: Manifest): string[] {
  const names = new Set<string>();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      for (const event of declaration.events ?? []) {
        if (event.name?.startsWith('klarna-')) names.add(event.name);
      }
    }
  }
  return [...names].sort();
}

const MAX_ENTRIES = 200;

export class DemoEventLog extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; color: #e8e6f0; }
    header { display: flex; gap: .75rem; align-items: center; padding: .75rem 1rem; border-bottom: 1px solid #2d2840; font-family: system-ui, sans-serif; }
    h2 { font-size: .95rem; margin: 0; flex: 1; }
    .counter { background: #2d2840; border-radius: 999px; padding: .15rem .6rem; white-space: nowrap; }
    .counter strong { color: #ffb3c7; }
    button { font: inherit; font-size: .8rem; background: none; color: inherit; border: 1px solid #4a4363; border-radius: 6px; padding: .2rem .6rem; cursor: pointer; }
    button:focus-visible { outline: 2px solid #ffb3c7; outline-offset: 2px; }
    ol { list-style: none; margin: 0; padding: 0; overflow: auto; flex: 1; }
    li { padding: .5rem 1rem; border-bottom: 1px solid #221e31; }
    .name { color: #ffb3c7; font-weight: 600; }
    .error .name { color: #ff8a80; }
    .meta { color: #9c96b3; }
    pre { margin: .25rem 0 0; white-space: pre-wrap; word-break: break-word; color: #c9c4dc; max-height: 8rem; overflow: auto; }
    .empty { padding: 1rem; color: #9c96b3; font-family: system-ui, sans-serif; }
  `;

  static override properties = {
    emulatorUrl: { attribute: 'emulator-url' },
    entries: { state: true },
    impressions: { state: true },
    osmRequests: { state: true },
    connected: { state: true },
  };

  emulatorUrl = '';
  private entries: LoggedEvent[] = [];
  private impressions = 0;
  private osmRequests = 0;
  private connected = false;
  private nextId = 1;
  private readonly eventNames = klarnaEventNames(JSON.parse(manifestText) as Manifest);
  private stream: EventSource | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    for (const name of this.eventNames) document.addEventListener(name, this.record, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of this.eventNames) document.removeEventListener(name, this.record, { capture: true });
    this.stream?.close();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('emulatorUrl')) this.follow();
  }

  override render() {
    return html`
      <header>
        <h2>Klarna events</h2>
        <span class="counter" title="OSM requests the emulator answered">requests <strong>${this.osmRequests}</strong></span>
        <span class="counter" title="Impression beacons the emulator recorded">impressions <strong>${this.impressions}</strong></span>
        <button @click=${this.clear}>Clear</button>
      </header>
      ${this.entries.length === 0
        ? html`<p class="empty">${this.eventNames.length
            ? `Listening for ${this.eventNames.join(', ')}.`
            : 'No klarna-* events are declared yet.'} ${this.connected ? '' : 'Connecting to the emulator…'}</p>`
        : html`<ol aria-live="polite">${this.entries.map((entry) => html`
            <li class=${entry.name.endsWith('-error') ? 'error' : ''}>
              <span class="name">${entry.name}</span> <span class="meta">${entry.time} · ${entry.source}</span>
              ${entry.detail ? html`<pre>${entry.detail}</pre>` : ''}
            </li>`)}</ol>`}
    `;
  }

  private readonly record = (event: Event): void => {
    const target = event.composedPath()[0] as Element | undefined;
    const detail = event instanceof CustomEvent && event.detail !== undefined && event.detail !== null ? JSON.stringify(event.detail, null, 2) : '';
    const entry: LoggedEvent = {
      id: this.nextId++,
      time: new Date().toLocaleTimeString(),
      name: event.type,
      source: target?.localName ?? 'document',
      detail: detail.length > 2000 ? `${detail.slice(0, 2000)}…` : detail,
    };
    this.entries = [entry, ...this.entries].slice(0, MAX_ENTRIES);
  };

  private readonly clear = (): void => {
    this.entries = [];
  };

  private follow(): void {
    this.stream?.close();
    this.connected = false;
    if (!this.emulatorUrl) return;
    // The stream opens with a snapshot of the counts, then sends every later event.
    this.stream = new EventSource(`${this.emulatorUrl}/__emulator/events`);
    this.stream.addEventListener('snapshot', (message) => {
      type Snapshot = { impressions: number; requestsByPath: Record<string, number> };
      const snapshot = JSON.parse((message as MessageEvent<string>).data) as Snapshot;
      this.impressions = snapshot.impressions;
      this.osmRequests = snapshot.requestsByPath['/messaging/v3'] ?? 0;
      this.connected = true;
    });
    this.stream.addEventListener('impression', () => { this.impressions += 1; });
    this.stream.addEventListener('request', (message) => {
      const record = JSON.parse((message as MessageEvent<string>).data) as { path: string };
      if (record.path === '/messaging/v3') this.osmRequests += 1;
    });
    this.stream.addEventListener('reset', () => { this.impressions = 0; this.osmRequests = 0; });
  }
}

customElements.define('demo-event-log', DemoEventLog);
