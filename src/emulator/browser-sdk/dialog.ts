/**
 * The emulated purchase dialog: details, then review (variant, delivery, checkboxes), then the
 * purchase, which the emulator authorizes and hands to the merchant's `place_order`. It fires the
 * SDK's events in the order Klarna's does.
 */
import type { Address, InstantShoppingOptions, InstantShoppingSdkEvent, ShippingOption } from '../../protocol/instant-shopping.js';
import { element } from '../stand-in-dom.js';
import { clone, linesOf, sum, type PurchaseLine } from './options.js';
import type { EmulatedSdkSettings } from './settings.js';

/** A test persona per market, prefilled as Klarna prefills a returning consumer. */
const PERSONAS: Record<string, Address> = {
  SE: { street_address: 'Sveavägen 46', postal_code: '11134', city: 'Stockholm', phone: '+46700020020' },
  US: { street_address: '8478 Hillside Street', postal_code: '60102', city: 'Algonquin', region: 'IL', phone: '630-342-7187' },
  GB: { street_address: '10 Downing Street', postal_code: 'SW1A 2AA', city: 'London', phone: '+447700900000' },
  DE: { street_address: 'Theresienhöhe 12', postal_code: '80339', city: 'München', phone: '+4915112345678' },
};

const DENY_REASONS: Record<string, string> = {
  address_error: 'The merchant cannot deliver to this address.',
  item_out_of_stock: 'This item is out of stock.',
  consumer_underaged: 'You are not old enough to buy this item.',
  unsupported_shipping_address: 'The merchant does not ship to this address.',
};

const STYLE = 'dialog{width:min(26rem,92vw);border:0;border-radius:16px;padding:1.5rem;font:15px/1.45 system-ui,sans-serif;color:#0b051d}dialog::backdrop{background:#0b051d99}'
  + 'h2{margin:0 0 .75rem;font-size:1.2rem}label{display:block;margin:.4rem 0}input,select{display:block;width:100%;box-sizing:border-box;padding:.45rem;font:inherit;border:1px solid #bbb;border-radius:6px}'
  + '.row{display:flex;justify-content:space-between;gap:1rem}.total{font-weight:700;border-top:1px solid #ddd;margin-top:.5rem;padding-top:.5rem}'
  + 'button{font:600 15px system-ui,sans-serif;padding:.7rem 1rem;border-radius:8px;border:0;background:#ffb3c7;color:#0b051d;cursor:pointer;margin-top:1rem;width:100%}button.secondary{background:#eee}.note{font-size:12px;color:#666}';

const DETAIL_FIELDS = ['given_name', 'family_name', 'email', 'street_address', 'postal_code', 'city'] as const;

/** The emulator's answer to a purchase. */
interface PurchaseOutcome {
  outcome?: 'approved' | 'denied' | 'failed';
  fraud_status?: string;
  order_id?: string;
  authorization_token?: string;
  confirmation_url?: string;
  deny_code?: string;
  deny_message?: string;
  deny_redirect_url?: string;
  note?: string;
  error_messages?: string[];
}

export interface DialogContext {
  win: Pick<Window, 'document' | 'location'>;
  settings: EmulatedSdkSettings;
  id: string;
  /** The instance's options now (an update while the dialog is open shows in it). */
  options: () => InstantShoppingOptions;
  emit: (event: InstantShoppingSdkEvent, data?: Record<string, unknown>) => void;
  /** Called once the dialog is gone. */
  closed: () => void;
}

/** Opens the dialog; returns what refreshes its review step when the instance is updated. */
export function openDialog({ win, settings, id, options, emit, closed }: DialogContext): () => void {
  const doc = win.document;
  const make = element.bind(undefined, doc);
  emit('buy_button_clicked');
  const host = make('div', { 'data-klarna-emulated-dialog': id });
  const root = host.attachShadow({ mode: 'open' });
  const modal = make('dialog', { 'aria-label': 'Klarna purchase (emulated)' }) as HTMLDialogElement;
  root.append(make('style', {}, STYLE), modal);
  doc.body.append(host);
  const country = String(options().purchase_country).toUpperCase();
  const address: Address = { given_name: 'Jane', family_name: 'Doe', email: 'jane.doe@example.com', ...(PERSONAS[country] ?? { street_address: '1 Test Street', postal_code: '12345', city: 'Testville' }), country, ...clone(options().billing_address) };
  let step: 'details' | 'review' | 'done' = 'details';
  let shippingId: string | undefined;
  let itemIndex = 0;
  const close = () => {
    modal.close();
    host.remove();
    closed();
  };
  modal.addEventListener('cancel', () => close());
  const customer = () => ({ customer_country: address.country, customer_postal_code: address.postal_code });
  const money = (amount: number) => new Intl.NumberFormat(options().locale, { style: 'currency', currency: options().purchase_currency }).format(amount / 100);
  const shippingOptions = (): ShippingOption[] => options().shipping_options ?? [];
  const chosenShipping = () => shippingOptions().find((option) => option.id === shippingId);
  const message = (title: string, text: string, role = 'alert', attributes: Record<string, string> = {}) =>
    modal.replaceChildren(make('h2', {}, title), make('p', { role, ...attributes }, text), make('button', { type: 'button', onclick: close }, 'Close'));

  function showDetails(): void {
    const countries = options().shipping_countries?.length ? options().shipping_countries! : [country];
    const form = make('form', {
      method: 'dialog',
      onsubmit: (event: Event) => {
        event.preventDefault();
        for (const field of DETAIL_FIELDS) address[field] = form.querySelector<HTMLInputElement>(`[name=${field}]`)!.value;
        address.country = form.querySelector<HTMLSelectElement>('[name=country]')!.value;
        emit('identification_updated', customer());
        step = 'review';
        showReview();
      },
    },
    make('h2', {}, 'Your details'),
    ...DETAIL_FIELDS.map((field) => make('label', {}, field.replace('_', ' '), make('input', { name: field, value: address[field] ?? '', required: true, autocomplete: 'off' }))),
    make('label', {}, 'country', make('select', { name: 'country' }, ...countries.map((code) => make('option', { value: code.toUpperCase(), selected: code.toUpperCase() === address.country }, code.toUpperCase())))),
    make('button', { type: 'submit' }, 'Continue'),
    make('button', { type: 'button', class: 'secondary', onclick: close }, 'Cancel'));
    modal.replaceChildren(form);
  }

  function chooseShipping(option: ShippingOption): void {
    shippingId = option.id;
    emit('shipping_updated', { customer_selected_shipping_option: { id: option.id, reference: option.id }, ...customer() });
  }

  function showReview(): void {
    const shipping = shippingOptions();
    if (!chosenShipping()) {
      const preselected = shipping.find((option) => option.preselected) ?? shipping[0];
      if (preselected) chooseShipping(preselected);
    }
    const lines = linesOf(options(), itemIndex);
    const total = sum(lines, 'total_amount') + (chosenShipping()?.price ?? 0);
    const items = options().order_lines?.length ? [] : options().items ?? [];
    const boxes = options().additional_checkboxes ?? [];
    const children = [
      make('h2', {}, 'Review your purchase'),
      items.length > 1 && make('label', {}, 'variant', make('select', {
        name: 'item',
        onchange: (event: Event) => {
          itemIndex = Number((event.target as HTMLSelectElement).value);
          showReview();
        },
      }, ...items.map((item, index) => make('option', { value: index, selected: index === itemIndex }, String(item.name))))),
      ...lines.map((line) => make('div', { class: 'row' }, make('span', {}, `${line.quantity} × ${String(line.name)}`), make('span', {}, money(line.total_amount)))),
      shipping.length > 0 && make('fieldset', {}, make('legend', {}, 'Delivery'), ...shipping.map((option) => make('label', {}, make('input', {
        type: 'radio', name: 'shipping', value: option.id, checked: option.id === shippingId,
        onchange: () => {
          chooseShipping(option);
          showReview();
        },
      }), `${String(option.name)} (${money(option.price)})`))),
      ...boxes.map((box) => make('label', {}, make('input', { type: 'checkbox', name: `checkbox-${box.id}`, checked: !!box.checked }), String(box.text))),
      make('div', { class: 'row total' }, make('span', {}, 'Total'), make('span', {}, money(total))),
      make('p', { class: 'note' }, `Deliver to ${address.given_name} ${address.family_name}, ${address.street_address}, ${address.postal_code} ${address.city}, ${address.country}`),
      make('button', { type: 'button', onclick: () => void buy(lines) }, `Buy for ${money(total)}`),
      make('button', { type: 'button', class: 'secondary', onclick: close }, 'Cancel'),
    ];
    modal.replaceChildren(...children.filter((child): child is HTMLElement => child !== false));
  }

  async function buy(lines: PurchaseLine[]): Promise<void> {
    const current = options();
    const order = purchaseOrder(current, lines);
    modal.replaceChildren(make('h2', {}, 'Placing your order…'), make('p', { role: 'status' }, 'Waiting for the merchant to confirm.'));
    let outcome: PurchaseOutcome;
    try {
      outcome = await postPurchase(current, order);
    } catch (error) {
      message('Something went wrong', String((error as Error).message));
      return;
    }
    step = 'done';
    showOutcome(outcome, current);
  }

  /** The order as the merchant gets it: the lines, the delivery as a shipping fee, the consumer's address and choices. */
  function purchaseOrder(current: InstantShoppingOptions, lines: PurchaseLine[]): Record<string, unknown> {
    const shipping = chosenShipping();
    const boxes = current.additional_checkboxes ?? [];
    const orderLines: Record<string, unknown>[] = [
      ...lines.map((line) => clone(line) as unknown as Record<string, unknown>),
      ...(shipping ? [shippingFeeLine(shipping)] : []),
    ];
    const isChecked = (boxId: string) => modal.querySelector<HTMLInputElement>(`[name="checkbox-${boxId}"]`)?.checked ?? false;
    const merchantRequested = Object.fromEntries(boxes.map((box) => [box.id, isChecked(box.id)]));
    return {
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
  }

  /** Sends the purchase to the emulator, which authorizes it and asks the merchant; throws what went wrong. */
  async function postPurchase(
    current: InstantShoppingOptions,
    order: Record<string, unknown>,
  ): Promise<PurchaseOutcome> {
    const environment = current.setup.environment ?? 'production';
    const response = await fetch(settings.baseUrl + settings.purchasePath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ button_key: current.setup.key, instance_id: id, environment, order }),
    });
    const outcome = (await response.json()) as PurchaseOutcome;
    if (!response.ok) throw new Error((outcome.error_messages ?? []).join('; ') || `status ${response.status}`);
    return outcome;
  }

  function showOutcome(outcome: PurchaseOutcome, current: InstantShoppingOptions): void {
    if (outcome.outcome === 'failed') return message('The purchase could not be completed', String(outcome.note));
    // PENDING counts as a purchase for the consumer, as Klarna's docs say; only REJECTED does not.
    if (outcome.fraud_status === 'REJECTED') return message('Klarna could not approve this purchase', 'No payment was taken.');
    if (outcome.outcome === 'denied') return showDenied(outcome);
    showConfirmation(outcome, current);
  }

  function showDenied(outcome: PurchaseOutcome): void {
    if (outcome.deny_redirect_url) {
      close();
      win.location.assign(outcome.deny_redirect_url);
      return;
    }
    const reason = outcome.deny_message ?? DENY_REASONS[outcome.deny_code ?? ''] ?? 'Your purchase was not completed.';
    message('The merchant declined the purchase', reason, 'alert', { 'data-deny-code': outcome.deny_code ?? '' });
  }

  function showConfirmation(outcome: PurchaseOutcome, current: InstantShoppingOptions): void {
    // The merchant's confirmation page: the one placed with the order or the button key's, else the page's.
    const confirmation = outcome.confirmation_url ?? current.merchant_urls?.confirmation;
    const status = outcome.order_id
      ? `Order ${outcome.order_id} is placed.`
      : `Authorized (${outcome.note ?? 'no merchant callback'}).`;
    modal.replaceChildren(
      make('h2', {}, 'Thank you for your purchase'),
      make('p', { role: 'status', 'data-order-id': outcome.order_id ?? '' }, status),
      make('button', {
        type: 'button',
        onclick: () => {
          close();
          if (confirmation) win.location.assign(confirmation);
        },
      }, confirmation ? 'Continue' : 'Close'),
    );
    emit('confirmation_displayed', { order_id: outcome.order_id, authorization_token: outcome.authorization_token });
  }

  showDetails();
  modal.showModal();
  emit('session_initiated', customer());
  return () => {
    if (step === 'review') showReview();
  };
}

/** The chosen delivery as the order line Klarna adds for it. */
function shippingFeeLine(shipping: ShippingOption): Record<string, unknown> {
  return {
    type: 'shipping_fee',
    reference: shipping.id,
    name: shipping.name,
    quantity: 1,
    unit_price: shipping.price,
    tax_rate: shipping.tax_rate,
    total_amount: shipping.price,
    total_tax_amount: shipping.tax_amount,
    total_discount_amount: 0,
  };
}
