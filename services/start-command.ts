import type { VariableName } from "@/lib/config";
import { checkConfigAtStartup, type ConfigWith, type Requirements } from "@/lib/config/startup";
import { loadCommandEnv } from "./command-env";

/**
 * The first line of every command: loads the `.env` files, then parses the whole configuration
 * and checks what this command needs (lib/config/startup.ts). A malformed variable — or, with
 * NODE_ENV=production, a missing required one — stops it with one message listing them all.
 */
export function startCommand<Always extends VariableName = never>(
  name: string,
  needs: Requirements<Always> = {},
  dev?: boolean,
): ConfigWith<Always> {
  loadCommandEnv(dev);
  return checkConfigAtStartup(name, needs);
}
