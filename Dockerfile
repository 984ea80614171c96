# One image for the web server and the worker: `node dist/start.mjs` (the default) runs the web
# server, and the worker too unless INGEST_WORKER=off; `node dist/worker.mjs` runs a worker alone.
# compose.yaml runs it with PostgreSQL; docs/operations.md ("Container") tells how.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The packages the compiled launcher and worker import (the web server carries its own, traced by
# Next into .next/standalone/node_modules).
FROM node:24-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:24-bookworm-slim
# glibc returns freed memory to the system (lib/process/malloc-trim.ts), and `node dist/worker.mjs`
# run alone gets it too; the launcher would otherwise restart itself once to set it.
ENV NODE_ENV=production PORT=3000 MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/.next/standalone ./.next/standalone
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/lib/samples/policies ./lib/samples/policies
# The embedded database's folder, for a container run without DATABASE_URL (mount a volume on it).
RUN mkdir .data && chown node:node .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/start.mjs"]
