// The elements, defined on import, as a Vue app would load them.
import 'klarna-elements';
import { createApp, h, nextTick, reactive } from 'vue';
import Storefront from './Storefront.vue';
import type { MountStorefront, Route } from './storefront.js';

export const mountVue: MountStorefront = (container, props) => {
  const state = reactive<{ quantity: number; route: Route }>({ quantity: props.quantity, route: 'product' });
  const app = createApp({ render: () => h(Storefront, { ...props, quantity: state.quantity, route: state.route }) });
  app.mount(container);
  return {
    setQuantity: (quantity) => ((state.quantity = quantity), nextTick()),
    showRoute: (route) => ((state.route = route), nextTick()),
    unmount: () => (app.unmount(), Promise.resolve()),
  };
};
