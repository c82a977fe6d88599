import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig, VARIABLES, type VariableName } from "@/lib/config";

/**
 * lib/config/variables.ts, the README's Configuration table and .env.example describe the same
 * variables in the same words: a variable added to one and forgotten in another fails here, with
 * the README row or .env.example line it expects.
 */
const root = path.resolve(import.meta.dirname, "../..");
const names = Object.keys(VARIABLES) as VariableName[];

const readmeRow = (name: VariableName) =>
  `| \`${name}\` | ${VARIABLES[name].default} | ${VARIABLES[name].meaning} |`;

/** The rows of the tables in README.md's "## Configuration" section, by variable name. */
function readmeConfigurationRows(): Map<string, { default: string; meaning: string }> {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? "";
  const rows = new Map<string, { default: string; meaning: string }>();
  for (const line of section.split("\n")) {
    const cells = line
      .match(/^\|(.*)\|$/)?.[1]
      ?.split(" | ")
      .map((cell) => cell.trim());
    const name = cells?.[0]?.match(/^`([A-Z0-9_]+)`$/)?.[1];
    if (!cells || !name) continue;
    rows.set(name, { default: cells[1] ?? "", meaning: cells.slice(2).join(" | ") });
  }
  return rows;
}

/** NAME=value lines of .env.example (comments skipped). */
function envExampleValues(): Map<string, string> {
  const text = fs.readFileSync(path.join(root, ".env.example"), "utf8");
  const values = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = line.match(/^([A-Z0-9_]+)=(.*)$/);
    if (match) values.set(match[1]!, match[2]!);
  }
  return values;
}

describe("the configuration's documentation", () => {
  it("has a README Configuration row for every declared variable, with its default and meaning word for word", () => {
    const rows = readmeConfigurationRows();
    const wrong = names
      .filter((name) => {
        const row = rows.get(name);
        return row?.default !== VARIABLES[name].default || row.meaning !== VARIABLES[name].meaning;
      })
      .map(readmeRow);
    expect(wrong, "README.md rows to add or correct (Prettier aligns them)").toEqual([]);
  });

  it("documents no variable in the README Configuration table that lib/config does not declare", () => {
    const undeclared = [...readmeConfigurationRows().keys()].filter((name) => !(name in VARIABLES));
    expect(undeclared, "declare these in lib/config/variables.ts or drop their rows").toEqual([]);
  });

  it("lists every declared variable in .env.example, and nothing else", () => {
    const example = envExampleValues();
    expect(
      names.filter((name) => !example.has(name)).map((name) => `${name}=`),
      ".env.example lines to add",
    ).toEqual([]);
    expect(
      [...example.keys()].filter((name) => !(name in VARIABLES)),
      "undeclared in lib/config",
    ).toEqual([]);
  });

  it("gives in .env.example only values that are the defaults, so copying it to .env changes nothing", () => {
    const example = Object.fromEntries(envExampleValues());
    const defaults = parseConfig({});
    const fromExample = parseConfig(example);
    const differing = names.filter(
      (name) => example[name] && JSON.stringify(fromExample[name]) !== JSON.stringify(defaults[name]),
    );
    expect(differing, "clear these values in .env.example or make them the defaults").toEqual([]);
  });
});
