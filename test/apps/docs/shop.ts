// What the docs' snippets import from './shop.js': the merchant's own code, which the docs leave out.
import type { CreatedOrder, OrderLine, PaymentsOrder, PlaceOrderResult } from 'klarna-elements/server';

export const CLIENT_ID = 'YOUR-OSM-CLIENT-ID';
export declare function priceOf(productId: string | undefined): number;
export declare function page(parts: { body: string; scripts: string[] }): string;
export declare function inStock(lines: readonly OrderLine[]): Promise<boolean>;
export declare function nextOrderNumber(): Promise<string>;
export declare function saveOrder(result: PlaceOrderResult): Promise<void>;
export declare function orderFor(paymentRequestId: string): Promise<PaymentsOrder>;
export declare function markPaid(paymentRequestId: string, order: CreatedOrder): Promise<void>;
