/**
 * The server helpers' own shapes for a purchase decision: what `placeOrder` sends and returns, and
 * why `denyAuthorization` refuses. Klarna's wire shapes are in the protocol layer.
 */
import type { AuthorizedOrder, DenyCode } from '../protocol/instant-shopping-rest.js';

/** What `placeOrder` sends: usually the authorized order, with the merchant's references and URLs. */
export type OrderToPlace = AuthorizedOrder;

/**
 * The result of placing an order. `pending` is not a success: Klarna is reviewing the purchase and
 * may still reject it, so hold the goods until Klarna notifies you (see `guidance`).
 */
export type PlacedOrder =
  | { outcome: 'accepted'; orderId: string; fraudStatus: 'ACCEPTED' }
  | { outcome: 'pending'; orderId: string; fraudStatus: 'PENDING'; guidance: string }
  | { outcome: 'rejected'; orderId: string; fraudStatus: 'REJECTED'; guidance: string };

/**
 * Why a purchase is denied, shown to the consumer in the dialog: a documented code (with a message
 * in the flow's locale; required for `other`), or only a page to send the consumer to.
 */
export type DenyReason =
  | { code: Exclude<DenyCode, 'other'>; message?: string; redirectUrl?: never }
  | { code: 'other'; message: string; redirectUrl?: never }
  | { redirectUrl: string; code?: never; message?: never };
