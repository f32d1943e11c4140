// @custom-elements-manifest/analyzer settings, shared by `npm run analyze` and the test that
// regenerates the manifest and compares it with the committed one.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**', 'src/emulator/**'],
  litelement: true,
  // package.json names the manifest already; a regeneration elsewhere must not rewrite it.
  packagejson: false,
};
