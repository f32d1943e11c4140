/**
 * The React components take their props from the elements: the props that set properties are the
 * element's reactive properties at run time (`elementProperties`), and in the types the element's
 * own assignable, non-method members. The two agree only while an element has no public field
 * besides its reactive properties; this checks both sides against each element.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';
import { KlarnaConfig } from '../../src/config/define.js';
import { KlarnaExpressCheckout } from '../../src/express-checkout/define.js';
import { KlarnaInstantShoppingHost } from '../../src/instant-shopping/define.js';
import { KlarnaElement } from '../../src/internal/klarna-element.js';
import { KlarnaOsmPlacement } from '../../src/osm-placement/define.js';
import { elementPropertyNames, type ElementProperty } from '../../src/react/element-properties.js';

/** The public members below KlarnaElement (or LitElement) that may be assigned: accessors with a setter. */
function assignableMembers(elementClass: typeof ReactiveElement, base: object): string[] {
  const names = new Set<string>();
  for (let prototype = elementClass.prototype as object; prototype !== base; prototype = Object.getPrototypeOf(prototype) as object) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(prototype))) {
      if (descriptor.set && name !== 'deferHydration') names.add(name);
    }
  }
  return [...names].sort();
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(verdict: Same<A, B>) => verdict;

describe('React component props', () => {
  for (const [name, elementClass, base] of [
    ['KlarnaOsmPlacement', KlarnaOsmPlacement, KlarnaElement.prototype],
    ['KlarnaInstantShoppingHost', KlarnaInstantShoppingHost, KlarnaElement.prototype],
    ['KlarnaExpressCheckout', KlarnaExpressCheckout, KlarnaElement.prototype],
    ['KlarnaConfig', KlarnaConfig, Object.getPrototypeOf(KlarnaConfig.prototype) as object],
  ] as const) {
    it(`${name}: the props that set properties are the element's reactive properties, and nothing else it lets a script assign`, () => {
      expect(elementPropertyNames(elementClass).sort()).to.deep.equal(assignableMembers(elementClass, base));
    });
  }

  it('types exactly those props', () => {
    same<ElementProperty<KlarnaOsmPlacement>, 'clientId' | 'placementKey' | 'locale' | 'purchaseAmount' | 'amountFrom' | 'quantityFrom' | 'environment' | 'region' | 'apiUrl' | 'loading' | 'impression' | 'learnMore' | 'timeout' | 'theme' | 'prefetched'>(true);
    same<ElementProperty<KlarnaInstantShoppingHost>, 'buttonKey' | 'instanceId' | 'environment' | 'region' | 'purchaseCountry' | 'purchaseCurrency' | 'locale' | 'sdkUrl'
      | 'orderLines' | 'items' | 'shippingOptions' | 'merchantUrls' | 'styling' | 'billingAddress' | 'billingCountries' | 'shippingCountries'
      | 'merchantReference1' | 'merchantReference2' | 'merchantData' | 'additionalCheckboxes' | 'options'>(true);
    same<ElementProperty<KlarnaExpressCheckout>, 'clientId' | 'locale' | 'currency' | 'amount' | 'amountFrom' | 'quantityFrom' | 'theme' | 'shape' | 'intents' | 'initiationMode'
      | 'partnerAccountId' | 'disabled' | 'sdkUrl' | 'lineItems' | 'shippingConfig' | 'collectCustomerProfile' | 'returnUrl'
      | 'paymentRequestReference' | 'supplementaryPurchaseData' | 'initiate'>(true);
    same<ElementProperty<KlarnaConfig>, 'clientId' | 'sdkClientId' | 'locale' | 'environment' | 'region' | 'apiUrl' | 'consent'>(true);
    expect(elementPropertyNames(KlarnaOsmPlacement)).to.have.length(15);
  });
});
