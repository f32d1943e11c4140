/** Builds the stand-ins' markup (both emulated SDKs) with DOM calls, never HTML strings: listeners for `on…`, attributes otherwise. */
export type Attributes = Record<string, string | number | boolean | undefined | EventListener>;

export function element(
  doc: Document,
  tag: string,
  attributes: Attributes = {},
  ...children: (Node | string | false | undefined)[]
): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value !== false && value !== undefined) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== false && child !== undefined) node.append(child);
  return node;
}
