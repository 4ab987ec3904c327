# syntax=docker/dockerfile:1
# One image recipe for every Nest app in the monorepo:
#   docker build --build-arg APP=orders -t central-kitchen/orders .
# (docker-compose.yml builds orders, procurement, delivery and aftersales from it.)

ARG NODE_IMAGE=node:20-slim

# ---- build: full dependency tree + compile every app into dist/ ----
# `npm ci` may refuse the lock (other platforms' optional swc binaries are not in it): see scripts/ensure-deps.sh.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: production dependencies + compiled output only ----
FROM ${NODE_IMAGE} AS runtime
ARG APP
RUN test -n "$APP" || { echo "build arg APP is required (orders|procurement|delivery|aftersales)" >&2; exit 1; }
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) && npm cache clean --force
COPY --from=build /app/dist ./dist
# Entry point: dist/apps/$APP/main.js, or dist/apps/$APP/src/main.js when the build keeps the
# src/ level (`swc apps libs -d dist` does). Resolved once here so a wrong layout fails the build.
RUN main="dist/apps/${APP}/main.js"; [ -f "$main" ] || main="dist/apps/${APP}/src/main.js"; \
    [ -f "$main" ] || { echo "no dist/apps/${APP}/main.js nor dist/apps/${APP}/src/main.js after 'npm run build'" >&2; exit 1; }; \
    ln -s "/app/$main" /app/main.js
USER node
# exec form: node is PID 1 and gets SIGTERM directly (graceful Nest shutdown).
CMD ["node", "/app/main.js"]
