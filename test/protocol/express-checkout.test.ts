import { expect } from '@open-wc/testing';
import {
  paymentRequestProblems,
  sdkClientIdProblem,
  shippingAddressAnswerProblems,
  shippingOptionAnswerProblems,
} from '../../src/protocol/express-checkout-checks.js';
import { paymentRequestData } from '../../src/protocol/express-checkout-request.js';
import type { LineItem, PaymentRequestData } from '../../src/protocol/express-checkout.js';

const JACKET: LineItem = { name: 'Aurora jacket', quantity: 1, totalAmount: 29900, totalTaxAmount: 0, lineItemReference: 'AJ-M' };
const SOCKS: LineItem = { name: 'Wool socks', quantity: 2, totalAmount: 3000 };

function validRequest(): PaymentRequestData {
  return {
    currency: 'USD',
    amount: 32900,
    supplementaryPurchaseData: { lineItems: [structuredClone(JACKET), structuredClone(SOCKS)] },
    shippingConfig: { mode: 'EDITABLE', supportedCountries: ['US', 'CA'] },
    collectCustomerProfile: ['profile:name', 'profile:email'],
    customerInteractionConfig: { returnUrl: 'https://shop.example/klarna/return' },
  };
}

describe('Express Checkout protocol: the Web SDK client id', () => {
  it('takes a test or live client identifier', () => {
    expect(sdkClientIdProblem('klarna_test_client_SyVQbVk1RzhxYVFUaGdDWVdaVnFYdlVYdVh2ZW9nMVIsNzM')).to.equal(undefined);
    expect(sdkClientIdProblem('klarna_live_client_abc-DEF_123')).to.equal(undefined);
  });

  it('names the On-site messaging client id for what it is, and where the right one goes', () => {
    const problem = sdkClientIdProblem('7d5c44b0-a1b2-4c3d-9e8f-001122334455');
    expect(problem).to.include('looks like an On-site messaging client id');
    expect(problem).to.include('klarna_test_client_');
  });

  it('refuses anything else, saying what is expected', () => {
    for (const value of [undefined, '', 'klarna_prod_client_abc', 'klarna_test_client_', 42, 'klarna_test_client_a b']) {
      expect(sdkClientIdProblem(value, 'sdkClientId'), String(value)).to.match(/^sdkClientId must be the Web SDK client identifier \(klarna_test_client_… or klarna_live_client_…/);
    }
  });
});

describe('Express Checkout protocol: payment request checks', () => {
  it('finds nothing wrong with a request Klarna takes', () => {
    expect(paymentRequestProblems(validRequest())).to.deep.equal([]);
    expect(paymentRequestProblems({ currency: 'SEK' })).to.deep.equal([]);
  });

  it('wants whole minor units for the amount and every line', () => {
    const request = validRequest();
    request.amount = 329.0001;
    expect(paymentRequestProblems(request)).to.deep.equal(['paymentRequest.amount 329.0001 must be a whole number of minor units, 0 or more']);
    const lines = validRequest();
    lines.supplementaryPurchaseData!.lineItems![1]!.totalAmount = 1500.5;
    lines.supplementaryPurchaseData!.lineItems![0]!.quantity = 0;
    expect(paymentRequestProblems(lines, 'request')).to.deep.equal([
      'request.supplementaryPurchaseData.lineItems[0].quantity must be a whole number, 1 or more',
      'request.supplementaryPurchaseData.lineItems[1].totalAmount must be a whole number of minor units, 0 or more',
    ]);
  });

  it('checks that the lines add up to the amount, and never corrects them', () => {
    const request = validRequest();
    request.amount = 32000;
    expect(paymentRequestProblems(request)).to.deep.equal([
      'paymentRequest.supplementaryPurchaseData.lineItems add up to 32900, not the amount 32000: the lines\' totalAmount must sum to the amount (totals are checked, never corrected)',
    ]);
    expect(request.amount).to.equal(32000);
  });

  it('takes only the currency of a Klarna market, as Klarna spells it', () => {
    for (const currency of ['XYZ', 'usd', '', undefined, 840]) {
      const [problem] = paymentRequestProblems({ ...validRequest(), currency });
      expect(problem, String(currency)).to.equal(`paymentRequest.currency ${JSON.stringify(currency)} is not the ISO 4217 code of a Klarna market (USD, EUR, GBP, SEK, …)`);
    }
  });

  it('names each wrong field of the shipping config, the profile scopes, the return URL and a line', () => {
    const request = {
      currency: 'EUR',
      amount: 100,
      supplementaryPurchaseData: { lineItems: [{ quantity: 1, totalAmount: 100 }] },
      shippingConfig: { mode: 'ANY', supportedCountries: ['usa'] },
      collectCustomerProfile: ['profile:name', 'profile:shoe_size'],
      customerInteractionConfig: { returnUrl: 'javascript:alert(1)' },
    };
    expect(paymentRequestProblems(request)).to.deep.equal([
      'paymentRequest.supplementaryPurchaseData.lineItems[0].name is required',
      'paymentRequest.shippingConfig.mode must be "EDITABLE" or "READ_ONLY"',
      'paymentRequest.shippingConfig.supportedCountries must list ISO 3166 alpha-2 codes ("US", "SE")',
      'paymentRequest.collectCustomerProfile has "profile:shoe_size": the scopes are profile:name, profile:email, profile:phone, profile:locale, profile:billing_address, profile:country, profile:national_identification, profile:date_of_birth',
      'paymentRequest.customerInteractionConfig.returnUrl must be an absolute http(s) URL',
    ]);
  });

  it('says what shape it wanted for what is not an object or a list', () => {
    expect(paymentRequestProblems(null)).to.deep.equal(['paymentRequest must be an object']);
    expect(paymentRequestProblems([])).to.deep.equal(['paymentRequest must be an object']);
    expect(paymentRequestProblems({ currency: 'USD', supplementaryPurchaseData: { lineItems: {} } })).to.deep.equal([
      'paymentRequest.supplementaryPurchaseData.lineItems must be an array',
    ]);
    expect(paymentRequestProblems({ currency: 'USD', shippingConfig: 'EDITABLE' })).to.deep.equal(['paymentRequest.shippingConfig must be an object']);
  });

  it('never throws, and counts a hole in the lines as a missing line', () => {
    expect(paymentRequestProblems({ currency: 'USD', amount: 32900n })).to.deep.equal(['paymentRequest.amount a bigint must be a whole number of minor units, 0 or more']);
    // eslint-disable-next-line no-sparse-arrays
    const holed = [, { name: 'Socks', quantity: 1, totalAmount: 100 }];
    expect(paymentRequestProblems({ currency: 'USD', amount: 100, supplementaryPurchaseData: { lineItems: holed } })).to.deep.equal([
      'paymentRequest.supplementaryPurchaseData.lineItems[0] must be an object',
    ]);
    expect(paymentRequestProblems({ currency: 'USD', supplementaryPurchaseData: 'lines' })).to.deep.equal(['paymentRequest.supplementaryPurchaseData must be an object']);
    expect(shippingAddressAnswerProblems({ rejectionReason: 1n })).to.have.length(1);
  });

  it('reads no field a polluted Object.prototype lends', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.currency = 'USD';
    prototype.lineItems = [{ name: 'x', quantity: 1, totalAmount: 1 }];
    try {
      expect(paymentRequestProblems({ amount: 5, supplementaryPurchaseData: {} })).to.deep.equal([
        'paymentRequest.currency undefined is not the ISO 4217 code of a Klarna market (USD, EUR, GBP, SEK, …)',
      ]);
    } finally {
      delete prototype.currency;
      delete prototype.lineItems;
    }
  });
});

describe('Express Checkout protocol: the r8 payment request', () => {
  it('puts the line items in supplementaryPurchaseData and the return URL in customerInteractionConfig', () => {
    expect(paymentRequestData({
      currency: 'USD',
      amount: 32900,
      lineItems: [JACKET, SOCKS],
      returnUrl: 'https://shop.example/klarna/return',
      paymentRequestReference: 'cart-81',
      supplementaryPurchaseData: { purchaseReference: 'order-81' },
      shippingConfig: { mode: 'EDITABLE' },
      collectCustomerProfile: ['profile:email'],
    })).to.deep.equal({
      currency: 'USD',
      amount: 32900,
      paymentRequestReference: 'cart-81',
      customerInteractionConfig: { returnUrl: 'https://shop.example/klarna/return' },
      supplementaryPurchaseData: { purchaseReference: 'order-81', lineItems: [JACKET, SOCKS] },
      collectCustomerProfile: ['profile:email'],
      shippingConfig: { mode: 'EDITABLE' },
    });
  });

  it('leaves out what was not given, rather than sending it as undefined', () => {
    const request = paymentRequestData({ currency: 'SEK', amount: undefined, lineItems: undefined, returnUrl: undefined });
    expect(Object.keys(request)).to.deep.equal(['currency']);
  });

  it('builds what its own checks take', () => {
    const request = paymentRequestData({ currency: 'USD', amount: 32900, lineItems: [JACKET, SOCKS], shippingConfig: { mode: 'EDITABLE' } });
    expect(paymentRequestProblems(request)).to.deep.equal([]);
  });
});

describe('Express Checkout protocol: the merchant\'s shipping answers', () => {
  const standard = { shippingOptionReference: 'standard', amount: 0, displayName: 'Standard', description: '' };

  it('takes options with a chosen one among them, or a refusal Klarna knows', () => {
    expect(shippingAddressAnswerProblems({ shippingOptions: [standard], selectedShippingOptionReference: 'standard', amount: 32900 })).to.deep.equal([]);
    expect(shippingAddressAnswerProblems({ rejectionReason: 'COUNTRY_NOT_SUPPORTED' })).to.deep.equal([]);
    expect(shippingAddressAnswerProblems({ rejectionReason: 'TOO_FAR' })).to.deep.equal([
      'answer.rejectionReason "TOO_FAR" is not one of COUNTRY_NOT_SUPPORTED, POSTAL_CODE_NOT_SUPPORTED, CITY_NOT_SUPPORTED, REGION_NOT_SUPPORTED, ADDRESS_NOT_SUPPORTED',
    ]);
    expect(shippingAddressAnswerProblems({ shippingOptions: [{ ...standard, displayName: ' ', shippingType: 'BY_DRONE' }] })).to.deep.equal([
      'answer.shippingOptions[0].displayName is required',
      'answer.shippingOptions[0].shippingType "BY_DRONE" is not one of TO_DOOR, TO_CURB, TO_MAILBOX, PICKUP_BOX, PICKUP_POINT, PICKUP_STORE, PICKUP_WAREHOUSE, DIGITAL_EMAIL, DIGITAL_DOWNLOAD, DIGITAL_OTHER, PHYSICAL_OTHER',
    ]);
  });

  it('takes new totals for an option when the lines add up, or INVALID_OPTION', () => {
    const lines = [{ name: 'Jacket', quantity: 1, totalAmount: 32900 }, { name: 'Express', quantity: 1, totalAmount: 1500 }];
    expect(shippingOptionAnswerProblems({ amount: 34400, lineItems: lines })).to.deep.equal([]);
    expect(shippingOptionAnswerProblems({ rejectionReason: 'INVALID_OPTION' })).to.deep.equal([]);
    expect(shippingOptionAnswerProblems({ rejectionReason: 'ADDRESS_NOT_SUPPORTED' })).to.deep.equal(['answer.rejectionReason "ADDRESS_NOT_SUPPORTED" must be "INVALID_OPTION"']);
    expect(shippingOptionAnswerProblems({ lineItems: lines })).to.deep.equal(['answer.amount must be a whole number of minor units, 0 or more']);
    expect(shippingOptionAnswerProblems({ amount: 32900, lineItems: lines })).to.deep.equal([
      'answer.lineItems add up to 34400, not the amount 32900: the lines\' totalAmount must sum to the amount (totals are checked, never corrected)',
    ]);
    expect(shippingOptionAnswerProblems('34400')).to.deep.equal(['answer must be an object']);
  });
});
