// The page: page-wide settings on a <klarna-config> (the emulator's URL and the client id come in
// the query string), a quantity in a signal, and the product's price.
import { CUSTOM_ELEMENTS_SCHEMA, Component, computed, signal } from '@angular/core';
import type { OrderLine } from 'klarna-elements';
import { ProductPrice } from './product-price';

const UNIT_PRICE = 11900;
const query = new URLSearchParams(location.search);

@Component({
  selector: 'app-shop',
  imports: [ProductPrice],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <klarna-config [attr.api-url]="apiUrl" [attr.client-id]="clientId" locale="en-US">
      <button id="more" (click)="quantity.set(quantity() + 1)">One more</button>
      <output id="rendered">{{ shown().join(',') }}</output>
      <app-product-price [cents]="quantity() * unitPrice" [lines]="lines()" buttonKey="123e4567-e89b-12d3-a456-426655440000"
        [instanceId]="instanceId" (shown)="shown.set([...shown(), $event])" />
    </klarna-config>`,
})
export class Shop {
  readonly apiUrl = query.get('api');
  readonly clientId = query.get('client');
  readonly instanceId = query.get('instance') ?? 'angular';
  readonly unitPrice = UNIT_PRICE;
  readonly quantity = signal(1);
  readonly shown = signal<number[]>([]);
  readonly lines = computed<OrderLine[]>(() => {
    const quantity = this.quantity();
    const total = quantity * UNIT_PRICE;
    return [{
      type: 'physical', reference: '19-402-B', name: 'Battery Power Pack', quantity, unit_price: UNIT_PRICE, tax_rate: 2500,
      total_amount: total, total_discount_amount: 0, total_tax_amount: total / 5,
    }];
  });
}
