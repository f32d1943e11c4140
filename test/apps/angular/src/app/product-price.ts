// A product's price with Klarna's message and button, as the README's Angular snippet has it: a
// standalone component, CUSTOM_ELEMENTS_SCHEMA, properties bound with [...] and events with (...).
// strictTemplates types each `$event` from the library's HTMLElementEventMap entries.
import { CUSTOM_ELEMENTS_SCHEMA, Component, input, output } from '@angular/core';
import 'klarna-elements';
import type { InstantShoppingErrorDetail, OrderLine, OsmRenderDetail } from 'klarna-elements';

@Component({
  selector: 'app-product-price',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <klarna-osm-placement placement-key="credit-promotion-badge" [purchaseAmount]="cents()"
      (klarna-osm-render)="rendered($event)"></klarna-osm-placement>
    <klarna-instant-shopping-host [buttonKey]="buttonKey()" [instanceId]="instanceId()" purchase-country="US" purchase-currency="USD"
      [orderLines]="lines()" [merchantUrls]="{ terms: '/terms' }" (klarna-instant-shopping-error)="failed($event)"></klarna-instant-shopping-host>`,
})
export class ProductPrice {
  readonly cents = input.required<number>();
  readonly lines = input.required<OrderLine[]>();
  readonly buttonKey = input.required<string>();
  readonly instanceId = input<string>();
  readonly shown = output<number>();

  rendered(event: CustomEvent<OsmRenderDetail>): void {
    this.shown.emit(event.detail.purchaseAmount ?? 0);
  }

  failed(event: CustomEvent<InstantShoppingErrorDetail>): void {
    console.error(event.detail.message);
  }
}
