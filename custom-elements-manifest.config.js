// @custom-elements-manifest/analyzer settings, shared by `npm run analyze` and the test that
// regenerates the manifest and compares it with the committed one. The same run writes the JSX,
// Vue and Svelte type integrations into src/types/ (copied to dist/types/ by the build), each
// generated from this manifest (JSX by the cem-tools generator; Vue and Svelte by our own, see
// scripts/framework-types.js), never by hand.
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { svelteTypesPlugin, vueTypesPlugin } from './scripts/framework-types.js';

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
            if (attribute.fieldName) continue;
            const member = declaration.members?.find((candidate) => candidate.name === camel(attribute.name));
            // An attribute of a built-in property (`nonce`): the element's own property by that name.
            attribute.fieldName = camel(attribute.name);
            if (!member) continue;
            attribute.fieldName = member.name;
            member.attribute = attribute.name;
            member.reflects = true;
          }
        }
      },
    },
    {
      // The code imports `./x.component.js` (NodeNext), so the analyzer points definitions and
      // inherited members at `/src/…/x.component.js` while the module itself is `src/…/x.component.ts`.
      // Tools that follow the reference (api-viewer in the demo's docs page) then find nothing.
      name: 'klarna-elements:module-references',
      packageLinkPhase({ customElementsManifest }) {
        const paths = new Set(customElementsManifest.modules.map((module) => module.path));
        const fix = (reference, from) => {
          if (typeof reference?.module !== 'string') return;
          // Relative references (a re-export's `./define.js`) are relative to the module that holds them.
          const absolute = reference.module.startsWith('.') ? new URL(reference.module, `file:///${from}`).pathname : reference.module;
          const path = absolute.replace(/^\//, '').replace(/\.js$/, '.ts');
          if (paths.has(path)) reference.module = path;
        };
        const visit = (value, from) => {
          if (Array.isArray(value)) value.forEach((item) => visit(item, from));
          else if (value && typeof value === 'object') {
            fix(value, from);
            Object.values(value).forEach((item) => visit(item, from));
          }
        };
        for (const module of customElementsManifest.modules) visit(module, module.path);
      },
    },
    customElementJsxPlugin({ ...typeOptions, fileName: 'jsx.d.ts' }),
    vueTypesPlugin(typeOptions),
    svelteTypesPlugin(typeOptions),
  ],
};
