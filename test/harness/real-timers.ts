// Captured when the harness is first imported, so `vi.useFakeTimers()` in a
// test cannot freeze long polling, leases or waitForCall timeouts.
export const realSetTimeout = globalThis.setTimeout;
export const realClearTimeout = globalThis.clearTimeout;
export const realSetImmediate = globalThis.setImmediate;
export const realNow = Date.now;
