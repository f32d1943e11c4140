/**
 * Makes a React component of one of the elements. Our own rather than @lit/react's, for two
 * reasons: @lit/react makes every install pull `@types/react` (a required peer dependency), and
 * it renders no configuration on the server, so a server-rendered element waits for hydration
 * before it can start. Here a string, number or boolean prop whose property has an attribute is
 * rendered as that attribute, identically on the server and the client, so the server's HTML
 * already carries it (and hydration sees the same markup); everything else (objects, arrays,
 * properties without an attribute) is set as a property once React has committed, and `on…`
 * props become event listeners. Works with React 17, 18 and 19.
 * @module
 */
import * as React from 'react';
import type { ReactiveElement } from 'lit';
import { elementPropertyNames, type ElementProperty } from './element-properties.js';

/** An event prop's handler gets the element's typed event. */
type EventHandlers<Events> = { [Prop in keyof Events]?: (event: Events[Prop]) => void };

/** The props of a component made by {@link createComponent}: element properties, typed event handlers, and the usual HTML attributes. */
export type ElementComponentProps<Element extends HTMLElement, Property extends keyof Element, Events> =
  Omit<React.HTMLAttributes<Element>, Property | keyof Events> &
  Partial<Pick<Element, Property>> &
  EventHandlers<Events> &
  React.RefAttributes<Element>;

export interface ComponentDefinition<Element extends HTMLElement, Events> {
  tagName: string;
  /** The element's class: its reactive properties (lit's `elementProperties`) are the props that set properties. */
  elementClass: typeof ReactiveElement & { prototype: Element };
  /** Event props and the event each listens to, e.g. `{ onRender: 'klarna-osm-render' }`; the type argument gives each handler its event type. */
  events: { readonly [Prop in keyof Events]: string };
  displayName: string;
  /**
   * The element adds light-DOM children of its own (a button's container): it is rendered with
   * `defer-hydration` whatever its props, so that it adds nothing to markup React is still hydrating.
   */
  addsChildren?: boolean;
}

/** React's own props, handed to it unchanged (`className` becomes the custom element's `class`). */
const REACT_PROPS = new Set(['children', 'ref', 'key', 'style', 'className', 'suppressHydrationWarning']);

/** On the server nothing is committed, so a layout effect would only earn React 17/18's warning. */
const useCommitEffect = typeof window === 'undefined' ? React.useEffect : React.useLayoutEffect;

type Handler = (event: Event) => void;

/** The attribute lit reads a property from, if it has one. */
function attributeOf(elementClass: typeof ReactiveElement, property: string): string | undefined {
  const declaration = elementClass.elementProperties.get(property);
  if (!declaration || declaration.attribute === false) return undefined;
  return typeof declaration.attribute === 'string' ? declaration.attribute : property.toLowerCase();
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A primitive prop as its attribute's value, as lit reads it back: `true` is present and empty, `false` absent. */
function attributeValue(value: string | number | boolean): string | undefined {
  if (value === true) return '';
  if (value === false) return undefined;
  return String(value);
}

export function createComponent<Element extends HTMLElement, Events>(
  definition: ComponentDefinition<Element, Events>,
): React.ForwardRefExoticComponent<
  React.PropsWithoutRef<ElementComponentProps<Element, ElementProperty<Element>, Events>> & React.RefAttributes<Element>
> {
  type Property = ElementProperty<Element>;
  type Props = ElementComponentProps<Element, Property, Events>;
  const { tagName, elementClass, events, displayName, addsChildren = false } = definition;
  const properties = new Set(elementPropertyNames(elementClass));
  const eventNames = new Map<string, string>(Object.entries(events as Record<string, string>));
  const component = React.forwardRef<Element, Props>((props, forwardedRef) => {
    const element = React.useRef<Element | null>(null);
    /** Properties this component set on the element, so a prop that goes away is unset. */
    const setProperties = React.useRef(new Set<string>());
    /** The handler each listener calls: replaced on every commit, so each listener is added once. */
    const handlers = React.useRef(new Map<string, Handler | undefined>());
    const reactProps: Record<string, unknown> = { suppressHydrationWarning: true };
    const elementProps = new Map<string, unknown>();
    const attributeProps = new Set<string>();
    /**
     * Number and boolean props, given again as the property once committed: React 19 and Preact set
     * a prop as the element's property when it has one by that name (`amount`, `disabled`), with the
     * attribute's text, which would make `amount` a string and `disabled` an empty, false string.
     */
    const typedProps = new Map<string, number | boolean>();
    const eventProps = new Map<string, Handler | undefined>();
    for (const [name, value] of Object.entries(props)) {
      if (name === 'className') reactProps.class = value;
      else if (REACT_PROPS.has(name)) reactProps[name] = value;
      else if (eventNames.has(name)) eventProps.set(name, value as Handler | undefined);
      else if (properties.has(name)) {
        const attribute = attributeOf(elementClass, name);
        // The same on the server and in the browser, so hydration finds what the server sent.
        if (attribute && isPrimitive(value)) {
          reactProps[attribute] = attributeValue(value);
          attributeProps.add(name);
          if (typeof value !== 'string') typedProps.set(name, value);
        } else if (value !== undefined && value !== null) elementProps.set(name, value);
      } else reactProps[name] = value;
    }

    useCommitEffect(() => {
      const node = element.current;
      if (!node) return;
      const listeners = [...eventNames].map(([prop, type]) => {
        const listener = (event: Event) => handlers.current.get(prop)?.(event);
        return [type, listener] as const;
      });
      for (const [type, listener] of listeners) node.addEventListener(type, listener);
      return () => {
        for (const [type, listener] of listeners) node.removeEventListener(type, listener);
      };
    }, []);

    useCommitEffect(() => {
      const node = element.current as unknown as (HTMLElement & Record<string, unknown>) | null;
      if (!node) return;
      for (const [name, value] of elementProps) node[name] = value;
      for (const [name, value] of typedProps) node[name] = value;
      // Everything is handed over: the element may start.
      node.removeAttribute('defer-hydration');
      // A property this component set and no longer gives (not even as its attribute) goes back to unset.
      for (const name of setProperties.current) {
        if (!elementProps.has(name) && !attributeProps.has(name)) node[name] = undefined;
      }
      setProperties.current = new Set(elementProps.keys());
      handlers.current = eventProps;
    });

    reactProps.ref = React.useCallback(
      (node: Element | null) => {
        element.current = node;
        if (typeof forwardedRef === 'function') forwardedRef(node);
        else if (forwardedRef) forwardedRef.current = node;
      },
      [forwardedRef],
    );
    // Properties still to come (set once React has committed): until then the element waits, rather
    // than start, or complain, with what the attributes alone give it. Rendered on the server too.
    if (elementProps.size > 0 || addsChildren) reactProps['defer-hydration'] = '';
    return React.createElement(tagName, reactProps);
  });
  component.displayName = displayName;
  return component;
}
