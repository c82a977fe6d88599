/**
 * Starts the embedded database on the data folder given, as the launcher does, writes a row,
 * prints "ready", and runs until killed — the stand-in for an `npm run dev` that is then
 * killed outright (tests/integration/embedded-database.test.ts).
 */
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/services/embedded-postgres";

const embedded = await startEmbeddedPostgres({ dataDir: process.argv[2]!, port: 0 });
const client = new Client({ connectionString: embedded.url });
await client.connect();
await client.query("CREATE TABLE IF NOT EXISTS survivors (note text)");
await client.query("INSERT INTO survivors VALUES ($1)", ["written before the kill"]);
await client.end();
console.log("ready");
setInterval(() => {}, 60_000);
