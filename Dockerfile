# syntax=docker/dockerfile:1
# Build: docker compose build (or docker build -t veo-discord-bot .). See the README, "Running it as a service".
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency, the TypeScript compiled to dist/, then the dev dependencies pruned ---
FROM ${NODE_IMAGE} AS build
# better-sqlite3 downloads a prebuilt binary; these build it from source where none fits the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY db db
COPY commands commands
# Pruned here, not installed again below: the runtime keeps the native module built above. The
# image uses Debian's ffmpeg (security updates), so the npm build of it is left out.
RUN npm run build && npm prune --omit=dev --omit=optional

# --- runtime: production dependencies and the compiled bot, run by the unprivileged node user ---
FROM ${NODE_IMAGE}
# Copies that fit the upload limit, Extend and Join: found on the PATH at start.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATABASE_PATH=/data/veo-bot.db \
    HTTP_PORT=8080
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# A new named volume takes the owner of the folder it is mounted on.
RUN mkdir /data && chown node:node /data && chmod 700 /data
VOLUME /data
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# node itself, not npm: the bot's own process receives SIGTERM and shuts down cleanly. The flags
# are npm start's: a small young generation and a JIT that favours size keep idle memory low.
CMD ["node", "--max-semi-space-size=1", "--optimize-for-size", "dist/src/index.js"]
