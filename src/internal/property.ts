/**
 * `@property` for the elements: lit's `createProperty`, as lit's own decorator calls it for
 * TypeScript's experimental decorators (what this package compiles with, see tsconfig.json).
 * Lit's decorator also carries the standard-decorator path, which no build of this package uses
 * and every OSM-only page would download; the manifest analyzer and lit-analyzer read this one by
 * its name, as they read lit's.
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

export function property(options?: PropertyDeclaration) {
  return (prototype: ReactiveElement, name: PropertyKey): void => {
    (prototype.constructor as typeof ReactiveElement).createProperty(name, options);
  };
}
