// @custom-elements-manifest/analyzer settings, shared by `npm run analyze` and the test that
// regenerates the manifest and compares it with the committed one. The same run writes the JSX,
// Vue and Svelte type integrations into src/types/ (copied to dist/types/ by the build), each
// generated from this manifest by the cem-tools generators, never by hand.
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

// The manifest test points this elsewhere, to compare a fresh generation with the committed files.
const typesOutdir = process.env.KLARNA_TYPES_OUTDIR ?? 'src/types';
// Relative to the generated file: src/types → src/index.ts in the repository, dist/types → dist/index.d.ts when published.
const typeOptions = { outdir: typesOutdir, globalTypePath: '../index.js', hideLogs: true };

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**', 'src/emulator/**', 'src/react/**'],
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
    {
      // A reflected read-only attribute (`state`, `show-button`) is documented with `@attr` on the
      // class and its property by a getter; the analyzer does not join the two, so tools would see
      // an attribute with no property and a property with no attribute.
      name: 'klarna-elements:link-reflected-attributes',
      packageLinkPhase({ customElementsManifest }) {
        const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
        for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
          for (const attribute of declaration.attributes ?? []) {
            const member = !attribute.fieldName && declaration.members?.find((candidate) => candidate.name === camel(attribute.name));
            if (!member) continue;
            attribute.fieldName = member.name;
            member.attribute = attribute.name;
            member.reflects = true;
          }
        }
      },
    },
    customElementJsxPlugin({ ...typeOptions, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...typeOptions, fileName: 'vue.d.ts' }),
    customElementSveltePlugin({ ...typeOptions, fileName: 'svelte.d.ts' }),
  ],
};
