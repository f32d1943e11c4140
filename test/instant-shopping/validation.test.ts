import { expect, fixture, html } from '@open-wc/testing';
import { captureConsole, type CapturedConsole } from '../helpers/console.js';
import type { KlarnaInstantShoppingHost } from '../../src/instant-shopping/index.js';
import {
  HOST_EVENTS, installRecordingSdk, mountHost, orderLine, shippingOption, US_BUTTON, type RecordedCall, type RecordingSdk,
} from '../helpers/instant-shopping.js';
import { EventLog } from '../helpers/event-log.js';

describe('<klarna-instant-shopping-host> validation', () => {
  let sdk: RecordingSdk;
  let restore: () => void;
  let errors: CapturedConsole;
  beforeEach(() => {
    ({ sdk, restore } = installRecordingSdk());
    errors = captureConsole('error');
  });
  afterEach(() => {
    errors.restore();
    restore();
  });

  /** Mounts a host with the given changes to a valid setup and returns its invalid-config message. */
  async function invalid(attributes: Record<string, string | undefined>, properties: Partial<KlarnaInstantShoppingHost> = {}): Promise<string> {
    const { element, log } = await mountHost(attributes, properties);
    const error = await log.next('klarna-instant-shopping-error');
    expect(error.detail.code).to.equal('invalid-config');
    await element.updateComplete;
    expect(element.state).to.equal('error');
    expect(element.matches(':state(error)')).to.equal(true);
    expect(sdk.calls, 'no SDK call with invalid data').to.have.length(0);
    expect(errors.messages).to.deep.equal([`<klarna-instant-shopping-host>: ${error.detail.message}`]);
    return error.detail.message;
  }

  it('names a missing button key, country, currency and locale together', async () => {
    const message = await invalid({ 'button-key': undefined, 'purchase-country': undefined, 'purchase-currency': undefined, locale: undefined });
    expect(message).to.equal('button-key is required: the key your server created with Klarna\'s Button Keys API (POST /instantshopping/v1/buttons); '
      + 'purchase-country is required: a two-letter country code such as "SE"; purchase-currency is required: a three-letter currency code such as "SEK"; '
      + 'locale is required: a language and country such as "sv-SE".');
  });

  it('refuses a locale of another market than the purchase country', async () => {
    expect(await invalid({ locale: 'sv-SE' })).to.equal('locale "sv-SE" does not match purchase-country "US": use a locale of that market, such as "en-US".');
  });

  it('refuses order lines whose totals do not add up, and never corrects them', async () => {
    const message = await invalid({}, { orderLines: [orderLine({ quantity: 2, total_amount: 11900, total_tax_amount: 2380 })] });
    expect(message).to.equal('orderLines[0].total_amount 11900 does not add up: quantity × unit_price − total_discount_amount = 2 × 11900 − 0 = 23800 (totals are checked, never corrected).');
  });

  it('refuses tax that does not match the tax rate, but allows one minor unit of rounding', async () => {
    const message = await invalid({}, { orderLines: [orderLine({ total_tax_amount: 2000 })] });
    expect(message).to.equal('orderLines[0].total_tax_amount 2000 does not match tax_rate 2500 on total_amount 11900: expected 2380 (within one minor unit).');

    const { log } = await mountHost({}, { orderLines: [orderLine({ unit_price: 999, total_amount: 999, total_tax_amount: 201 })] });
    const [load] = await sdk.until(1);
    expect(load!.options.order_lines![0]!.total_tax_amount).to.equal(201);
    expect(log.named('klarna-instant-shopping-error')).to.have.length(0);
  });

  it('refuses amounts that are not whole minor units', async () => {
    expect(await invalid({}, { orderLines: [orderLine({ unit_price: 119.5 })] }))
      .to.contain('orderLines[0].unit_price 119.5 must be an integer (minor units: 11900 for 119.00)');
  });

  it('names shipping options, items, terms and other fields that Klarna would refuse', async () => {
    const message = await invalid({ environment: 'staging' }, {
      orderLines: [],
      items: [{ ...orderLine(), quantity: undefined, group_identifier: 'power_pack' } as never],
      shippingOptions: [shippingOption({ tax_amount: 0 })],
      merchantUrls: {},
      merchantData: 'x'.repeat(1025),
    });
    expect(message).to.contain('environment "staging" is not supported: use "production" or "playground"');
    expect(message).to.contain('merchantUrls.terms is required');
    expect(message).to.contain('items[0].group_identifier "power_pack" must not contain "_"');
    expect(message).to.contain('shippingOptions[0].tax_amount 0 does not match tax_rate 2500 on price 500: expected 100');
    expect(message).to.contain('merchantData must be a string of at most 1024 characters');
  });

  it('sends Klarna merchant URLs resolved against the page, as a link on the page would be', async () => {
    await mountHost({}, { merchantUrls: { terms: '/terms', confirmation: 'thanks?order=1' } });
    const [load] = await sdk.until(1);
    expect(load!.options.merchant_urls).to.deep.equal({ terms: new URL('/terms', document.baseURI).href, confirmation: new URL('thanks?order=1', document.baseURI).href });
  });

  it('refuses a merchant URL that is not http(s), relative or not', async () => {
    expect(await invalid({}, { merchantUrls: { terms: 'javascript:alert(1)' } })).to.equal('merchantUrls.terms "javascript:alert(1)" must be an http(s) URL, absolute or relative to the page.');
  });

  it('names a region, variation attributes, countries and checkboxes Klarna would refuse', async () => {
    const message = await invalid({ region: 'oc' }, {
      orderLines: undefined,
      items: [{ ...orderLine(), quantity: undefined, product_attributes: [{ identifier: 'shell_colour', identifier_label: 'Colour', value: 'black', value_label: 'Black' }] } as never],
      shippingCountries: ['Sweden'],
      additionalCheckboxes: [{ id: 'newsletter' } as never],
    });
    expect(message).to.equal('region "oc" is not supported: use "eu" or "na"; items[0].product_attributes[0].identifier "shell_colour" must not contain "_"; '
      + 'shippingCountries must be an array of two-letter country codes; additionalCheckboxes must be an array of { id, text }.');
  });

  it('rests once it has reported invalid data: no timer, no update while nothing changes', async () => {
    const { element, log } = await mountHost({ 'button-key': undefined });
    await log.next('klarna-instant-shopping-error');
    let requests = 0;
    const requestUpdate = element.requestUpdate.bind(element);
    element.requestUpdate = (...args: Parameters<typeof requestUpdate>) => {
      requests++;
      requestUpdate(...args);
    };
    // Before, the check a task later ran again after every report, and so updated the host in every task.
    for (let task = 0; task < 5; task++) await new Promise((resolve) => setTimeout(resolve));
    expect([requests, element.state, log.named('klarna-instant-shopping-error').length]).to.deep.equal([0, 'error', 1]);
  });

  it('recovers when the data is fixed: one load with the fixed data, and the error state cleared', async () => {
    const { element, log } = await mountHost({ 'purchase-currency': 'US Dollar' });
    await log.next('klarna-instant-shopping-error');
    element.purchaseCurrency = 'USD';
    const [load] = await sdk.until(1);
    expect(load!.method).to.equal('load');
    expect(load!.options.purchase_currency).to.equal('USD');
    load!.answer();
    await log.next('klarna-instant-shopping-ready');
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    expect(element.error).to.equal(undefined);
  });

  it('waits quietly in idle while it has been given nothing, as before a framework sets its properties', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('klarna-instant-shopping-host');
    const log = new EventLog(element, HOST_EVENTS);
    parent.append(element);
    await element.updateComplete;
    // A host given something wrong is loading here, on its way to invalid-config.
    expect([element.state, element.matches(':state(idle)')]).to.deep.equal(['idle', true]);
    element.purchaseCountry = 'US';
    const error = await log.next('klarna-instant-shopping-error');
    expect(error.detail.message).to.match(/^button-key is required/);
    element.purchaseCountry = undefined;
    await element.updateComplete;
    expect([element.state, element.error]).to.deep.equal(['idle', undefined]);
    for (const [name, value] of Object.entries(US_BUTTON)) element.setAttribute(name, value);
    Object.assign(element, { orderLines: [orderLine()], merchantUrls: { terms: '/terms' } });
    (await sdk.until(1))[0]!.answer();
    await log.next('klarna-instant-shopping-ready');
    expect(errors.messages).to.have.length(1);
  });

  it('reports nothing while a framework sets the required fields one task at a time', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('klarna-instant-shopping-host');
    const log = new EventLog(element, HOST_EVENTS);
    parent.append(element);
    await element.updateComplete;
    for (const [name, value] of Object.entries(US_BUTTON)) element.setAttribute(name, value);
    Object.assign(element, { orderLines: [orderLine()], merchantUrls: { terms: 'https://shop.example/terms' } });
    (await sdk.until(1))[0]!.answer();
    await log.next('klarna-instant-shopping-ready');
    expect(log.named('klarna-instant-shopping-error')).to.have.length(0);
  });

  it('waits with `defer-hydration` (properties still to come from a framework), then starts when it goes', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    // What a server rendered: the attributes, and the marker that properties follow at hydration.
    parent.innerHTML = `<klarna-instant-shopping-host defer-hydration ${Object.entries(US_BUTTON).map(([name, value]) => `${name}="${value}"`).join(' ')}></klarna-instant-shopping-host>`;
    const element = parent.firstElementChild as KlarnaInstantShoppingHost;
    const log = new EventLog(element, HOST_EVENTS);
    await element.updateComplete;
    // One task: when a host given too little reports it (see the test above).
    await new Promise((resolve) => setTimeout(resolve));
    // No order lines yet, and no complaint about them: the framework has not handed them over.
    expect([element.state, log.named('klarna-instant-shopping-error').length, sdk.calls.length]).to.deep.equal(['idle', 0, 0]);
    Object.assign(element, { orderLines: [orderLine()], merchantUrls: { terms: 'https://shop.example/terms' } });
    element.removeAttribute('defer-hydration');
    (await sdk.until(1))[0]!.answer({ show_button: true });
    await log.next('klarna-instant-shopping-ready');
    expect(log.named('klarna-instant-shopping-error')).to.have.length(0);
  });

  it('changes nothing in the markup it was given (no child, no attribute) until the button is first shown', async () => {
    const { element, log } = await mountHost({}, { orderLines: [] });
    await log.next('klarna-instant-shopping-error');
    expect(element.state).to.equal('error');
    expect(element.childElementCount).to.equal(0);
    expect(element.getAttributeNames().sort()).to.deep.equal(Object.keys(US_BUTTON).sort());
  });
});

describe('<klarna-instant-shopping-host> JSON child', () => {
  let sdk: RecordingSdk;
  let restore: () => void;
  beforeEach(() => ({ sdk, restore } = installRecordingSdk()));
  afterEach(() => restore());

  it('takes SDK fields from a <script type="application/json"> child, under the properties', async () => {
    const element = await fixture<KlarnaInstantShoppingHost>(html`
      <klarna-instant-shopping-host button-key="key-1" purchase-country="SE" purchase-currency="SEK" locale="sv-SE" .merchantReference1=${'from-property'}>
        <script type="application/json">
          { "order_lines": [{ "name": "Power Pack", "quantity": 1, "unit_price": 119000, "tax_rate": 2500,
              "total_amount": 119000, "total_tax_amount": 23800 }],
            "merchant_urls": { "terms": "https://shop.example/terms" }, "merchant_reference1": "from-json" }
        </script>
      </klarna-instant-shopping-host>`);
    const [load] = await sdk.until(1);
    expect(load!.options).to.deep.include({ purchase_country: 'SE', merchant_reference1: 'from-property', merchant_urls: { terms: 'https://shop.example/terms' } });
    expect(load!.options.setup).to.deep.equal({ instance_id: element.instanceId, key: 'key-1', environment: 'production', region: 'eu' });
    expect(load!.options.order_lines![0]!.name).to.equal('Power Pack');
    load!.answer();

    element.querySelector('script')!.textContent = JSON.stringify({ order_lines: [{ name: 'Power Pack', quantity: 2, unit_price: 119000, tax_rate: 2500, total_amount: 238000, total_tax_amount: 47600 }], merchant_urls: { terms: 'https://shop.example/terms' } });
    const [, update] = await sdk.until(2);
    expect(update!.options).to.deep.equal({ setup: { instance_id: element.instanceId }, order_lines: [{ name: 'Power Pack', quantity: 2, unit_price: 119000, tax_rate: 2500, total_amount: 238000, total_tax_amount: 47600 }] });
  });

  it('never forwards __proto__, constructor or prototype keys from the JSON child or options, and reads no inherited field', async () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.shipping_options = 'not an array';
    try {
      const element = await fixture<KlarnaInstantShoppingHost>(html`
        <klarna-instant-shopping-host button-key="key-1" purchase-country="SE" purchase-currency="SEK" locale="sv-SE"
            .options=${JSON.parse('{ "constructor": { "x": 1 }, "styling": { "theme": { "variation": "klarna" }, "__proto__": { "polluted": true } } }') as Record<string, unknown>}>
          <script type="application/json">
            { "__proto__": { "polluted": true }, "prototype": 1,
              "order_lines": [{ "name": "Power Pack", "quantity": 1, "unit_price": 119000, "tax_rate": 2500,
                "total_amount": 119000, "total_tax_amount": 23800, "__proto__": { "polluted": true } }],
              "merchant_urls": { "terms": "https://shop.example/terms" } }
          </script>
        </klarna-instant-shopping-host>`);
      const [load] = await sdk.until(1);
      const unsafe: string[] = [];
      const walk = (value: unknown, path: string): void => {
        if (typeof value !== 'object' || value === null) return;
        for (const key of Object.keys(value)) {
          if (['__proto__', 'constructor', 'prototype'].includes(key)) unsafe.push(`${path}.${key}`);
          walk((value as Record<string, unknown>)[key], `${path}.${key}`);
        }
      };
      walk(load!.options, 'options');
      expect(unsafe).to.deep.equal([]);
      expect(load!.options.order_lines![0]!.name).to.equal('Power Pack');
      expect(load!.options.styling).to.deep.equal({ theme: { variation: 'klarna' } });
      expect(element.state).to.equal('loading');
    } finally {
      delete prototype.shipping_options;
    }
  });

  it('reports a malformed JSON child as invalid-config and recovers when it is fixed', async () => {
    const errors = captureConsole('error');
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('klarna-instant-shopping-host');
    const log = new EventLog(element, HOST_EVENTS);
    for (const [name, value] of Object.entries(US_BUTTON)) element.setAttribute(name, value);
    const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: '{ "order_lines": [ ' });
    element.append(script);
    parent.append(element);
    const error = await log.next('klarna-instant-shopping-error');
    errors.restore();
    expect(error.detail.code).to.equal('invalid-config');
    expect(error.detail.message).to.match(/^the <script type="application\/json"> child is not valid JSON \(.+\); merchantUrls.terms is required/);
    expect(sdk.calls).to.have.length(0);

    script.textContent = JSON.stringify({ order_lines: [orderLine()], merchant_urls: { terms: 'https://shop.example/terms' } });
    const [load] = await sdk.until(1);
    expect(load!.method).to.equal('load');
    expect(load!.options.order_lines).to.deep.equal([orderLine()]);
  });
});

/** What escapes to the page while a test runs (a throw out of an update is an unhandled rejection), kept from failing the run. */
function watchEscapes(): { escaped: string[]; stop(): void } {
  const escaped: string[] = [];
  const onError = (event: ErrorEvent) => {
    escaped.push(event.message);
    event.preventDefault();
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    escaped.push(String(event.reason));
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    escaped,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Arrays nested `depth` deep, built without recursion. */
function nestedArrays(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

describe('<klarna-instant-shopping-host> with data that is not a product page\'s', () => {
  let sdk: RecordingSdk;
  let restore: () => void;
  let errors: CapturedConsole;
  let escapes: ReturnType<typeof watchEscapes>;
  beforeEach(() => {
    ({ sdk, restore } = installRecordingSdk());
    errors = captureConsole('error');
    escapes = watchEscapes();
  });
  afterEach(() => {
    escapes.stop();
    errors.restore();
    restore();
  });

  it('reports a JSON child nested 100,000 deep as invalid-config naming the field, throws nothing, and loads once it is fixed', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('klarna-instant-shopping-host');
    const log = new EventLog(element, HOST_EVENTS);
    for (const [name, value] of Object.entries(US_BUTTON)) element.setAttribute(name, value);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{ "order_lines": ${deep}, "merchant_urls": { "terms": "https://shop.example/terms" } }`;
    const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: text });
    element.append(script);
    parent.append(element);
    const error = await log.next('klarna-instant-shopping-error');
    await element.updateComplete;
    expect([error.detail.code, element.state]).to.deep.equal(['invalid-config', 'error']);
    expect(error.detail.message).to.equal('order_lines[0] in the <script type="application/json"> child nests deeper than 32 levels: '
      + 'Klarna\'s fields nest a few levels at most.');

    script.textContent = JSON.stringify({ order_lines: [orderLine()], merchant_urls: { terms: 'https://shop.example/terms' } });
    const [load] = await sdk.until(1);
    expect(load!.options.order_lines).to.deep.equal([orderLine()]);
    load!.answer();
    await log.next('klarna-instant-shopping-ready');
    await element.updateComplete;
    expect([element.state, element.error, escapes.escaped]).to.deep.equal(['ready', undefined, []]);
  });

  it('names properties too deep, containing themselves or holding what is not data, one after the other, and recovers', async () => {
    const { element, log } = await mountHost({}, { orderLines: nestedArrays(100_000) as never });
    const messages = async () => {
      const error = await log.next('klarna-instant-shopping-error');
      expect(error.detail.code).to.equal('invalid-config');
      return error.detail.message;
    };
    expect(await messages()).to.equal('orderLines[0] nests deeper than 32 levels: Klarna\'s fields nest a few levels at most.');

    const line: Record<string, unknown> = { ...orderLine() };
    line.product_identifiers = { brand: 'Klarna', line };
    element.orderLines = [line as never];
    expect(await messages()).to.equal('orderLines[0].product_identifiers.line contains itself (a cycle): give plain data.');

    element.orderLines = [orderLine()];
    element.options = { styling: { theme: { variation: 'klarna' } }, merchant_reference1: 10n };
    expect(await messages()).to.equal('options.merchant_reference1 is a bigint, not data: give strings, numbers, booleans, null, arrays and objects.');

    element.options = undefined;
    element.items = Object.defineProperty([], 0, { enumerable: true, get: () => { throw new Error('sold out'); } });
    expect(await messages()).to.equal('items could not be read (sold out).');

    element.items = undefined;
    const [load] = await sdk.until(1);
    expect(load!.options.order_lines).to.deep.equal([orderLine()]);
    expect(escapes.escaped).to.deep.equal([]);
  });

  it('reports an instance-id a script set to something other than text, and loads once it is text', async () => {
    const { element, log } = await mountHost({}, { instanceId: Object.create(null) as never });
    const error = await log.next('klarna-instant-shopping-error');
    expect(error.detail.message).to.equal('instance-id {} must be a string.');
    element.instanceId = 'page-named-7';
    const [load] = await sdk.until(1);
    expect(load!.options.setup.instance_id).to.equal('page-named-7');
    expect(element.querySelector('klarna-instant-shopping')?.getAttribute('data-instance-id')).to.equal('page-named-7');
    expect(escapes.escaped).to.deep.equal([]);
  });

  it('says what a property that is not even data is, without throwing: a revoked proxy as purchase-country', async () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const { element, log } = await mountHost({}, { purchaseCountry: proxy as never });
    const error = await log.next('klarna-instant-shopping-error');
    expect(error.detail.message).to.match(/^purchase-country could not be read \(.*revoked.*\)\.$/);
    element.purchaseCountry = 'US';
    await sdk.until(1);
    expect(escapes.escaped).to.deep.equal([]);
  });
});

describe('<klarna-instant-shopping-host> on a page whose scripts changed the built-in prototypes', () => {
  let sdk: RecordingSdk;
  let restore: () => void;
  beforeEach(() => ({ sdk, restore } = installRecordingSdk()));
  afterEach(() => restore());

  /**
   * `promise`, or a failure if it takes over a second: a polluted prototype must be cleaned up even
   * when what the test waits for never comes (the test runner's own messages go through JSON).
   */
  function within<T>(promise: Promise<T>, what: string): Promise<T> {
    const late = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`${what}: not within a second`)), 1000));
    return Promise.race([promise, late]);
  }

  /** Sets `name` on a built-in prototype (enumerable, as an old library's assignment) until `undo()`. */
  function pollute(prototype: object, name: string, value: unknown): { undo(): void } {
    const target = prototype as Record<string, unknown>;
    target[name] = value;
    return { undo: () => void delete target[name] };
  }

  it('hands the SDK arrays as arrays under Prototype.js 1.6\'s Array.prototype.toJSON, in the load and in an update', async () => {
    const prototypeJs = pollute(Array.prototype, 'toJSON', function (this: unknown[]) {
      return `[${this.map((item) => JSON.stringify(item)).join(', ')}]`;
    });
    let calls;
    try {
      const { element, log } = await mountHost({}, { shippingCountries: ['US', 'CA'] });
      (await within(sdk.until(1), 'the load'))[0]!.answer();
      await within(log.next('klarna-instant-shopping-ready'), 'the ready event');
      element.orderLines = [orderLine({ quantity: 2 })];
      calls = await within(sdk.until(2), 'the update');
    } finally {
      prototypeJs.undo();
    }
    const [load, update] = calls;
    expect([load!.options.order_lines, load!.options.shipping_countries]).to.deep.equal([[orderLine()], ['US', 'CA']]);
    expect(update!.options.order_lines).to.deep.equal([orderLine({ quantity: 2 })]);
  });

  it('hands the SDK exactly the data given under an Object.prototype.toJSON and enumerable Object.prototype fields, and sends what changed', async () => {
    const toJson = pollute(Object.prototype, 'toJSON', () => ({}));
    const field = pollute(Object.prototype, 'extra', { polluted: true });
    let calls;
    try {
      const { element, log } = await mountHost({}, { styling: { theme: { variation: 'dark' } } });
      (await within(sdk.until(1), 'the load'))[0]!.answer();
      await within(log.next('klarna-instant-shopping-ready'), 'the ready event');
      element.orderLines = [orderLine({ quantity: 3 })];
      calls = await within(sdk.until(2), 'the update');
    } finally {
      toJson.undo();
      field.undo();
    }
    const [load, update] = calls;
    const ownKeys = (value: unknown): unknown => {
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(Object.keys(value).map((key) => [key, ownKeys((value as Record<string, unknown>)[key])]));
    };
    expect(ownKeys(load!.options)).to.deep.equal(ownKeys({
      setup: load!.options.setup, purchase_country: 'US', purchase_currency: 'USD', locale: 'en-US',
      order_lines: [orderLine()], merchant_urls: { terms: 'https://shop.example/terms' }, styling: { theme: { variation: 'dark' } },
    }));
    expect(ownKeys(update!.options)).to.deep.equal(ownKeys({ setup: { instance_id: load!.options.setup.instance_id }, order_lines: [orderLine({ quantity: 3 })] }));
  });

  it('checks only the fields the page gave: an inherited terms or discount neither passes nor fails a check', async () => {
    const errors = captureConsole('error');
    const terms = pollute(Object.prototype, 'terms', 'https://elsewhere.example/terms');
    const discount = pollute(Object.prototype, 'total_discount_amount', 100);
    let message: string | undefined;
    let load: RecordedCall | undefined;
    try {
      const { total_discount_amount: _none, ...line } = orderLine();
      const { element, log } = await mountHost({}, { orderLines: [line], merchantUrls: {} });
      message = (await within(log.next('klarna-instant-shopping-error'), 'the error event')).detail.message;
      element.merchantUrls = { terms: 'https://shop.example/terms' };
      [load] = await within(sdk.until(1), 'the load');
    } finally {
      terms.undo();
      discount.undo();
      errors.restore();
    }
    expect(message).to.match(/^merchantUrls\.terms is required/);
    expect(load!.options.order_lines![0]).not.to.have.property('total_discount_amount');
  });

  it('reads Klarna\'s answers and events through their own fields: an inherited error or instanceId is none', async () => {
    const error = pollute(Object.prototype, 'error', 'inherited');
    const instanceId = pollute(Object.prototype, 'instanceId', 'someone-else');
    let seen;
    try {
      const { element, log } = await mountHost();
      (await within(sdk.until(1), 'the load'))[0]!.answer({ show_button: true });
      await within(log.next('klarna-instant-shopping-ready'), 'the ready event');
      await element.updateComplete;
      const clicked = sdk.handlers.find((entry) => entry.event === 'buy_button_clicked' && entry.instanceId === element.instanceId)!;
      clicked.handler({});
      seen = { state: element.state, error: element.error, clicks: log.named('klarna-instant-shopping-buy-button-clicked').length };
    } finally {
      error.undo();
      instanceId.undo();
    }
    expect(seen).to.deep.equal({ state: 'ready', error: undefined, clicks: 1 });
  });
});
