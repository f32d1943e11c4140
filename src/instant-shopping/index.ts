/**
 * `klarna-elements/instant-shopping`: the Instant Shopping button host. Filled by the Instant
 * Shopping issue; the entry exists now so the package's exports map is complete from the start.
 * @module
 */
export {};
