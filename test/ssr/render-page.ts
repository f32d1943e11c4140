/**
 * A server-rendered product snippet, as a merchant's Node server would make it: the message from
 * `OsmClient` (klarna-elements/server), the placement rendered with @lit-labs/ssr into declarative
 * shadow DOM, and the server's answer handed to the element in its `prefetched` attribute, so the
 * browser shows the message before any script runs and hydrates without asking Klarna again.
 * Used by the Node SSR test and, through web-test-runner.config.js, by the hydration test.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { type OsmClient, type OsmMessageResult } from '../../src/server/index.js';
// Defines the elements in lit's Node build (no DOM): this import is itself part of what is tested.
import '../../src/index.js';

export interface ServerRenderedPlacement {
  html: string;
  message: OsmMessageResult;
}

export async function renderPlacement({ osm, apiUrl, clientId, purchaseAmount }: { osm: OsmClient; apiUrl: string; clientId: string; purchaseAmount: number }): Promise<ServerRenderedPlacement> {
  const message = await osm.getMessage({ clientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount });
  // The attributes the browser's request is built from must be on the tag: a <klarna-config>'s
  // context reaches elements in the browser only.
  const template = html`<klarna-osm-placement client-id=${clientId} api-url=${apiUrl} locale="en-US" placement-key="credit-promotion-badge"
    purchase-amount=${purchaseAmount} impression="render" prefetched=${JSON.stringify(message)}></klarna-osm-placement>`;
  return { html: await collectResult(render(template)), message };
}
