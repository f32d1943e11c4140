/**
 * Which props of a React component set the element's properties, in the types and at run time,
 * both read from the element itself so that neither can drift from its declarations. Apart from
 * the component factory so that it needs no React.
 * @module
 */
import type { ReactiveElement } from 'lit';
import type { KlarnaElement } from '../internal/klarna-element.js';

/** Whether `T[K]` may be assigned (a getter alone, like `state`, may not). */
type IsWritable<T, K extends keyof T> =
  (<V>() => V extends { [P in K]: T[K] } ? 1 : 2) extends (<V>() => V extends { -readonly [P in K]: T[K] } ? 1 : 2) ? true : false;

/**
 * The element's own properties a prop may set: what its class adds to `KlarnaElement` that may be
 * assigned and is not a method. These are its reactive properties (test/react/component-properties.test.ts
 * checks that no element has another assignable member), so the props follow its declarations.
 */
export type ElementProperty<Element> = {
  [K in Exclude<keyof Element, keyof KlarnaElement>]: Element[K] extends (...args: never[]) => unknown ? never : IsWritable<Element, K> extends true ? K : never;
}[Exclude<keyof Element, keyof KlarnaElement>] & string;

/** The reactive properties a prop sets: all the element declares, except lit's hydration switch, which the component drives. */
export function elementPropertyNames(elementClass: typeof ReactiveElement): string[] {
  return [...elementClass.elementProperties.keys()].filter((name): name is string => typeof name === 'string' && name !== 'deferHydration');
}
