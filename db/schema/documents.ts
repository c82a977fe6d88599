import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, varchar } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bookings } from "./bookings";
import { createdAtColumn, idColumn, userRef } from "./columns";
import { DOCUMENT_CATEGORIES, sqlList } from "./enums";

export const documents = pgTable(
  "documents",
  {
    id: idColumn(),
    bookingId: varchar("booking_id", { length: 255 })
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    uploadedById: userRef("uploaded_by_id")
      .notNull()
      .references(() => users.id),
    s3Key: varchar("s3_key", { length: 500 }).notNull().unique(),
    fileName: varchar("file_name", { length: 255 }).notNull(),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    mimeType: varchar("mime_type", { length: 100 }).notNull(),
    category: varchar("category", { length: 50, enum: DOCUMENT_CATEGORIES }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    check("documents_category_check", sql.raw(`category IN (${sqlList(DOCUMENT_CATEGORIES)})`)),
    index("idx_documents_booking").on(t.bookingId),
    index("idx_documents_category").on(t.category),
    index("idx_documents_uploaded_by").on(t.uploadedById),
  ],
);
