import path from "node:path";

/** Everything the embedded default keeps on disk lives under .data/ (git-ignored). */
export const DATA_DIR = path.join(process.cwd(), ".data");
export const PGLITE_DIR = path.join(DATA_DIR, "pglite");
export const AUTH_SECRET_FILE = path.join(DATA_DIR, "auth-secret");
