/**
 * The V8 flags of every production start of the portal server — the image's CMD, `npm start`,
 * `npm run start:embedded` (scripts/portal.ts) and bench:http's server; tests/unit/
 * production-node-flags.test.ts holds the two that cannot import this (package.json, Dockerfile)
 * to the same words. ARCHITECTURE.md, "Memory", has the figures.
 *
 * - Old space 512 MB: V8's default on a large host is several GB, and the heap grew toward it
 *   under load (≈ 1.2 GB RSS) though a forced GC left ≈ 158 MB live; 512 is ≈ 3× that.
 * - Each young-generation semi-space 64 MB (V8's default on this Node: 16): with 8 pages rendering
 *   at once the young generation filled every few pages, and each scavenge copied the live state
 *   of every render in flight — at 1,000,000 bookings, 200 scavenges for 800 `/bookings` pages, ≈ 1
 *   ms of pause a page; with 64 MB, 48 scavenges and ≈ 0.6 ms, and the server's CPU a page fell
 *   ≈ 1.5–3 ms (of 12–19). The cost: up to 128 MB more heap at the peak of a load, which the
 *   memory reducer gives back within a minute or two of it ending.
 */
export const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=512", "--max-semi-space-size=64"] as const;
