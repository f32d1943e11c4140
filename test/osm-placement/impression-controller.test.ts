/**
 * The impression controller driven by hand: a stand-in host the test updates itself, a condition
 * it switches (consent, visibility), and the emulator's impression endpoint as Klarna's.
 */
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import type { OsmImpressionEvent } from '../../src/osm-placement/events.js';
import { ImpressionController } from '../../src/osm-placement/impression-controller.js';
import '../helpers/controller-host.js';
import type { ControllerHost } from '../helpers/controller-host.js';
import { emulatorUrl } from '../helpers/emulator.js';
import { useImpressionFeed } from '../helpers/osm.js';

function impressionUrl(id: string): string {
  return `${emulatorUrl}/v1/osm-client-script/impression?${new URLSearchParams({ id, client_id: 'impression-controller-test' })}`;
}

async function setUp() {
  const host = await fixture<ControllerHost>(html`<controller-test-host></controller-test-host>`);
  let mayFire = false;
  const fired: string[] = [];
  host.addEventListener('klarna-osm-impression', (event) => fired.push(event.detail.url));
  const controller = new ImpressionController(host, () => mayFire);
  return { host, controller, fired, allow: () => (mayFire = true) };
}

describe('ImpressionController', () => {
  const feed = useImpressionFeed();

  it('fires a rendering\'s beacon once, when it may count, and the event once it left the page', async () => {
    const { host, controller, fired, allow } = await setUp();
    const id = crypto.randomUUID();
    controller.rendered(impressionUrl(id));
    host.updated();
    await nextFrame();
    expect(fired).to.deep.equal([]);
    allow();
    const event = oneEvent(host, 'klarna-osm-impression');
    host.updated();
    expect(((await event) as OsmImpressionEvent).detail.url).to.equal(impressionUrl(id));
    host.updated();
    // A later rendering's beacon lands after anything the first one could still have sent.
    const next = crypto.randomUUID();
    const nextEvent = oneEvent(host, 'klarna-osm-impression');
    controller.rendered(impressionUrl(next));
    await nextEvent;
    const received = await feed().until(2);
    expect(received.map((record) => record.responseId)).to.deep.equal([id, next]);
    expect(fired).to.deep.equal([impressionUrl(id), impressionUrl(next)]);
  });

  it('fires only the rendering on screen: a newer one replaces a beacon not yet due, and nothing replaces none', async () => {
    const { host, controller, fired, allow } = await setUp();
    const [first, second] = [crypto.randomUUID(), crypto.randomUUID()];
    controller.rendered(impressionUrl(first));
    controller.rendered(impressionUrl(second));
    controller.rendered(undefined);
    allow();
    host.updated();
    controller.rendered(impressionUrl(second));
    await oneEvent(host, 'klarna-osm-impression');
    expect(fired).to.deep.equal([impressionUrl(second)]);
    expect((await feed().until(1)).map((record) => record.responseId)).to.deep.equal([second]);
  });

  it('waits while its host is out of the page, and fires once it is back', async () => {
    const { host, controller, fired, allow } = await setUp();
    const parent = host.parentElement!;
    host.remove();
    allow();
    controller.rendered(impressionUrl(crypto.randomUUID()));
    host.updated();
    expect(fired).to.deep.equal([]);
    parent.append(host);
    const event = oneEvent(host, 'klarna-osm-impression');
    host.updated();
    await event;
    expect(fired).to.have.length(1);
  });
});
