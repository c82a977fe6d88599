/**
 * Gives the integration run a fresh, migrated database and removes it afterwards:
 * a new database on the DATABASE_URL server, or — without one — an in-memory embedded
 * Postgres served on a free port.
 */
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "./scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = await createScratchDatabase("ime_test");
  await migrateDatabase(scratch.url);
  project.provide("databaseUrl", scratch.url);
  return async () => {
    await scratch.drop();
  };
}
