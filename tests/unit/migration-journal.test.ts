/**
 * Drizzle's migrator applies a migration only when its journal `when` is later than the last one
 * applied: a migration generated with an earlier `when` than its predecessor's runs on a new
 * database and is silently skipped on every existing one. (0017–0019 carry hand-set times ahead of
 * the clock, so `drizzle-kit generate` writes an earlier one — 0020 was caught by this.)
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const folder = path.join(process.cwd(), "db", "migrations");
const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
  entries: { idx: number; when: number; tag: string }[];
};

describe("the migration journal", () => {
  it("numbers the migrations in order, each with its SQL file", () => {
    expect(journal.entries.map((entry) => entry.idx)).toEqual(journal.entries.map((_, i) => i));
    for (const entry of journal.entries)
      expect(fs.existsSync(path.join(folder, `${entry.tag}.sql`))).toBe(true);
  });

  it("dates each migration after the one before, so an existing database applies it", () => {
    const late = journal.entries.filter((entry, i) => i > 0 && entry.when <= journal.entries[i - 1]!.when);
    expect(late.map((entry) => entry.tag)).toEqual([]);
  });
});
