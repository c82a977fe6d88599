/**
 * The plans behind the pages bench:http loads (issue 14: "print plans for every list and count"):
 * each persona's `/bookings` shapes and home, run in-process against the benchmark's database with
 * every statement they send captured, then EXPLAINed — one line a statement: how each table is
 * reached, and any sequential scan of `bookings`, which the issue allows in no list or count.
 * Run before the load, on its own connection.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { loadAdminHome } from "@/lib/homes/admin-home";
import { loadReferrerHome } from "@/lib/homes/referrer-home";
import { loadSpecialistHome } from "@/lib/homes/specialist-home";
import { explainShape } from "./explain-shape";

export interface PlannedPersona {
  label: string;
  email: string;
  /** Which home its `/` is: the referrer's, the specialist's or the admin's. */
  home: "referrer" | "specialist" | "admin";
}

const ZONE = "America/Chicago";

/** Prints each statement's plan; returns how many statements were explained and how many scan `bookings`. */
export async function printPagePlans(
  databaseUrl: string,
  personas: PlannedPersona[],
  shapes: [string, string][],
  print: (line: string) => void,
): Promise<{ statements: number; sequentialScans: number }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (text, params) => captured.push({ sql: text, params }) },
  });
  let statements = 0;
  let sequentialScans = 0;
  try {
    for (const persona of personas) {
      const {
        rows: [user],
      } = await pool.query<{ id: string }>("select id from users where email = $1", [persona.email]);
      const actor = await loadActor(db, user!.id, null);
      if (!actor) throw new Error(`${persona.email}: no actor`);
      const now = new Date();
      const pages: [string, () => Promise<unknown>][] = [
        ...shapes.map(([name, query]): [string, () => Promise<unknown>] => [
          name,
          () =>
            listBookingPageForViewer(
              db,
              actor,
              parseBookingListParams(Object.fromEntries(new URLSearchParams(query))),
              ZONE,
              now,
            ),
        ]),
        [
          `home (${persona.home})`,
          () =>
            persona.home === "admin"
              ? loadAdminHome(db, actor, now, ZONE)
              : persona.home === "specialist"
                ? loadSpecialistHome(db, actor, now, {})
                : loadReferrerHome(db, actor, now),
        ],
      ];
      print(`== plans: ${persona.label} (${persona.email})`);
      for (const [name, load] of pages) {
        captured.length = 0;
        await load();
        print(`  ${name}`);
        for (const statement of [...captured]) {
          const shape = await explainShape(pool, statement);
          statements += 1;
          if (shape.seqScanOfBookings) sequentialScans += 1;
          print(`    ${shape.seqScanOfBookings ? "SEQ SCAN " : ""}${shape.shape}`);
        }
      }
    }
  } finally {
    await pool.end();
  }
  return { statements, sequentialScans };
}
