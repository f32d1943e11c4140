// As `npm create nuxt` makes it, with the docs' one line for the tags (vue.compilerOptions), and
// where the test's emulator is: set when the built server starts (NUXT_PUBLIC_KLARNA_API_URL, …).
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  vue: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('klarna-') } },
  runtimeConfig: { public: { klarnaApiUrl: '', klarnaClientId: '' } },
});
