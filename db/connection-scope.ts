import { AsyncResource } from "node:async_hooks";
import { StatementNamingClient } from "./named-statement";

/**
 * Pooled connections are opened outside any request.
 *
 * Why: Node stamps every async resource — a connection's socket — with the AsyncLocalStorage
 * stores of the code that created it, and the socket's events run in them for as long as it
 * lives. A pooled connection outlives the request that happened to open it by minutes and then
 * serves every later one, so it held on to that request's stores: the pool's "idle connection
 * lost" warning carried the log context (request id, route, user) of whoever opened the
 * connection, and the socket kept that request's Next and React state reachable — one of the
 * anchors of the chain services/abort-reason-stacks.ts breaks (alone, this did not bound memory:
 * other long-lived things anchor it too).
 *
 * The scope is an async resource made at process start, before anything is served (the portal
 * server calls prepareConnectionScope first thing); a connection opened inside it starts with
 * that empty context. A query's answer still reaches its caller in the caller's context: an
 * `await` resumes where it was made. Shared through globalThis: Next's bundles load their own
 * copy of this module.
 */
const SCOPE_KEY = "__imeDatabaseConnectionScope";
const shared = globalThis as Record<string, unknown>;

/** Call once at process start, outside any request: the context connections are opened in. */
export function prepareConnectionScope(): void {
  shared[SCOPE_KEY] ??= new AsyncResource("ime-database-connections");
}

function connectionScope(): AsyncResource {
  // A process that did not prepare one (a command, a test) makes it on its first connection;
  // those serve no requests, so whatever context that is holds nothing of a request's.
  prepareConnectionScope();
  return shared[SCOPE_KEY] as AsyncResource;
}

/** The pool's client: StatementNamingClient, connecting in the connection scope. */
export class PortalClient extends StatementNamingClient {
  // pg's connect() takes a callback (the pool) or returns a promise; both pass through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override connect(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return connectionScope().runInAsyncScope(() => (super.connect as (...a: any[]) => any)(...args));
  }
}
