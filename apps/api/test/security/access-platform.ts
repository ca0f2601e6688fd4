import { organizations, pathways, users } from "@bridgework/db";
import type { InjectOptions } from "fastify";
import type { RouteEntry } from "./matrix.ts";

/** Authorization table, part 1: sign-in, people, organizations, the region, audit, jobs, calendar and the API's own pages. */

export const get = (url: string): InjectOptions => ({ method: "GET", url });
export const send = (method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object): InjectOptions => ({
  method,
  url,
  ...(payload ? { payload } : {}),
});
/** Each public call from its own address, so the per-address limits of login and password reset never answer instead of the route. */
let address = 0;
const fromNewAddress = (options: InjectOptions): InjectOptions => ({
  ...options,
  remoteAddress: `198.51.${Math.floor(++address / 250)}.${address % 250}`,
});

const docs = [
  "/api/docs",
  "/api/docs/",
  "/api/docs/static/index.html",
  "/api/docs/static/swagger-initializer.js",
  "/api/docs/json",
  "/api/docs/yaml",
  "/api/openapi.json",
];

export const platformRoutes: RouteEntry[] = [
  // The API's description and its browser: they name fields (`birthDate`…), never records.
  ...docs.map(
    (url): RouteEntry => ({
      route: `GET ${url}`,
      access: "public",
      noRecords: true,
      request: () => get(url),
      ...(url.endsWith("index.html") ? { ok: 302 } : {}),
    }),
  ),
  {
    route: "GET /api/docs/*",
    access: "public",
    noRecords: true,
    request: () => get("/api/docs/static/swagger-ui.css"),
  },
  { route: "GET /api/health", access: "public", request: () => get("/api/health") },
  // Registered only without SMTP_URL outside production (development); it is the developer's inbox.
  { route: "GET /api/dev/mailbox", access: "public", request: () => get("/api/dev/mailbox?to=nobody@valley.example") },

  // Sign-in and account links: the password, the cookie or the link is the credential.
  {
    route: "POST /api/auth/login",
    access: "public",
    request: () =>
      fromNewAddress(send("POST", "/api/auth/login", { email: "teacher@valley.example", password: "bridgework-demo" })),
  },
  {
    route: "POST /api/auth/refresh",
    access: "public",
    async request(w) {
      const login = await w.h.app.inject(
        fromNewAddress(
          send("POST", "/api/auth/login", { email: "teacher@valley.example", password: "bridgework-demo" }),
        ),
      );
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      return { ...send("POST", "/api/auth/refresh"), headers: { cookie } };
    },
  },
  { route: "POST /api/auth/logout", access: "public", ok: 204, request: () => send("POST", "/api/auth/logout") },
  {
    route: "POST /api/auth/password-reset",
    access: "public",
    ok: 204,
    request: (w) =>
      fromNewAddress(send("POST", "/api/auth/password-reset", { email: `nobody.${w.fresh.tag()}@valley.example` })),
  },
  {
    route: "GET /api/auth/password-reset/:token",
    access: "public",
    request: async (w) => get(`/api/auth/password-reset/${await w.fresh.passwordReset()}`),
  },
  {
    route: "POST /api/auth/password-reset/:token",
    access: "public",
    ok: 204,
    request: async (w) =>
      send("POST", `/api/auth/password-reset/${await w.fresh.passwordReset()}`, { password: "another-long-password" }),
  },
  {
    route: "GET /api/invitations/:token",
    access: "public",
    request: (w) => get(`/api/invitations/${w.invitees.teacher.token}`),
  },
  {
    route: "POST /api/invitations/:token/accept",
    access: "public",
    request: async (w) =>
      send("POST", `/api/invitations/${(await w.fresh.invitee()).token}/accept`, {
        password: "a-long-enough-password",
      }),
  },
  { route: "GET /api/calendar/feed/:file", access: "public", request: (w) => get(`/api/calendar/feed/${w.feedFile}`) },

  // One's own account and calendar: every signed-in person, about themself.
  {
    route: "GET /api/me",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    request: () => get("/api/me"),
  },
  {
    route: "PATCH /api/me",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    request: () => send("PATCH", "/api/me", { language: "en" }),
    table: users,
  },
  {
    route: "GET /api/me/waiting",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    request: () => get("/api/me/waiting"),
  },
  {
    route: "GET /api/me/calendar-feed",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    request: () => get("/api/me/calendar-feed"),
  },
  {
    route: "POST /api/me/calendar-feed",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    ok: 201,
    request: () => send("POST", "/api/me/calendar-feed"),
  },
  {
    route: "DELETE /api/me/calendar-feed",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    ok: 204,
    request: () => send("DELETE", "/api/me/calendar-feed"),
  },
  {
    route: "GET /api/calendar",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    request: () => get("/api/calendar?from=2031-06-01&to=2031-08-31"),
  },

  // People.
  {
    route: "GET /api/users",
    access: { intermediary: "any", coordinator: "any", employer: "any" },
    request: () => get("/api/users?pageSize=100"),
  },
  {
    route: "POST /api/users",
    access: { intermediary: "region", coordinator: "district", employer: "own" },
    // Organizations are seen by the whole region: another district's school or another employer is a 403 rule, another region's a 404.
    outside: "region-visible",
    ok: 201,
    table: users,
    request: (w, who) =>
      send("POST", "/api/users", {
        email: `new.${w.fresh.tag()}@valley.example`,
        name: "Nia New",
        role: who === "employer" || who === "otherEmployer" ? "employer" : "teacher",
        organizationId: who === "employer" || who === "otherEmployer" ? w.ids.employer : w.ids.school,
      }),
  },
  {
    route: "POST /api/users/:id/invitation",
    access: { intermediary: "region", coordinator: "district", employer: "own" },
    request: (w, who) =>
      send(
        "POST",
        `/api/users/${who === "employer" || who === "otherEmployer" ? w.invitees.employer.id : w.invitees.teacher.id}/invitation`,
      ),
  },

  // Organizations, the region, pathways.
  {
    route: "GET /api/organizations",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    request: () => get("/api/organizations?pageSize=100"),
  },
  {
    route: "GET /api/organizations/:id",
    access: { intermediary: "region", coordinator: "region", teacher: "region", employer: "region" },
    request: (w) => get(`/api/organizations/${w.ids.employer}`),
  },
  {
    route: "POST /api/organizations",
    access: { intermediary: "any" },
    ok: 201,
    table: organizations,
    request: (w) => send("POST", "/api/organizations", { type: "employer", name: `Matrix Employer ${w.fresh.tag()}` }),
  },
  {
    route: "PATCH /api/organizations/:id",
    access: { intermediary: "region" },
    table: organizations,
    request: (w) =>
      send("PATCH", `/api/organizations/${w.ids.otherEmployer}`, { sectors: ["Building and Construction Trades"] }),
  },
  {
    route: "GET /api/region",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    request: () => get("/api/region"),
  },
  {
    route: "PATCH /api/region",
    access: { intermediary: "any" },
    request: () => send("PATCH", "/api/region", { timeZone: "America/Los_Angeles" }),
  },
  {
    route: "GET /api/pathways",
    access: { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" },
    request: () => get("/api/pathways?pageSize=100"),
  },
  {
    route: "POST /api/pathways",
    access: { intermediary: "region", coordinator: "district" },
    outside: "region-visible",
    ok: 201,
    table: pathways,
    request: (w) =>
      send("POST", "/api/pathways", {
        name: `Matrix Pathway ${w.fresh.tag()}`,
        sector: "Health Science and Medical Technology",
        schoolId: w.ids.school,
      }),
  },

  // Audit and jobs.
  {
    route: "GET /api/audit",
    access: { intermediary: "region", coordinator: "district" },
    outside: "filtered",
    request: (w) => get(`/api/audit?entityId=${w.student.id}&pageSize=100`),
  },
  {
    route: "GET /api/admin/jobs/failed",
    access: { intermediary: "any" },
    request: () => get("/api/admin/jobs/failed"),
  },
  {
    route: "POST /api/admin/jobs/:outboxId/retry",
    access: { intermediary: "region" },
    async request(w) {
      await w.failJob();
      return send("POST", `/api/admin/jobs/${w.failedJob}/retry`);
    },
  },
];
