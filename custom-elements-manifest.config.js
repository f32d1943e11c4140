// @custom-elements-manifest/analyzer settings, shared by `npm run analyze` and the test that
// regenerates the manifest and compares it with the committed one.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**', 'src/emulator/**'],
  litelement: true,
  // package.json names the manifest already; a regeneration elsewhere must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its file search finds them, which varies from run
      // to run; sorted, the manifest is the same for the same code.
      name: 'klarna-elements:stable-module-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
