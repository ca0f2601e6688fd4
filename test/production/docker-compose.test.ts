import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * Docker cannot run here, so the production stack is checked by reading it: docker-compose.yml
 * (with its `<<` merges resolved, as Compose does) must describe what docs/operations.md
 * promises — PostgreSQL, Redis, two API instances behind a health-aware proxy, one worker and a
 * mail catcher, every app process running the build with no TypeScript loader.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Healthcheck {
  test?: string[];
  disable?: boolean;
}
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: Healthcheck;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
}

const compose = parse(readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const dockerfile = readFileSync(path.join(ROOT, "infra/Dockerfile"), "utf8");
const APIS = ["api-1", "api-2"];

describe("docker-compose.yml", () => {
  it("has PostgreSQL, Redis, two API instances, one worker, a proxy and a mail catcher", () => {
    expect(Object.keys(services).sort()).toEqual(["api-1", "api-2", "mail", "postgres", "proxy", "redis", "worker"]);
    expect(services.postgres!.image).toMatch(/^postgres:\d+/);
    expect(services.redis!.image).toMatch(/^redis:\d+/);
    expect(services.mail!.image).toMatch(/mailpit/);
    expect(services.proxy!.image).toMatch(/^caddy:\d+/);
  });

  it("checks the health of PostgreSQL, Redis and each API instance", () => {
    expect(services.postgres!.healthcheck?.test).toEqual(expect.arrayContaining(["pg_isready"]));
    expect(services.redis!.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
    for (const api of APIS)
      expect(services[api]!.healthcheck?.test?.join(" ")).toMatch(/fetch\('http:\/\/127\.0\.0\.1:3000\/api\/health'\)/);
  });

  it("starts the APIs on healthy databases and the proxy only on healthy APIs", () => {
    expect(services["api-1"]!.depends_on).toMatchObject({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
    // The second instance waits for the first to have migrated the database.
    expect(services["api-2"]!.depends_on).toMatchObject({ "api-1": { condition: "service_healthy" } });
    expect(services.proxy!.depends_on).toEqual({
      "api-1": { condition: "service_healthy" },
      "api-2": { condition: "service_healthy" },
    });
    expect(services.proxy!.ports).toEqual(["3000:80"]);
  });

  it("gives every app process the environment the docs promise, workers only in the worker service", () => {
    for (const name of [...APIS, "worker"]) {
      const env = services[name]!.environment!;
      expect(env).toMatchObject({
        DATABASE_URL: "postgres://bridgework:bridgework@postgres:5432/bridgework",
        REDIS_URL: "redis://redis:6379",
        SMTP_URL: "smtp://mail:1025",
        PUBLIC_URL: "http://localhost:3000",
        NODE_ENV: "production",
        START_WORKER: "0",
      });
      // Never a secret committed in the file: Compose refuses to start without one.
      expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    }
  });

  it("runs the production build with plain node, no TypeScript loader", () => {
    for (const api of APIS) expect(services[api]!.command).toEqual(["node", "apps/server/dist/main.js"]);
    expect(services.worker!.command).toEqual(["node", "apps/worker/dist/main.js"]);
    expect(services.worker!.healthcheck).toEqual({ disable: true });
    for (const name of [...APIS, "worker"])
      expect(services[name]!.build).toEqual({ context: ".", dockerfile: "infra/Dockerfile" });
    expect(JSON.stringify(compose)).not.toMatch(/tsx|\.ts"/);
  });

  it("has a proxy configuration naming both API instances, round robin and health-checked", () => {
    const mount = services.proxy!.volumes!.find((volume) => volume.endsWith(":/etc/caddy/Caddyfile:ro"));
    expect(mount).toBeDefined();
    const caddyfile = readFileSync(path.join(ROOT, mount!.split(":")[0]!), "utf8");
    expect(caddyfile).toMatch(/reverse_proxy api-1:3000 api-2:3000/);
    expect(caddyfile).toMatch(/lb_policy round_robin/);
    expect(caddyfile).toMatch(/health_uri \/api\/health/);
  });
});

describe("infra/Dockerfile", () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1)!;

  it("builds in one stage and runs in another with only production dependencies and the build output", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/AS build/);
    expect(stages[0]).toMatch(/npm i -g pnpm@10/);
    expect(stages[0]).toMatch(/RUN pnpm build/);
    expect(runtime).toMatch(/pnpm install --prod --frozen-lockfile/);
    for (const output of ["apps/server/dist", "apps/worker/dist", "apps/web/dist"])
      expect(runtime).toContain(`COPY --from=build /app/${output} ${output}`);
    expect(runtime).not.toMatch(/COPY --from=build \/app \/app/);
  });

  it("installs from every workspace package's manifest (pnpm's frozen lockfile names them all)", () => {
    const manifests = ["apps", "packages"].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir))
        .map((name) => `${dir}/${name}`)
        .filter((folder) => existsSync(path.join(ROOT, folder, "package.json"))),
    );
    expect(manifests.length).toBeGreaterThan(0);
    for (const folder of manifests) {
      expect(stages[0]).toContain(`COPY ${folder}/package.json ${folder}/`);
      expect(runtime).toContain(`COPY --from=build /app/${folder}/package.json ${folder}/`);
    }
  });

  it("runs as a non-root user with a health check and the built server", () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/api\/health/m);
    expect(runtime).toMatch(/^CMD \["node", "apps\/server\/dist\/main\.js"\]$/m);
    expect(dockerfile).not.toMatch(/tsx/);
  });
});
