import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AUTH_SECRET_FILE } from "./paths";

/** The embedded default's BETTER_AUTH_SECRET: generated once into .data/, then reused. */
export function readOrCreateAuthSecret(file = AUTH_SECRET_FILE): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
