/** The event type `addEventListener` knows for a name, if any. */
export type EventOf<K extends string> = K extends keyof HTMLElementEventMap ? HTMLElementEventMap[K] : CustomEvent;

/** Every event of the given names an element fires, in order, and promises for the next ones. */
export class EventLog<N extends string> {
  readonly events: CustomEvent[] = [];
  private readonly waiting: { name: N; resolve: (event: CustomEvent) => void }[] = [];
  private readonly consumed = new Map<N, number>();

  constructor(target: EventTarget, names: readonly N[]) {
    for (const name of names) {
      target.addEventListener(name, (event) => {
        this.events.push(event as CustomEvent);
        const index = this.waiting.findIndex((waiter) => waiter.name === name);
        if (index >= 0) {
          const [waiter] = this.waiting.splice(index, 1);
          this.consumed.set(name, (this.consumed.get(name) ?? 0) + 1);
          waiter!.resolve(event as CustomEvent);
        }
      });
    }
  }

  named(name: N): CustomEvent[] {
    return this.events.filter((event) => event.type === name);
  }

  /** The names of the events fired so far, in order. */
  get names(): string[] {
    return this.events.map((event) => event.type);
  }

  /** The next event of `name` not yet handed out (one already fired counts). */
  next<K extends N>(name: K): Promise<EventOf<K>> {
    const seen = this.consumed.get(name) ?? 0;
    const fired = this.named(name);
    if (fired.length > seen) {
      this.consumed.set(name, seen + 1);
      return Promise.resolve(fired[seen] as EventOf<K>);
    }
    return new Promise((resolve) => this.waiting.push({ name, resolve: resolve as (event: CustomEvent) => void }));
  }
}
