# syntax=docker/dockerfile:1
# IME Portal: Next's standalone output with the bundled portal server and commands (README.md,
# "Deploying"). Three stages: dependencies (with the dev ones the build needs), the build, and a
# runtime holding only what `node` runs — no npm install, no TypeScript, no dev dependencies.
#
#   docker build -t ime-portal .
#   docker run … ime-portal                                   the portal (web): node portal-server.mjs
#   docker run … ime-portal node commands/migrate.mjs         migrations (a separate, one-shot command)
#   docker run … ime-portal node commands/worker.mjs          the worker tier (background jobs, no HTTP)
#   docker run -it … ime-portal node commands/create-admin.mjs --name "…" --email …
#
# scripts/smoke-standalone.sh assembles the runtime stage's folder from the COPY lines below and
# runs this CMD, so keep each COPY --from=build on one line: one source, one destination.

ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies included: `next build` needs TypeScript, Tailwind/PostCSS and the type
# packages, and `build:server` needs esbuild.
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# next build (→ .next/standalone, .next/static) then build:server (→ dist/). The portal has no
# public/ folder today; an empty one keeps the runtime stage's COPY valid when it gets one.
RUN npm run build && mkdir -p public

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
# Owned by root, so the process (user node) cannot change its own code; only Next's cache is its own.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/dist ./
COPY --from=build /app/db/migrations ./db/migrations
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
# Alive (no dependencies checked): the orchestrator restarts a hung process. Load balancers ask
# /api/ready instead, which also checks the database, the object store and the job engine.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop): the server drains within SHUTDOWN_GRACE_MS (25 s) — give it 30 s (compose: stop_grace_period).
# Heap bound: under sustained page load the server's RSS grew from ≈ 260 MB to ≈ 1.2 GB and stayed
# there, yet a forced full GC afterwards left ≈ 150–160 MB of live heap (npm run bench:http, which
# logs process.memoryUsage() and forces a GC at the end): heap sizing, not retained data — V8's
# default old-space limit on a large host is several GB, so it grows rather than collects. 512 MB is
# ≈ 3× the live heap and above the heap in use at the load's peak (≈ 300 MB): V8 collects sooner
# instead of growing, and a leak would end in a restart instead of an unbounded process.
# Young generation: 64 MB semi-spaces, not 16 — fewer scavenges while pages render in parallel
# (services/production-node-flags.ts, which this line must match; a unit test holds it).
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=64", "portal-server.mjs"]
