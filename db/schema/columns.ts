import { timestamp, varchar } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";

/** Seed tables use VARCHAR(255) ids; the application fills them with cuid2 (never the database). */
export const idColumn = () => varchar("id", { length: 255 }).primaryKey().$defaultFn(newId);
export const userRef = (name: string) => varchar(name, { length: 255 });
export const createdAtColumn = () => timestamp("created_at", { withTimezone: true }).defaultNow();
export const updatedAtColumn = () => timestamp("updated_at", { withTimezone: true }).defaultNow();
