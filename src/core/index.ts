/**
 * The shared core of klarna-elements: endpoints, HTTP, cache, script loader and beacon. The bottom
 * layer: it imports nothing of the library's, so the protocol layer, the elements, the server
 * helpers and the emulator can all build on it.
 * @module
 */
export * from './markets.js';
export * from './endpoints.js';
export * from './redact.js';
export * from './http.js';
export * from './http-errors.js';
export * from './request-json.js';
export * from './cache.js';
export * from './cached-request.js';
export * from './script.js';
export * from './beacon.js';
export * from './wait.js';
export * from './json.js';
