/** A process whose Object.prototype carries fields, as a buggy merge or a prototype-pollution bug leaves it. */

/** Runs `body` with `fields` set on Object.prototype (enumerable, as an assignment sets them), then removes them whatever happens. */
export async function withPollutedPrototype<T>(fields: Record<string, unknown>, body: () => Promise<T> | T): Promise<T> {
  const prototype = Object.prototype as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) prototype[name] = value;
  try {
    return await body();
  } finally {
    for (const name of Object.keys(fields)) delete prototype[name];
  }
}
