import { expect } from '@open-wc/testing';
import { captureConsole, type CapturedConsole } from '../helpers/console.js';
import { emulatorUrl } from '../helpers/emulator.js';
import { freshClient, mountPlacement, useImpressionFeed } from '../helpers/osm.js';

/**
 * A page whose Content-Security-Policy lets the placement ask the emulator for messages but blocks
 * the beacons it would fire there (`connect-src`: a beacon is a GET). The same emulator reached as
 * `localhost` (its answers then carry localhost impression URLs) is allowed, for the placements
 * whose beacons must leave. The policy is added for this file's page alone.
 */
const allowedApi = emulatorUrl.replace('127.0.0.1', 'localhost');

function violation(directive: string): Promise<SecurityPolicyViolationEvent> {
  return new Promise((resolve) => {
    const listen = (event: SecurityPolicyViolationEvent) => {
      if (event.effectiveDirective !== directive || !event.blockedURI.includes('/impression')) return;
      document.removeEventListener('securitypolicyviolation', listen);
      resolve(event);
    };
    document.addEventListener('securitypolicyviolation', listen);
  });
}

describe('<klarna-osm-placement> on a page whose CSP blocks the impression beacon', () => {
  const feed = useImpressionFeed();
  let warnings: CapturedConsole;
  before(() => {
    const policy = `img-src 'self' data: ${allowedApi}; connect-src 'self' ${emulatorUrl}/messaging/ ${emulatorUrl}/__emulator/ ${allowedApi}`;
    document.head.append(Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: policy }));
  });
  beforeEach(() => { warnings = captureConsole('warn'); });
  afterEach(() => warnings.restore());

  it('emits no impression for a blocked beacon, and warns with the directive to allow', async () => {
    const clientId = await freshClient();
    const blocked = violation('connect-src');
    const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    const { detail: { impressionUrl } } = await log.next('klarna-osm-render');
    expect((await blocked).blockedURI).to.equal(impressionUrl);
    // A beacon that may leave, fired after the blocked one was settled: once it lands, the other's turn has passed.
    const control = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 20000, 'api-url': allowedApi });
    await control.log.next('klarna-osm-impression');
    expect((await feed().until(1)).map((record) => record.purchaseAmount)).to.deep.equal([20000]);
    expect(log.named('klarna-osm-impression')).to.have.length(0);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('Content-Security-Policy').and.to.contain('connect-src').and.to.contain(impressionUrl);
  });

  it('emits none for a repeat of the same beacon either (two placements showing one answer)', async () => {
    const clientId = await freshClient();
    const first = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await first.log.next('klarna-osm-render');
    // The same message again shares the impression URL: its beacon is a GET.
    const blocked = violation('connect-src');
    const repeat = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await repeat.log.next('klarna-osm-render');
    await blocked;
    const control = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 30000, 'api-url': allowedApi });
    await control.log.next('klarna-osm-impression');
    expect(await feed().until(1)).to.have.length(1);
    expect([...first.log.named('klarna-osm-impression'), ...repeat.log.named('klarna-osm-impression')]).to.have.length(0);
    expect(warnings.messages.join('\n')).to.contain('connect-src');
  });

  it('still emits one for a beacon the policy allows', async () => {
    const clientId = await freshClient();
    const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 40000, 'api-url': allowedApi });
    const { detail } = await log.next('klarna-osm-impression');
    expect(detail.url).to.contain(allowedApi);
    expect(await feed().until(1)).to.have.length(1);
    expect(warnings.messages).to.deep.equal([]);
  });
});
