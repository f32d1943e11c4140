/**
 * The vite plugins of the bundles this package builds itself: the CDN files (scripts/cdn-files.ts),
 * the demo's dev server (vite.config.ts), and the bench and size test that measure an entry the
 * same way (test/bench/bundle.ts).
 */
import type { Plugin } from 'vite';
import { transform as transformCss } from 'lightningcss';
import { minify } from 'terser';

export function cdnPlugins({ terser = true }: { terser?: boolean } = {}): Plugin[] {
  const plugins = [minifiedStyles(), fieldDecorators(), ownExportsOnly()];
  return terser ? [...plugins, terserFinish()] : plugins;
}

/** The bundler's runtime module, whose helpers every chunk shares. */
const ROLLDOWN_RUNTIME = /rolldown\/runtime\.js$/;
/** Its helper that builds a module namespace object from an object of getters. */
const EXPORT_ALL_LOOP = 'for (var name in all) {';

/**
 * Rolldown's runtime builds a module namespace (`klarna-elements.js` has one for each module it
 * loads on demand, since it is one file) with `for (var name in all)`, which also walks what a
 * page's other scripts put on Object.prototype: with `Object.prototype.foo = {}` on the page,
 * defining the namespace's `foo` getter threw and the whole file failed to load. The loop here
 * takes the object's own keys only. A runtime whose loop has another shape fails the build, rather
 * than ship the old one unnoticed.
 */
function ownExportsOnly(): Plugin {
  return {
    name: 'klarna-elements:own-exports-only',
    transform(code, id) {
      if (!ROLLDOWN_RUNTIME.test(id) || !code.includes('__exportAll')) return null;
      if (!code.includes(EXPORT_ALL_LOOP)) {
        throw new Error(`${id}: __exportAll no longer loops with "${EXPORT_ALL_LOOP}": check that it still reads inherited keys`);
      }
      return { code: code.replace(EXPORT_ALL_LOOP, 'for (var name of Object.keys(all)) {'), map: null };
    },
  };
}

/** A style module's constant text, as `unsafeCSS` takes it (a lint rule keeps it constant: nothing interpolated). */
const STYLE_TEXT = /unsafeCSS\(`([^`$\\]*)`\)/g;

/**
 * The elements' styles are written to be read (one declaration a line, comments) in
 * `*.styles.ts`, as constant text given to `unsafeCSS`; the bundle ships them minified by
 * lightningcss, as Vite minifies a `.css` file. The npm build (tsc) leaves them as written: an
 * application's bundler decides there.
 */
function minifiedStyles(): Plugin {
  return {
    name: 'klarna-elements:minified-styles',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.styles\.ts$/.test(id)) return null;
      const minified = code.replace(STYLE_TEXT, (_match, css: string) => {
        const result = transformCss({ code: Buffer.from(css), filename: id, minify: true });
        return `unsafeCSS(\`${result.code.toString()}\`)`;
      });
      return { code: minified, map: null };
    },
  };
}

const HELPER = '@oxc-project/runtime/helpers/decorate';
const FIELD_DECORATE = '\0klarna-elements:field-decorate';

/**
 * TypeScript's experimental decorators compile to calls of a generic `decorate` helper (class,
 * method and accessor decorators, `Reflect.decorate` for reflect-metadata), about 110 B gzip. The
 * elements use one decorator, `@property` on fields (an ESLint rule keeps it so), which only needs
 * each decorator called with the prototype and the field name; the bundle gets that helper instead.
 *
 * The npm build is tsc's, which imports the generic helper from tslib: one copy per application,
 * shared with every other package that uses it.
 */
function fieldDecorators(): Plugin {
  return {
    name: 'klarna-elements:field-decorators',
    // After vite's own TypeScript transform, which is what adds the helper's import.
    enforce: 'post',
    transform(code) {
      // The import line changes and no line moves: the source map stays as it is.
      return code.includes(HELPER) ? { code: code.replaceAll(`"${HELPER}"`, JSON.stringify(FIELD_DECORATE)), map: null } : null;
    },
    resolveId(id) {
      return id === FIELD_DECORATE ? id : null;
    },
    load(id) {
      if (id !== FIELD_DECORATE) return null;
      // Last decorator first, as TypeScript applies them; a field decorator returns nothing to use.
      return 'export default function decorate(decorators, prototype, name) { for (let i = decorators.length; i--; ) decorators[i](prototype, name); }';
    },
  };
}

/**
 * After vite's minifier (oxc), terser's compress passes over each chunk: about 200 B gzip less on
 * the OSM-only entry than oxc alone, and less than terser alone. The source map is carried through.
 */
function terserFinish(): Plugin {
  return {
    name: 'klarna-elements:terser-finish',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          module: true,
          ecma: 2020,
          compress: { passes: 3, unsafe_arrows: true, pure_getters: true, keep_fargs: false },
          format: { comments: false },
          // Terser writes the `sourceMappingURL` comment again, which it drops with the other comments.
          ...(chunk.map && { sourceMap: { content: JSON.stringify(chunk.map), url: `${chunk.fileName.split('/').pop()!}.map`, includeSources: true } }),
        });
        chunk.code = result.code!;
        const map = bundle[`${chunk.fileName}.map`];
        if (chunk.map && typeof result.map === 'string' && map?.type === 'asset') {
          chunk.map = Object.assign(chunk.map, JSON.parse(result.map) as object);
          map.source = result.map;
        }
      }
    },
  };
}
