import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/**
 * A real database failure at the audit step: installs a BEFORE INSERT trigger on audit_logs
 * that raises for the rows `condition` (SQL over NEW) picks — a file's own marked rows only,
 * since other files write audit rows to the same database at the same time. Returns the
 * function that removes it.
 */
export async function failAuditRowsWhere(condition: string): Promise<() => Promise<void>> {
  const name = `fail_marked_audit_${randomBytes(4).toString("hex")}`;
  await getDb().execute(
    sql.raw(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${condition} THEN
        RAISE EXCEPTION 'audit storage failed (test)';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER ${name} BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION ${name}();`),
  );
  return async () => {
    await getDb().execute(sql.raw(`DROP TRIGGER ${name} ON audit_logs; DROP FUNCTION ${name}();`));
  };
}
