import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";

/**
 * pg-boss runs its SQL through a `Db` ({ executeSql(text, values) }). Handing it this wrapper of
 * a drizzle transaction makes `send()` part of that transaction: a rolled-back change enqueues
 * nothing, a committed one always has its job. (pg-boss 12 ships the same adapter as
 * `fromDrizzle`; it needs Node 22, the portal runs on 20.) pg-boss writes `$n` placeholders, a
 * number possibly used twice; each becomes a drizzle parameter in the order it appears.
 */
export function drizzleExecutor(db: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const pieces = text.split(/\$(\d+)/);
      const strings: string[] = [];
      const params: unknown[] = [];
      pieces.forEach((piece, index) => {
        if (index % 2 === 0) strings.push(piece);
        else params.push(values[Number(piece) - 1]);
      });
      const template = Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
      // sql.param: drizzle would render a bare `undefined` as nothing; pg sends it as NULL.
      const result = await db.execute(sql(template, ...params.map((value) => sql.param(value))));
      return { rows: result.rows };
    },
  };
}
