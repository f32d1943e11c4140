/**
 * The demo's live API docs page (demo/api-docs.ts): api-viewer reads custom-elements.json, so every
 * attribute, property, event, part and custom property of each element must be on the page, and
 * the playground's example must work against the emulator and follow its knobs.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { mountApiDocs } from '../../demo/api-docs.js';
import { configure } from '../../src/index.js';
import { freshClient } from '../helpers/emulator-clients.js';
import { emulatorUrl } from '../helpers/emulator.js';
import type { KlarnaOsmPlacement, OsmRenderEvent } from '../../src/index.js';

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  members?: { kind: string; name: string; privacy?: string; static?: boolean }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

/** Every text in a tree, shadow roots included, as one string (lit splits "<${name}>" into three text nodes). */
function deepText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return text;
}

/** The first element matching `selector` anywhere below `root`: its light DOM, then each shadow root in turn. */
function deepQuery<E extends Element>(root: Element, selector: string): E | null {
  const scopes: ParentNode[] = [root, ...(root.shadowRoot ? [root.shadowRoot] : [])];
  for (const scope of scopes) {
    const hit = scope.querySelector<E>(selector);
    if (hit) return hit;
    for (const element of scope.querySelectorAll('*')) if (element.shadowRoot) scopes.push(element.shadowRoot);
  }
  return null;
}

describe('the demo\'s API docs page', () => {
  let container: HTMLElement;
  let manifest: { modules: { declarations?: Declaration[] }[] };

  before(async () => {
    manifest = (await (await fetch('/custom-elements.json')).json()) as typeof manifest;
  });
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    container.remove();
    configure({ clientId: undefined, sdkClientId: undefined, apiUrl: undefined, locale: undefined, environment: undefined });
  });

  it('lists every attribute, public property, event, CSS part and custom property of each element', async () => {
    const viewer = mountApiDocs(container, { manifest, emulatorUrl, clientId: await freshClient(), buttonKey: undefined });
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
    expect(declarations.map((declaration) => declaration.tagName).sort()).to.deep.equal(['klarna-config', 'klarna-express-checkout', 'klarna-instant-shopping-host', 'klarna-osm-placement']);
    for (const declaration of declarations) {
      viewer.selected = declaration.tagName!;
      await waitUntil(() => deepText(viewer).includes(`<${declaration.tagName}>`), `the docs show <${declaration.tagName}>`);
      const names = [
        ...(declaration.attributes ?? []).map((attribute) => attribute.name),
        ...(declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.privacy && !member.name.startsWith('#')).map((member) => member.name),
        ...(declaration.events ?? []).map((event) => event.name),
        ...(declaration.cssParts ?? []).map((part) => part.name),
        ...(declaration.cssProperties ?? []).map((property) => property.name),
      ];
      // api-viewer shows one tab at a time, every tab's content in its shadow DOM, and renders the
      // docs of the element just chosen after its heading: a long list takes a few frames more.
      const missing = () => {
        const text = deepText(viewer);
        return names.filter((name) => !text.includes(name));
      };
      await waitUntil(() => missing().length === 0).catch(() => undefined);
      expect(missing(), `missing from <${declaration.tagName}>'s docs`).to.deep.equal([]);
    }
  });

  it('runs <klarna-osm-placement>\'s example against the emulator, and its knobs change the live element', async () => {
    const viewer = mountApiDocs(container, { manifest, emulatorUrl, clientId: await freshClient(), buttonKey: undefined });
    viewer.section = 'demo';
    await waitUntil(() => deepQuery<KlarnaOsmPlacement>(viewer, 'klarna-osm-placement')?.state === 'rendered', 'the example renders a message');
    const placement = deepQuery<KlarnaOsmPlacement>(viewer, 'klarna-osm-placement')!;
    expect(placement.shadowRoot!.querySelector('[part="text-main"]')!.textContent).to.match(/\$47\.25/);

    const knob = deepQuery<HTMLInputElement>(viewer, 'input[data-name="purchaseAmount"]')!;
    const rerendered = new Promise<OsmRenderEvent>((resolve) => placement.addEventListener('klarna-osm-render', resolve, { once: true }));
    knob.value = '40000';
    knob.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    expect((await rerendered).detail.purchaseAmount).to.equal(40000);
    expect(placement.shadowRoot!.querySelector('[part="text-main"]')!.textContent).to.match(/\$100(\.00)?\b/);
  });
});
