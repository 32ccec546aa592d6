# syntax=docker/dockerfile:1
# Multi-stage build of the single production process: the API serving the built SPA.

FROM node:24-bookworm-slim AS build
WORKDIR /repo
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@10.34.9
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/client/package.json packages/client/
COPY packages/db/package.json packages/db/
COPY packages/generators/package.json packages/generators/
COPY packages/shared/package.json packages/shared/
COPY tools/github-emulator/package.json tools/github-emulator/
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 pnpm install --frozen-lockfile
COPY . .
RUN pnpm build \
  && pnpm --filter @botsmith/api deploy --legacy --prod /prod/api \
  && rm -rf /prod/api/dist && cp -r apps/api/dist /prod/api/dist \
  && cp -r apps/web/dist /prod/web

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 WEB_DIST_DIR=/app/web DATA_DIR=/data
WORKDIR /app/api
COPY --from=build --chown=node:node /prod/api /app/api
COPY --from=build --chown=node:node /prod/web /app/web
# Lockfiles of generated projects are resolved with npm (in the image) and pnpm.
RUN npm install -g pnpm@10.34.9 && mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
