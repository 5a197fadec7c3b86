# One Dockerfile for every service and tool of the workspace:
#   docker build --build-arg PACKAGE=@connector/crm-interface -t connector/crm-interface .
# The build stage compiles the whole workspace once; the runtime stage holds only the chosen
# package and its production dependencies (pnpm deploy), so images stay small.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
ENV COREPACK_INTEGRITY_KEYS=0
RUN corepack enable
WORKDIR /repo
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
RUN pnpm fetch --frozen-lockfile
COPY . .
RUN pnpm install --frozen-lockfile --offline && pnpm build
ARG PACKAGE
RUN test -n "$PACKAGE" && pnpm --filter "$PACKAGE" deploy --prod --legacy /out

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out ./
USER node
CMD ["node", "dist/main.js"]
