/**
 * Which props of a React component set the element's properties, in the types and at run time,
 * both read from the element itself so that neither can drift from its declarations. Apart from
 * the component factory so that it needs no React.
 * @module
 */
import type { ReactiveElement } from 'lit';
import type { KlarnaElement } from '../internal/klarna-element.js';

/**
 * Whether two types are identical, `readonly` included: two generic functions are assignable only
 * when the types they test are.
 */
type IsIdentical<A, B> = (<V>() => V extends A ? 1 : 2) extends (<V>() => V extends B ? 1 : 2) ? true : false;

/** Whether `T[K]` may be assigned (a getter alone, like `state`, may not). */
type IsWritable<T, K extends keyof T> = IsIdentical<{ [P in K]: T[K] }, { -readonly [P in K]: T[K] }>;

/** What an element's class adds to `KlarnaElement`. */
type OwnMember<Element> = Exclude<keyof Element, keyof KlarnaElement>;

/**
 * The element's own properties a prop may set: what its class adds to `KlarnaElement` that may be
 * assigned and is not a method. These are its reactive properties (test/react/component-properties.test.ts
 * checks that no element has another assignable member), so the props follow its declarations.
 */
export type ElementProperty<Element> = {
  [K in OwnMember<Element>]: Element[K] extends (...args: never[]) => unknown
    ? never
    : IsWritable<Element, K> extends true ? K : never;
}[OwnMember<Element>] & string;

/** The reactive properties a prop sets: all the element declares, except lit's hydration switch, which the component drives. */
export function elementPropertyNames(elementClass: typeof ReactiveElement): string[] {
  return [...elementClass.elementProperties.keys()].filter((name): name is string => typeof name === 'string' && name !== 'deferHydration');
}
