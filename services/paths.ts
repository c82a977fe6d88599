import path from "node:path";

/** Everything the embedded default keeps on disk lives under .data/ (git-ignored). */
export const DATA_DIR = path.join(process.cwd(), ".data");
/** The embedded PostgreSQL cluster (plus postgres.password and postgres.log beside it). */
export const POSTGRES_DIR = path.join(DATA_DIR, "postgres");
export const AUTH_SECRET_FILE = path.join(DATA_DIR, "auth-secret");
