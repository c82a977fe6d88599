import { getTableName, sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * `"table"."column"`, whatever query it ends up in. In the select list of a single-table query
 * drizzle writes an interpolated column as a bare `"id"`; inside a correlated subquery that bare
 * name binds to the subquery's own table, so `(SELECT count(*) FROM members m WHERE
 * m.organization_id = ${organizations.id})` silently counts nothing. Use this for every outer
 * column referenced from inside a subquery written as raw `sql`.
 */
export function qualifiedColumn(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
