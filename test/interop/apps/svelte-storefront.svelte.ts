// The elements, defined on import, as a Svelte app would load them.
import 'klarna-elements';
import { flushSync, mount, unmount } from 'svelte';
import Storefront from './Storefront.svelte';
import type { MountStorefront, Route } from './storefront.js';

export const mountSvelte: MountStorefront = (container, props) => {
  const state = $state<{ quantity: number; route: Route }>({ quantity: props.quantity, route: 'product' });
  const app = mount(Storefront, {
    target: container,
    props: { ...props, get quantity() { return state.quantity; }, get route() { return state.route; } },
  });
  flushSync();
  return {
    setQuantity: (quantity) => ((state.quantity = quantity), flushSync(), Promise.resolve()),
    showRoute: (route) => ((state.route = route), flushSync(), Promise.resolve()),
    unmount: () => unmount(app),
  };
};
