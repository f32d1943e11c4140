/**
 * Shared IntersectionObservers, one per root margin, so fifty placements on a page cost one
 * observer rather than fifty.
 */

type VisibilityCallback = (isIntersecting: boolean) => void;

interface SharedObserver {
  observer: IntersectionObserver;
  callbacks: Map<Element, VisibilityCallback>;
}

const observers = new Map<string, SharedObserver>();

/**
 * Calls `callback` with whether `element` is at least partly inside the viewport grown by
 * `rootMargin` (once at once, then on every change). Returns the function that stops it.
 */
export function observeVisibility(element: Element, callback: VisibilityCallback, rootMargin = '0px'): () => void {
  let shared = observers.get(rootMargin);
  if (!shared) {
    const callbacks = new Map<Element, VisibilityCallback>();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) callbacks.get(entry.target)?.(entry.isIntersecting);
    }, { rootMargin, threshold: 0 });
    shared = { observer, callbacks };
    observers.set(rootMargin, shared);
  }
  const { observer, callbacks } = shared;
  callbacks.set(element, callback);
  observer.observe(element);
  return () => {
    if (callbacks.get(element) !== callback) return;
    callbacks.delete(element);
    observer.unobserve(element);
    // Chromium keeps the first element an observer ever observed alive for the observer's life: an
    // observer nothing uses goes, so a long SPA session retains no removed placement.
    if (!callbacks.size) {
      observer.disconnect();
      observers.delete(rootMargin);
    }
  };
}
