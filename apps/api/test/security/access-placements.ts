import {
  documentTemplates,
  evaluations,
  growInvitations,
  hoursEntries,
  insuranceCertificates,
  placements,
  selfAssessments,
  students,
} from "@bridgework/db";
import { get, send } from "./access-platform.ts";
import type { IdentityName } from "./identities.ts";
import { IDENTITIES } from "./identities.ts";
import type { RouteEntry } from "./matrix.ts";
import type { World } from "./world.ts";

/** Authorization table, part 3: placements and the links their signers and supervisors get. */

const EVERYONE = { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" } as const;
const STAFF = { intermediary: "any", coordinator: "any" } as const;
const STAFF_OF_THE_DISTRICT = { intermediary: "region", coordinator: "district" } as const;

/** The person's own student-import template: it names the first of their schools, so the import is theirs to make. */
async function ownTemplate(w: World, who: IdentityName) {
  const person = IDENTITIES[who];
  if (!person) return "localId,firstName,lastName,birthDate,grade,school\n";
  const res = await w.h.app.inject({
    method: "GET",
    url: "/api/students/import-template.csv",
    headers: await w.h.as(person.email),
  });
  return res.statusCode === 200 ? res.body : "localId,firstName,lastName,birthDate,grade,school\n";
}
const csv = (url: string, body: string) => ({
  method: "POST" as const,
  url,
  payload: body,
  headers: { "content-type": "text/csv" },
});

export const placementRoutes: RouteEntry[] = [
  {
    route: "POST /api/placements",
    access: STAFF_OF_THE_DISTRICT,
    ok: 201,
    table: placements,
    request: async (w) =>
      send("POST", "/api/placements", {
        studentId: (await w.fresh.student()).id,
        opportunityId: w.internship,
        startDate: "2031-06-15",
        endDate: "2031-07-31",
        supervisor: { name: "Dr. Lena Ortiz", email: `supervisor.${w.fresh.tag()}@vmc.example` },
      }),
  },
  { route: "GET /api/placements", access: EVERYONE, request: () => get("/api/placements?pageSize=100") },
  {
    route: "GET /api/placements/:id",
    access: { intermediary: "region", coordinator: "district", teacher: "school", employer: "own" },

    request: (w) => get(`/api/placements/${w.placement.id}`),
  },
  {
    route: "POST /api/placements/:id/activate",
    access: STAFF_OF_THE_DISTRICT,
    request: async (w) => send("POST", `/api/placements/${(await w.fresh.placement("ready")).id}/activate`),
  },
  {
    route: "POST /api/placements/:id/complete",
    access: STAFF_OF_THE_DISTRICT,
    request: async (w) => send("POST", `/api/placements/${(await w.fresh.placement("active")).id}/complete`),
  },
  {
    route: "POST /api/placements/:id/withdraw",
    access: STAFF_OF_THE_DISTRICT,
    request: async (w) =>
      send("POST", `/api/placements/${(await w.fresh.placement()).id}/withdraw`, { reason: "Moved away" }),
  },
  {
    route: "POST /api/placements/:id/insurance-override",
    access: STAFF_OF_THE_DISTRICT,
    request: async (w) =>
      send("POST", `/api/placements/${(await w.fresh.placement()).id}/insurance-override`, {
        kind: "rider",
        note: "District rider on file",
      }),
  },
  {
    route: "POST /api/placements/:id/documents/resend",
    access: STAFF_OF_THE_DISTRICT,
    request: async (w) => send("POST", `/api/placements/${(await w.fresh.placement()).id}/documents/resend`),
  },
  {
    route: "POST /api/placements/:id/documents/:documentId/resend",
    access: STAFF_OF_THE_DISTRICT,
    async request(w) {
      const placement = await w.fresh.placement();
      return send("POST", `/api/placements/${placement.id}/documents/${placement.documents[0]!.id}/resend`);
    },
  },
  {
    route: "POST /api/placements/paperwork/resend",
    access: STAFF_OF_THE_DISTRICT,
    bulk: true,
    request: async (w) => send("POST", "/api/placements/paperwork/resend", { ids: [(await w.fresh.placement()).id] }),
  },
  {
    route: "POST /api/placements/:id/hours",
    access: { intermediary: "region", coordinator: "district", teacher: "school" },
    ok: 201,
    table: hoursEntries,
    request: async (w) =>
      send("POST", `/api/placements/${(await w.fresh.placement("active")).id}/hours`, {
        date: "2031-06-20",
        hours: 3,
        note: "Lab day",
      }),
  },
  {
    route: "GET /api/documents/:id/pdf",
    access: STAFF_OF_THE_DISTRICT,
    request: (w) => get(`/api/documents/${w.placement.signedDocument}/pdf`),
  },

  // The links guardians and supervisors get by email: the token is the credential.
  {
    route: "GET /api/sign/:token",
    access: "public",
    request: async (w) => get(`/api/sign/${(await w.fresh.signLink()).token}`),
  },
  {
    route: "POST /api/sign/:token",
    access: "public",
    async request(w) {
      const link = await w.fresh.signLink();
      return send("POST", `/api/sign/${link.token}`, {
        typedName: "Guadalupe Zamorano",
        agree: true,
        documentId: link.documentId,
      });
    },
  },
  {
    route: "GET /api/hours/:token",
    access: "public",
    request: async (w) => get(`/api/hours/${(await w.fresh.hoursLink()).token}`),
  },
  {
    route: "POST /api/hours/:token",
    access: "public",
    async request(w) {
      const link = await w.fresh.hoursLink();
      return send("POST", `/api/hours/${link.token}`, { decisions: [{ id: link.entryId, approve: true }] });
    },
  },
  {
    route: "GET /api/evaluate/:token",
    access: "public",
    request: async (w) => get(`/api/evaluate/${await w.fresh.evaluationLink()}`),
  },
  {
    route: "POST /api/evaluate/:token",
    access: "public",
    ok: 201,
    table: evaluations,
    request: async (w) =>
      send("POST", `/api/evaluate/${await w.fresh.evaluationLink()}`, {
        given: true,
        rating: 4,
        comments: "Careful",
        hostAgain: true,
      }),
  },
];

/** Authorization table, part 4: students, insurance, templates, reports and exports. */
export const recordRoutes: RouteEntry[] = [
  // Students: the district's records.
  {
    route: "GET /api/students",
    access: { intermediary: "any", coordinator: "any", teacher: "any" },
    request: () => get("/api/students?pageSize=100"),
  },
  {
    route: "GET /api/students/:id",
    access: { intermediary: "region", coordinator: "district", teacher: "school" },
    request: (w) => get(`/api/students/${w.student.id}`),
  },
  {
    route: "POST /api/students",
    access: STAFF_OF_THE_DISTRICT,
    ok: 201,
    table: students,
    request: (w) =>
      send("POST", "/api/students", {
        localId: `NEW-${w.fresh.tag()}`,
        firstName: "Nora",
        lastName: "Nueva",
        birthDate: "2014-05-05",
        grade: 10,
        schoolId: w.ids.school,
      }),
  },
  {
    route: "PATCH /api/students/:id",
    access: STAFF_OF_THE_DISTRICT,
    table: students,
    request: async (w) => send("PATCH", `/api/students/${(await w.fresh.student()).id}`, { grade: 12 }),
  },
  {
    route: "DELETE /api/students/:id",
    access: STAFF_OF_THE_DISTRICT,
    ok: 204,
    request: async (w) => send("DELETE", `/api/students/${(await w.fresh.student()).id}`),
  },
  // A coordinator exports their own district; the intermediary names it.
  {
    route: "GET /api/students/export.csv",
    access: { intermediary: "region", coordinator: "any" },
    request: (w, who) =>
      get(
        who === "coordinator" || who === "otherDistrict"
          ? "/api/students/export.csv"
          : `/api/students/export.csv?districtId=${w.ids.district}`,
      ),
  },
  {
    route: "GET /api/students/import-template.csv",
    access: STAFF,
    request: () => get("/api/students/import-template.csv"),
  },
  {
    route: "GET /api/students/:id/demographics",
    access: STAFF_OF_THE_DISTRICT,
    request: (w) => get(`/api/students/${w.student.id}/demographics`),
  },
  {
    route: "POST /api/students/import",
    access: STAFF,
    csv: true,
    request: async (w, who) => csv("/api/students/import", await ownTemplate(w, who)),
  },
  {
    route: "POST /api/students/import/preview",
    access: STAFF,
    csv: true,
    request: async (w, who) => csv("/api/students/import/preview", await ownTemplate(w, who)),
  },
  {
    route: "GET /api/students/imports/:id",
    // Only the person who started the import; the Valley coordinator's or intermediary's import is named.
    access: { intermediary: "self", coordinator: "self" },
    async request(w, who) {
      const starter = who === "coordinator" || who === "otherDistrict" ? "coordinator" : "intermediary";
      const started = await w.h.app.inject({
        ...csv("/api/students/import?async=1", await ownTemplate(w, starter)),
        headers: { "content-type": "text/csv", ...(await w.h.as(IDENTITIES[starter].email)) },
      });
      return get(`/api/students/imports/${started.json<{ importId: string }>().importId}`);
    },
  },

  // Insurance.
  { route: "GET /api/insurance", access: STAFF, request: () => get("/api/insurance?pageSize=100") },
  { route: "GET /api/insurance/blocked", access: STAFF, request: () => get("/api/insurance/blocked") },
  {
    route: "GET /api/insurance/certificates/:id/file",
    access: { intermediary: "region", coordinator: "region", employer: "own" },
    request: (w) => get(`/api/insurance/certificates/${w.certificate}/file`),
  },
  {
    route: "GET /api/organizations/:id/insurance",
    access: { intermediary: "region", coordinator: "region", employer: "own" },
    request: (w) => get(`/api/organizations/${w.ids.employer}/insurance`),
  },
  {
    route: "POST /api/organizations/:id/insurance",
    access: { intermediary: "region", employer: "own" },
    ok: 201,
    table: insuranceCertificates,
    request: (w) =>
      send("POST", `/api/organizations/${w.ids.employer}/insurance`, {
        carrier: "Golden State Mutual",
        policyNumber: `GL-${w.fresh.tag()}`,
        coverageAmount: 1_000_000,
        expiresOn: "2099-06-30",
      }),
  },
  {
    route: "POST /api/organizations/:id/insurance/request",
    access: { intermediary: "region", coordinator: "region" },
    ok: 202,
    request: (w) => send("POST", `/api/organizations/${w.ids.employer}/insurance/request`),
  },

  // Paperwork templates.
  { route: "GET /api/templates", access: STAFF, request: () => get("/api/templates") },
  {
    route: "POST /api/templates/:kind",
    access: { intermediary: "any" },
    ok: 201,
    table: documentTemplates,
    request: () =>
      send("POST", "/api/templates/emergency_contact", {
        titleEn: "Emergency contact (matrix)",
        titleEs: "Contacto de emergencia (matriz)",
        bodyEn: "Contact for {{studentName}} at {{employerName}}.",
        bodyEs: "Contacto de {{studentName}} en {{employerName}}.",
      }),
  },

  // Reports and exports: aggregates of the caller's own scope.
  { route: "GET /api/reports/placements", access: STAFF, request: () => get("/api/reports/placements?groupBy=school") },
  {
    route: "GET /api/reports/placements.csv",
    access: STAFF,
    request: () => get("/api/reports/placements.csv?groupBy=school"),
  },
  { route: "GET /api/reports/unmet-demand", access: STAFF, request: () => get("/api/reports/unmet-demand") },
  { route: "GET /api/reports/equity", access: STAFF, request: () => get("/api/reports/equity?dimension=gender") },
  { route: "GET /api/reports/employers", access: STAFF, request: () => get("/api/reports/employers") },
  {
    route: "GET /api/exports/calpads-wbl.csv",
    access: STAFF,
    request: () => get("/api/exports/calpads-wbl.csv?schoolYear=2030-2031"),
  },
  {
    route: "GET /api/exports/calpads-wbl/validation",
    access: STAFF,
    request: () => get("/api/exports/calpads-wbl/validation?schoolYear=2030-2031"),
  },
  { route: "GET /api/self-assessment", access: STAFF, request: () => get("/api/self-assessment") },
  {
    route: "PUT /api/self-assessment/:indicator",
    access: { intermediary: "any" },
    table: selfAssessments,
    request: () => send("PUT", "/api/self-assessment/C6.2", { schoolYear: "2030-2031", stage: 2, notes: "Matrix" }),
  },

  // Recognition: an employer's own preferences and its thank-you letter. The letter asks for a year the world's employer did
  // nothing in, so an allowed call is the refusal of an empty letter (422) whatever other entries completed first.
  {
    route: "GET /api/organizations/:id/preferences",
    access: { intermediary: "region", employer: "own" },
    request: (w) => get(`/api/organizations/${w.ids.employer}/preferences`),
  },
  {
    route: "PATCH /api/organizations/:id/preferences",
    access: { intermediary: "region", employer: "own" },
    request: (w) => send("PATCH", `/api/organizations/${w.ids.employer}/preferences`, { blackoutMonths: [8] }),
  },
  {
    route: "GET /api/organizations/:id/thank-you-letter.pdf",
    access: { intermediary: "region", employer: "own" },
    noRecords: true,
    ok: 422,
    request: (w) => get(`/api/organizations/${w.ids.employer}/thank-you-letter.pdf?schoolYear=2001-2002`),
  },
  {
    route: "POST /api/organizations/:id/thank-you-letter/send",
    access: { intermediary: "region" },
    ok: 422,
    request: (w) =>
      send("POST", `/api/organizations/${w.ids.employer}/thank-you-letter/send`, { schoolYear: "2001-2002" }),
  },
  // Employer relationships and the grow list (the next ask).
  { route: "GET /api/employers/grow", access: { intermediary: "any" }, request: () => get("/api/employers/grow") },
  {
    route: "GET /api/employers/:id/relationship",
    access: { intermediary: "region", coordinator: "region" },
    request: (w) => get(`/api/employers/${w.ids.employer}/relationship`),
  },
  {
    route: "POST /api/employers/:id/grow-invitations",
    access: { intermediary: "region" },
    ok: 201,
    table: growInvitations,
    request: async (w) =>
      send("POST", `/api/employers/${await w.fresh.growEmployer()}/grow-invitations`, {
        kind: "job_shadow",
        rule: "talks-to-shadow",
      }),
  },
];
