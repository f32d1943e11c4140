/**
 * The emulated Instant Shopping SDK that the emulator serves as `lib.js`. It has the surface of
 * Klarna's (`load`, `update`, `on`, then `window.klarnaAsyncCallback()`), checks options the way
 * the real one is documented to, renders a recognisable button into the page's
 * `<klarna-instant-shopping data-instance-id>` container, and on click runs a purchase dialog that
 * fires the SDK's events in the real order. On "Buy" it asks the emulator to authorize the
 * purchase, which posts the `place_order` callback to the merchant when the button key has one.
 *
 * `installEmulatedSdk` runs in the browser, not in Node: the emulator sends its source text, so it
 * must use nothing from outside its own body.
 */

export interface EmulatedSdkSettings {
  /** The emulator's origin, for the purchase request. */
  baseUrl: string;
  /** Countries where the emulated Klarna offers the button. */
  markets: string[];
}

/** The path the emulated dialog posts a purchase to. Klarna's own SDK uses private endpoints; this one is the emulator's. */
export const EMULATED_PURCHASE_PATH = '/instantshopping/emulator/v1/purchases';

/** The script the emulator serves at `/instantshopping/lib/v1/lib.js`. */
export function emulatedSdkSource(settings: EmulatedSdkSettings): string {
  // Under tsx, esbuild may wrap named functions in `__name(…)`; the browser has no such helper.
  return `/* klarna-elements emulator: Instant Shopping SDK stand-in, not Klarna's code */
(() => { const __name = (target) => target; (${installEmulatedSdk.toString()})(window, ${JSON.stringify({ ...settings, purchasePath: EMULATED_PURCHASE_PATH })}); })();
`;
}

type Json = Record<string, any>;
type Callback = ((response: Json) => void) | undefined;

export function installEmulatedSdk(win: Pick<Window, 'document' | 'location'>, settings: EmulatedSdkSettings & { purchasePath: string }): void {
  const doc = win.document;
  const instances = new Map<string, { options: Json }>();
  const handlers: { event: string; handler: (data: Json) => void; instanceId?: string }[] = [];
  const LOG = '[Klarna Instant Shopping, emulated]';
  const EVENTS = ['buy_button_clicked', 'session_initiated', 'identification_updated', 'shipping_updated', 'confirmation_displayed'];
  const LABELS: Json = { buy: 'Buy with Klarna', express: 'Express checkout', pay: 'Pay with Klarna', donation: 'Donate with Klarna' };
  const THEMES: Json = { klarna: ['#ffb3c7', '#0b051d', '#ffb3c7'], dark: ['#0b051d', '#ffffff', '#0b051d'], light: ['#ffffff', '#0b051d', '#0b051d'] };
  const PERSONAS: Json = {
    SE: { street_address: 'Sveavägen 46', postal_code: '11134', city: 'Stockholm', phone: '+46700020020' },
    US: { street_address: '8478 Hillside Street', postal_code: '60102', city: 'Algonquin', region: 'IL', phone: '630-342-7187' },
    GB: { street_address: '10 Downing Street', postal_code: 'SW1A 2AA', city: 'London', phone: '+447700900000' },
    DE: { street_address: 'Theresienhöhe 12', postal_code: '80339', city: 'München', phone: '+4915112345678' },
  };
  const clone = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  const isInt = (value: unknown) => Number.isSafeInteger(value);

  // ── options ─────────────────────────────────────────────────────────────────────────────────
  function problemsOf(options: Json): string[] {
    const problems: string[] = [];
    const need = (ok: boolean, message: string) => ok || problems.push(message);
    const setup = options.setup ?? {};
    need(typeof setup.key === 'string' && setup.key.length > 0, 'setup.key is required');
    need(['production', 'playground'].includes(setup.environment ?? 'production'), 'setup.environment must be production or playground');
    need(['eu', 'na'].includes(setup.region ?? 'eu'), 'setup.region must be eu or na');
    need(/^[A-Z]{2}$/i.test(options.purchase_country ?? ''), 'purchase_country is required');
    need(/^[A-Z]{3}$/i.test(options.purchase_currency ?? ''), 'purchase_currency is required');
    const localeCountry = /^[a-z]{2,3}-([a-z]{2})$/i.exec(options.locale ?? '')?.[1];
    need(!!localeCountry && localeCountry.toUpperCase() === String(options.purchase_country).toUpperCase(), 'locale must be a locale of purchase_country');
    need(typeof options.merchant_urls?.terms === 'string', 'merchant_urls.terms is required');
    const lines: Json[] = options.order_lines?.length ? options.order_lines : options.items ?? [];
    need(Array.isArray(lines) && lines.length > 0, 'order_lines or items is required');
    for (const [index, line] of (Array.isArray(lines) ? lines : []).entries()) {
      const quantity = options.order_lines?.length ? line.quantity : 1;
      const amounts = ['unit_price', 'tax_rate', 'total_amount', 'total_tax_amount'].every((field) => isInt(line[field])) && isInt(quantity);
      need(amounts, `line ${index}: amounts must be integers`);
      need(!amounts || line.total_amount === quantity * line.unit_price - (line.total_discount_amount ?? 0), `line ${index}: total_amount does not add up`);
    }
    for (const [index, option] of (options.shipping_options ?? []).entries()) {
      need(typeof option.id === 'string' && isInt(option.price) && isInt(option.tax_amount), `shipping_options ${index}: id, price and tax_amount are required`);
    }
    return problems;
  }

  /** The lines a purchase contains: order lines, or the first item (the dialog lets the consumer pick another). */
  function linesOf(options: Json, itemIndex = 0): Json[] {
    if (options.order_lines?.length) return options.order_lines;
    const item = options.items?.[itemIndex] ?? options.items?.[0];
    return item ? [{ ...item, quantity: 1 }] : [];
  }

  const sum = (lines: Json[], field: string) => lines.reduce((total, line) => total + (line[field] ?? 0), 0);

  function offered(options: Json): boolean {
    return settings.markets.includes(String(options.purchase_country).toUpperCase()) && sum(linesOf(options), 'total_amount') > 0;
  }

  function answer(callback: Callback, response: Json): void {
    // The real SDK answers after talking to Klarna; never synchronously.
    setTimeout(() => callback?.(response), 0);
  }

  function refuse(callback: Callback, messages: string[]): void {
    console.warn(`${LOG} ${messages.join('; ')}`);
    answer(callback, { show_button: false, error: { error_code: 'BAD_VALUE', error_messages: messages } });
  }

  function load(options: Json, callback?: Callback): void {
    const id = options?.setup?.instance_id ?? doc.querySelector('klarna-instant-shopping')?.getAttribute('data-instance-id') ?? 'default';
    if (instances.has(id)) return refuse(callback, [`load was already called for instance "${id}"; use update`]);
    const problems = problemsOf(options ?? {});
    if (problems.length) return refuse(callback, problems);
    instances.set(id, { options: clone(options) });
    render(id);
    answer(callback, { show_button: offered(options) });
  }

  function update(options: Json, callback?: Callback): void {
    const id = options?.setup?.instance_id ?? (instances.size === 1 ? [...instances.keys()][0] : undefined);
    const instance = instances.get(id);
    if (!instance) return refuse(callback, [`update for instance "${String(id)}", which was never loaded; call load first`]);
    const merged = { ...instance.options, ...clone(options), setup: { ...instance.options.setup, ...options.setup } };
    const problems = problemsOf(merged);
    if (problems.length) return refuse(callback, problems);
    instance.options = merged;
    render(id);
    if (dialog && dialog.id === id) dialog.refresh();
    answer(callback, { show_button: offered(merged) });
  }

  function on(event: string, handler: (data: Json) => void, options?: Json): void {
    if (!EVENTS.includes(event)) console.warn(`${LOG} unknown event "${event}"`);
    handlers.push({ event, handler, instanceId: options?.setup?.instance_id });
  }

  function emit(id: string, event: string, data: Json = {}): void {
    for (const entry of handlers) {
      if (entry.event === event && (entry.instanceId === undefined || entry.instanceId === id)) entry.handler({ instanceId: id, ...data });
    }
  }

  // ── button ──────────────────────────────────────────────────────────────────────────────────
  function element(tag: string, attributes: Json = {}, ...children: (Node | string | false | undefined)[]): HTMLElement {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (value !== false && value !== undefined) node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) if (child !== false && child !== undefined) node.append(child);
    return node;
  }

  function render(id: string): void {
    const container = [...doc.querySelectorAll('klarna-instant-shopping')].find((candidate) => candidate.getAttribute('data-instance-id') === id);
    if (!container) return void console.warn(`${LOG} no <klarna-instant-shopping data-instance-id="${id}"> in the document`);
    const options = instances.get(id)!.options;
    const root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
    if (!offered(options)) return void root.replaceChildren();
    const theme = options.styling?.theme ?? {};
    const [background, color, border] = THEMES[theme.variation] ?? THEMES.klarna;
    const style = element('style', {}, `button{all:unset;box-sizing:border-box;display:flex;align-items:center;justify-content:center;gap:.5em;width:100%;min-height:48px;padding:0 1.25em;border-radius:8px;border:1px solid ${border};background:${background};color:${color};font:600 16px/1 system-ui,sans-serif;cursor:pointer}button:focus-visible{outline:3px solid #0b051d;outline-offset:2px}b{font-weight:800}small{display:block;margin-top:.35em;font:12px system-ui,sans-serif;opacity:.75;text-align:center}`);
    const button = element('button', { type: 'button', part: 'button', 'data-emulated': true, onclick: () => openDialog(id) }, LABELS[theme.type] ?? LABELS.buy);
    root.replaceChildren(style, button, element('small', {}, 'Emulated by klarna-elements: no real purchase'));
  }

  // ── purchase dialog ─────────────────────────────────────────────────────────────────────────
  let dialog: { id: string; refresh: () => void } | undefined;

  function openDialog(id: string): void {
    const instance = instances.get(id);
    if (!instance || dialog) return;
    emit(id, 'buy_button_clicked');
    const host = element('div', { 'data-klarna-emulated-dialog': id });
    const root = host.attachShadow({ mode: 'open' });
    const modal = element('dialog', { 'aria-label': 'Klarna purchase (emulated)' }) as HTMLDialogElement;
    root.append(element('style', {}, 'dialog{width:min(26rem,92vw);border:0;border-radius:16px;padding:1.5rem;font:15px/1.45 system-ui,sans-serif;color:#0b051d}dialog::backdrop{background:#0b051d99}h2{margin:0 0 .75rem;font-size:1.2rem}label{display:block;margin:.4rem 0}input,select{display:block;width:100%;box-sizing:border-box;padding:.45rem;font:inherit;border:1px solid #bbb;border-radius:6px}.row{display:flex;justify-content:space-between;gap:1rem}.total{font-weight:700;border-top:1px solid #ddd;margin-top:.5rem;padding-top:.5rem}button{font:600 15px system-ui,sans-serif;padding:.7rem 1rem;border-radius:8px;border:0;background:#ffb3c7;color:#0b051d;cursor:pointer;margin-top:1rem;width:100%}button.secondary{background:#eee}.note{font-size:12px;color:#666}'), modal);
    doc.body.append(host);
    const options = () => instances.get(id)!.options;
    const country = String(options().purchase_country).toUpperCase();
    const address: Json = { given_name: 'Jane', family_name: 'Doe', email: 'jane.doe@example.com', ...(PERSONAS[country] ?? { street_address: '1 Test Street', postal_code: '12345', city: 'Testville' }), country, ...clone(options().billing_address) };
    let step: 'details' | 'review' | 'done' = 'details';
    let shippingId: string | undefined;
    let itemIndex = 0;
    const close = () => {
      modal.close();
      host.remove();
      dialog = undefined;
    };
    modal.addEventListener('cancel', () => close());
    const customer = () => ({ customer_country: address.country, customer_postal_code: address.postal_code });
    const money = (amount: number) => new Intl.NumberFormat(options().locale, { style: 'currency', currency: options().purchase_currency }).format(amount / 100);
    const shippingOptions = (): Json[] => options().shipping_options ?? [];
    const chosenShipping = () => shippingOptions().find((option) => option.id === shippingId);

    function showDetails(): void {
      const fields = ['given_name', 'family_name', 'email', 'street_address', 'postal_code', 'city'];
      const countries: string[] = options().shipping_countries?.length ? options().shipping_countries : [country];
      const form = element('form', { method: 'dialog', onsubmit: (event: Event) => {
        event.preventDefault();
        for (const field of fields) address[field] = (form.querySelector(`[name=${field}]`) as HTMLInputElement).value;
        address.country = (form.querySelector('[name=country]') as HTMLSelectElement).value;
        emit(id, 'identification_updated', customer());
        step = 'review';
        showReview();
      } },
      element('h2', {}, 'Your details'),
      ...fields.map((field) => element('label', {}, field.replace('_', ' '), element('input', { name: field, value: address[field] ?? '', required: field !== 'street_address2', autocomplete: 'off' }))),
      element('label', {}, 'country', element('select', { name: 'country' }, ...countries.map((code) => element('option', { value: code.toUpperCase(), selected: code.toUpperCase() === address.country }, code.toUpperCase())))),
      element('button', { type: 'submit' }, 'Continue'),
      element('button', { type: 'button', class: 'secondary', onclick: close }, 'Cancel'));
      modal.replaceChildren(form);
    }

    function showReview(): void {
      const shipping = shippingOptions();
      if (!chosenShipping()) {
        shippingId = (shipping.find((option) => option.preselected) ?? shipping[0])?.id;
        if (shippingId) emit(id, 'shipping_updated', { customer_selected_shipping_option: { id: shippingId, reference: shippingId }, ...customer() });
      }
      const lines = linesOf(options(), itemIndex);
      const fee = chosenShipping()?.price ?? 0;
      const items: Json[] = options().order_lines?.length ? [] : options().items ?? [];
      const boxes: Json[] = options().additional_checkboxes ?? [];
      const children = [
        element('h2', {}, 'Review your purchase'),
        items.length > 1 && element('label', {}, 'variant', element('select', { name: 'item', onchange: (event: Event) => {
          itemIndex = Number((event.target as HTMLSelectElement).value);
          showReview();
        } }, ...items.map((item, index) => element('option', { value: index, selected: index === itemIndex }, String(item.name))))),
        ...lines.map((line) => element('div', { class: 'row' }, element('span', {}, `${line.quantity} × ${String(line.name)}`), element('span', {}, money(line.total_amount)))),
        shipping.length > 0 && element('fieldset', {}, element('legend', {}, 'Delivery'), ...shipping.map((option) => element('label', {}, element('input', { type: 'radio', name: 'shipping', value: option.id, checked: option.id === shippingId, onchange: () => {
          shippingId = option.id;
          emit(id, 'shipping_updated', { customer_selected_shipping_option: { id: option.id, reference: option.id }, ...customer() });
          showReview();
        } }), `${String(option.name)} (${money(option.price)})`))),
        ...boxes.map((box) => element('label', {}, element('input', { type: 'checkbox', name: `checkbox-${box.id}`, checked: !!box.checked }), String(box.text))),
        element('div', { class: 'row total' }, element('span', {}, 'Total'), element('span', {}, money(sum(lines, 'total_amount') + fee))),
        element('p', { class: 'note' }, `Deliver to ${String(address.given_name)} ${String(address.family_name)}, ${String(address.street_address)}, ${String(address.postal_code)} ${String(address.city)}, ${String(address.country)}`),
        element('button', { type: 'button', onclick: () => void buy(lines, boxes) }, `Buy for ${money(sum(lines, 'total_amount') + fee)}`),
        element('button', { type: 'button', class: 'secondary', onclick: close }, 'Cancel'),
      ];
      modal.replaceChildren(...children.filter((child): child is HTMLElement => child !== false));
    }

    async function buy(lines: Json[], boxes: Json[]): Promise<void> {
      const current = options();
      const shipping = chosenShipping();
      const orderLines = [...lines.map((line) => clone(line)), ...(shipping ? [{ type: 'shipping_fee', reference: shipping.id, name: shipping.name, quantity: 1, unit_price: shipping.price, tax_rate: shipping.tax_rate, total_amount: shipping.price, total_tax_amount: shipping.tax_amount, total_discount_amount: 0 }] : [])];
      const merchantRequested = Object.fromEntries(boxes.map((box) => [box.id, modal.querySelector<HTMLInputElement>(`[name="checkbox-${String(box.id)}"]`)?.checked ?? false]));
      const order = {
        integrator_url: win.location.href,
        purchase_country: current.purchase_country, purchase_currency: current.purchase_currency, locale: current.locale,
        merchant_urls: current.merchant_urls,
        billing_address: clone(address), shipping_address: clone(address),
        order_amount: sum(orderLines, 'total_amount'), order_tax_amount: sum(orderLines, 'total_tax_amount'),
        order_lines: orderLines,
        ...(shipping && { selected_shipping_option: clone(shipping) }),
        ...(current.merchant_reference1 && { merchant_reference1: current.merchant_reference1 }),
        ...(current.merchant_reference2 && { merchant_reference2: current.merchant_reference2 }),
        ...(current.merchant_data && { merchant_data: current.merchant_data }),
        ...(boxes.length > 0 && { merchant_requested: { additional_checkboxes: merchantRequested } }),
      };
      modal.replaceChildren(element('h2', {}, 'Placing your order…'), element('p', { role: 'status' }, 'Waiting for the merchant to confirm.'));
      let outcome: Json;
      try {
        const response = await fetch(settings.baseUrl + settings.purchasePath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ button_key: current.setup.key, instance_id: id, environment: current.setup.environment ?? 'production', order }) });
        outcome = await response.json();
        if (!response.ok) throw new Error((outcome.error_messages ?? []).join('; ') || `status ${response.status}`);
      } catch (error) {
        modal.replaceChildren(element('h2', {}, 'Something went wrong'), element('p', { role: 'alert' }, String((error as Error).message)), element('button', { type: 'button', onclick: close }, 'Close'));
        return;
      }
      step = 'done';
      const fail = (title: string, text: string) => modal.replaceChildren(element('h2', {}, title), element('p', { role: 'alert' }, text), element('button', { type: 'button', onclick: close }, 'Close'));
      if (outcome.outcome === 'failed') return void fail('The purchase could not be completed', String(outcome.note));
      // PENDING counts as a purchase for the consumer, as Klarna's docs say; only REJECTED does not.
      if (outcome.fraud_status === 'REJECTED') return void fail('Klarna could not approve this purchase', 'No payment was taken.');
      if (outcome.outcome === 'denied') {
        if (outcome.deny_redirect_url) {
          close();
          win.location.assign(outcome.deny_redirect_url);
          return;
        }
        const reasons: Json = { address_error: 'The merchant cannot deliver to this address.', item_out_of_stock: 'This item is out of stock.', consumer_underaged: 'You are not old enough to buy this item.', unsupported_shipping_address: 'The merchant does not ship to this address.' };
        modal.replaceChildren(element('h2', {}, 'The merchant declined the purchase'), element('p', { role: 'alert', 'data-deny-code': outcome.deny_code ?? '' }, outcome.deny_message ?? reasons[outcome.deny_code] ?? 'Your purchase was not completed.'), element('button', { type: 'button', onclick: close }, 'Close'));
        return;
      }
      // The merchant's confirmation page: the one placed with the order or the button key's, else the page's.
      const confirmation = outcome.confirmation_url ?? current.merchant_urls?.confirmation;
      modal.replaceChildren(
        element('h2', {}, 'Thank you for your purchase'),
        element('p', { role: 'status', 'data-order-id': outcome.order_id ?? '' }, outcome.order_id ? `Order ${String(outcome.order_id)} is placed.` : `Authorized (${String(outcome.note ?? 'no merchant callback')}).`),
        element('button', { type: 'button', onclick: () => {
          close();
          if (confirmation) win.location.assign(confirmation);
        } }, confirmation ? 'Continue' : 'Close'),
      );
      emit(id, 'confirmation_displayed', { order_id: outcome.order_id, authorization_token: outcome.authorization_token });
    }

    dialog = { id, refresh: () => (step === 'review' ? showReview() : undefined) };
    showDetails();
    modal.showModal();
    emit(id, 'session_initiated', customer());
  }

  const page = win as unknown as Json;
  page.Klarna ??= {};
  page.Klarna.InstantShopping = { load, update, on };
  setTimeout(() => page.klarnaAsyncCallback?.(), 0);
}
