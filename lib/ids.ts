import { createId } from "@paralleldrive/cuid2";

/** Every id in the portal — seed tables and better-auth alike — is a cuid2 made here. */
export const newId = (): string => createId();
