/**
 * Every production start runs the server with the same V8 heap sizes (services/
 * production-node-flags.ts). scripts/portal.ts and bench:http import them; package.json's `start`
 * and the image's CMD cannot, so they are read here: a flag changed in one place and not the others
 * would leave `npm start` or the image on V8's defaults — a heap that grows to gigabytes.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NODE_FLAGS } from "@/services/production-node-flags";

const flagsIn = (command: readonly string[]) => command.filter((word) => word.startsWith("--max-"));

describe("the production server's V8 flags", () => {
  it("bound the old space and enlarge the young generation", () => {
    expect(PRODUCTION_NODE_FLAGS).toContain("--max-old-space-size=512");
    expect(PRODUCTION_NODE_FLAGS).toContain("--max-semi-space-size=64");
  });

  it("are npm start's", () => {
    const scripts = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(flagsIn(scripts.start!.split(" "))).toEqual([...PRODUCTION_NODE_FLAGS]);
  });

  it("are the image's", () => {
    const cmd = fs
      .readFileSync("Dockerfile", "utf8")
      .split("\n")
      .filter((line) => line.startsWith("CMD ") && line.includes("portal-server"));
    expect(cmd).toHaveLength(1);
    expect(flagsIn(JSON.parse(cmd[0]!.slice(4)) as string[])).toEqual([...PRODUCTION_NODE_FLAGS]);
  });
});
