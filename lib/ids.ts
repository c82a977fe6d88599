import { createHash, randomFillSync } from "node:crypto";
import { hostname } from "node:os";

/**
 * Every id in the portal — seed tables and better-auth alike — is a cuid2 made here: the
 * algorithm and shape of @paralleldrive/cuid2's `createId` (a random lowercase letter, then 23
 * base-36 characters of SHA3-512 over time + random salt + counter + host fingerprint), with
 * Node's native SHA3 and BigInt. The package hashes in JavaScript and converts through
 * BigNumber: ~290 µs an id on the 2-core benchmark machine against ~10 µs here, and every
 * audited write makes several ids (a webhook delivery, a booking, its progress and audit rows).
 * Invitation ids are secrets, so all randomness is the CSPRNG's.
 */
const ID_LENGTH = 24;
const BIG_LENGTH = 32;

// Random numbers in [0, 1) from the CSPRNG, drawn 4 KiB at a time rather than one syscall each.
const pool = new Uint32Array(1024);
let poolAt = pool.length;
function random(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return pool[poolAt++]! / 0x1_0000_0000;
}

function entropy(length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(random() * 36).toString(36);
  return out;
}

/** SHA3-512 as one big number in base 36, first digit dropped (it skews the histogram), as cuid2 does. */
function hashToBase36(input: string): string {
  return BigInt(`0x${createHash("sha3-512").update(input).digest("hex")}`)
    .toString(36)
    .slice(1);
}

const fingerprint = hashToBase36(`${hostname()}${process.pid}${entropy(BIG_LENGTH)}`).slice(0, BIG_LENGTH);
// Starts anywhere in cuid2's range so two processes started together do not count in step.
let counter = Math.floor(random() * 476_782_367);

export function newId(): string {
  const letter = String.fromCharCode(97 + Math.floor(random() * 26));
  const input = `${Date.now().toString(36)}${entropy(ID_LENGTH)}${(counter++).toString(36)}${fingerprint}`;
  return letter + hashToBase36(input).substring(1, ID_LENGTH);
}
