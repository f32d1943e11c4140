// tsc reads no .vue file (vue-tsc would); the Vue plugin compiles it when the app is built.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<Record<string, unknown>>;
  export default component;
}
