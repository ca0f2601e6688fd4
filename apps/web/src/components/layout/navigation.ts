import type { Role, WaitingKind } from "@bridgework/domain";
import type { Translation } from "../../locales/en.ts";

export type NavKey = keyof Translation["nav"];

export interface NavEntry {
  to:
    | "/"
    | "/calendar"
    | "/organizations"
    | "/pathways"
    | "/users"
    | "/profile"
    | "/mailbox"
    | ReportPath
    | BrokeringPath
    | PlacementPath
    | "/admin/jobs"
    | "/settings/region"
    | "/settings/sign-in"
    | "/district-data"
    | "/preferences"
    | "/thank-you-letters"
    | "/employer-interests"
    | "/employers/grow"
    | "/events";
  label: NavKey;
  /** Where the entry's short description lives (home page shortcuts). */
  hint?: keyof Translation["navHints"];
  /** What waits on the person there: the entry shows their count (GET /api/me/waiting). */
  waiting?: WaitingKind[];
  /** Get involved submissions waiting (GET /api/employer-interests/count), added to the entry's count. */
  interests?: boolean;
}

type BrokeringPath = "/opportunities" | "/requests" | "/approvals" | "/asks" | "/matches";
type PlacementPath = "/students" | "/placements" | "/insurance";

const home: NavEntry = { to: "/", label: "home" };
const organizations: NavEntry = { to: "/organizations", label: "organizations", hint: "organizations" };
const pathways: NavEntry = { to: "/pathways", label: "pathways", hint: "pathways" };
const profile: NavEntry = { to: "/profile", label: "profile", hint: "profile" };
const calendar: NavEntry = { to: "/calendar", label: "calendar", hint: "calendar" };
/** Multi-employer events: run by the intermediary (region) or a coordinator (district); teachers read their school's. */
const events: NavEntry = { to: "/events", label: "events", hint: "events" };
/** A district's export (coordinators: their district; intermediaries: any of the region's). */
const districtData: NavEntry = { to: "/district-data", label: "districtData", hint: "districtData" };

/** The region dashboard, the report builder and the C6 self-assessment (intermediaries; coordinators for their district). */
type ReportPath = "/dashboard" | "/reports" | "/self-assessment";
const REPORTS: NavEntry[] = [
  { to: "/dashboard", label: "dashboard", hint: "dashboard" },
  { to: "/reports", label: "reportBuilder", hint: "reportBuilder" },
  { to: "/self-assessment", label: "selfAssessment", hint: "selfAssessment" },
];

/** Brokering pages (opportunities, requests, matches), first after Home: the everyday work of each role. */
const BROKERING: Record<Role, NavEntry[]> = {
  intermediary: [
    { to: "/approvals", label: "approvals", hint: "approvals", waiting: ["approval"] },
    { to: "/matches", label: "matches", hint: "matches" },
    { to: "/opportunities", label: "opportunities", hint: "opportunities" },
    { to: "/requests", label: "requests", hint: "requests" },
  ],
  coordinator: [
    { to: "/approvals", label: "approvals", hint: "approvals", waiting: ["approval"] },
    { to: "/matches", label: "matches", hint: "matches" },
    { to: "/requests", label: "requests", hint: "requests" },
    { to: "/opportunities", label: "opportunities", hint: "opportunities" },
  ],
  teacher: [
    { to: "/requests", label: "myRequests", hint: "myRequests" },
    { to: "/opportunities", label: "opportunities", hint: "opportunities" },
  ],
  employer: [
    { to: "/opportunities", label: "myOpportunities", hint: "myOpportunities" },
    { to: "/asks", label: "incomingAsks", hint: "incomingAsks", waiting: ["ask"] },
  ],
};

/** Placement pages: the roster, the paperwork board and insurance (teachers read their school's students). */
const PLACEMENTS: Record<Role, NavEntry[]> = {
  intermediary: [
    { to: "/placements", label: "placements", hint: "placements", waiting: ["unsignedPastDue", "hoursToApprove"] },
    { to: "/students", label: "students", hint: "students" },
    { to: "/insurance", label: "insurance", hint: "insurance", waiting: ["certificateExpiring"] },
  ],
  coordinator: [
    { to: "/placements", label: "placements", hint: "placements", waiting: ["unsignedPastDue", "hoursToApprove"] },
    { to: "/students", label: "students", hint: "students" },
    { to: "/insurance", label: "insurance", hint: "insurance", waiting: ["certificateExpiring"] },
  ],
  teacher: [{ to: "/students", label: "students", hint: "students" }],
  employer: [{ to: "/insurance", label: "insurance", hint: "insurance" }],
};

/**
 * What each role sees in the navigation. The API enforces access on its own; this only keeps
 * people from being shown pages their role cannot use (teachers manage no users).
 */
export const NAVIGATION: Record<Role, NavEntry[]> = {
  intermediary: [
    home,
    calendar,
    ...REPORTS,
    ...BROKERING.intermediary,
    events,
    ...PLACEMENTS.intermediary,
    organizations,
    // Employers over their life with the region: joining, growing, thanked.
    { to: "/employer-interests", label: "employerInterests", hint: "employerInterests", interests: true },
    { to: "/employers/grow", label: "grow", hint: "grow" },
    { to: "/thank-you-letters", label: "thankYouLetters", hint: "thankYouLetters" },
    pathways,
    { to: "/users", label: "users", hint: "users" },
    { to: "/admin/jobs", label: "failedJobs", hint: "failedJobs" },
    districtData,
    { to: "/settings/region", label: "regionSettings", hint: "regionSettings" },
    { to: "/settings/sign-in", label: "identityProviders", hint: "identityProviders" },
    profile,
  ],
  coordinator: [
    home,
    calendar,
    ...REPORTS,
    ...BROKERING.coordinator,
    events,
    ...PLACEMENTS.coordinator,
    organizations,
    pathways,
    { to: "/users", label: "staff", hint: "staff" },
    districtData,
    profile,
  ],
  teacher: [home, calendar, ...BROKERING.teacher, events, ...PLACEMENTS.teacher, pathways, organizations, profile],
  employer: [
    home,
    calendar,
    ...BROKERING.employer,
    ...PLACEMENTS.employer,
    { to: "/users", label: "team", hint: "team" },
    organizations,
    { to: "/preferences", label: "preferences", hint: "preferences" },
    profile,
  ],
};

export const MAILBOX_ENTRY: NavEntry = { to: "/mailbox", label: "mailbox", hint: "mailbox" };
