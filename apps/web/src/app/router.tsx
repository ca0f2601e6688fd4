import type { SignInError } from "@bridgework/domain";
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from "@tanstack/react-router";
import { AppLayout } from "../components/layout/app-layout.tsx";
import { NotFound } from "../components/layout/not-found.tsx";
import { RequireAuth } from "../components/layout/require-auth.tsx";
import { LoginPage } from "../features/auth/routes/login-page.tsx";
import { validateOrganizationsSearch } from "../features/organizations/routes/search.ts";
import { validateReportSearch } from "../features/dashboard/routes/report-search.ts";
import { validateMatchesSearch } from "../features/matches/routes/search.ts";
import { validateOpportunitiesSearch } from "../features/opportunities/routes/search.ts";
import { validateDistrictDataSearch } from "../features/district-data/routes/search.ts";
import { validateStudentsSearch } from "../features/students/routes/search.ts";
import { choices, oneOf, pageParam } from "../lib/search-params.ts";

/**
 * Every page but the login page is its own chunk, loaded when its route is first visited (or when
 * a link to it is hovered: defaultPreload "intent"), so the first page a visitor opens downloads
 * and compiles only what it shows.
 */
const ForgotPasswordPage = lazyRouteComponent(
  () => import("../features/account/routes/forgot-password-page.tsx"),
  "ForgotPasswordPage",
);
const ResetPasswordPage = lazyRouteComponent(
  () => import("../features/account/routes/reset-password-page.tsx"),
  "ResetPasswordPage",
);
const HomePage = lazyRouteComponent(() => import("../features/home/routes/home-page.tsx"), "HomePage");
const CalendarPage = lazyRouteComponent(() => import("../features/calendar/routes/calendar-page.tsx"), "CalendarPage");
const InvitationPage = lazyRouteComponent(
  () => import("../features/invitations/routes/invitation-page.tsx"),
  "InvitationPage",
);
const MailboxPage = lazyRouteComponent(() => import("../features/mailbox/routes/mailbox-page.tsx"), "MailboxPage");
const OrganizationsPage = lazyRouteComponent(
  () => import("../features/organizations/routes/organizations-page.tsx"),
  "OrganizationsPage",
);
const PathwaysPage = lazyRouteComponent(() => import("../features/pathways/routes/pathways-page.tsx"), "PathwaysPage");
const ProfilePage = lazyRouteComponent(() => import("../features/profile/routes/profile-page.tsx"), "ProfilePage");
const RegionSettingsPage = lazyRouteComponent(
  () => import("../features/regions/routes/region-settings-page.tsx"),
  "RegionSettingsPage",
);
const IdentityProvidersPage = lazyRouteComponent(
  () => import("../features/single-sign-on/routes/identity-providers-page.tsx"),
  "IdentityProvidersPage",
);
const UsersPage = lazyRouteComponent(() => import("../features/users/routes/users-page.tsx"), "UsersPage");
const DashboardPage = lazyRouteComponent(
  () => import("../features/dashboard/routes/dashboard-page.tsx"),
  "DashboardPage",
);
const ReportBuilderPage = lazyRouteComponent(
  () => import("../features/dashboard/routes/report-builder-page.tsx"),
  "ReportBuilderPage",
);
const SelfAssessmentPage = lazyRouteComponent(
  () => import("../features/self-assessment/routes/self-assessment-page.tsx"),
  "SelfAssessmentPage",
);
const ApprovalQueuePage = lazyRouteComponent(
  () => import("../features/matches/routes/approval-queue-page.tsx"),
  "ApprovalQueuePage",
);
const IncomingAsksPage = lazyRouteComponent(
  () => import("../features/matches/routes/incoming-asks-page.tsx"),
  "IncomingAsksPage",
);
const MatchPage = lazyRouteComponent(() => import("../features/matches/routes/match-page.tsx"), "MatchPage");
const MatchesPage = lazyRouteComponent(() => import("../features/matches/routes/matches-page.tsx"), "MatchesPage");
const NewOpportunityPage = lazyRouteComponent(
  () => import("../features/opportunities/routes/new-opportunity-page.tsx"),
  "NewOpportunityPage",
);
const OpportunitiesPage = lazyRouteComponent(
  () => import("../features/opportunities/routes/opportunities-page.tsx"),
  "OpportunitiesPage",
);
const OpportunityPage = lazyRouteComponent(
  () => import("../features/opportunities/routes/opportunity-page.tsx"),
  "OpportunityPage",
);
const NewRequestPage = lazyRouteComponent(
  () => import("../features/requests/routes/new-request-page.tsx"),
  "NewRequestPage",
);
const RequestPage = lazyRouteComponent(() => import("../features/requests/routes/request-page.tsx"), "RequestPage");
const RequestsPage = lazyRouteComponent(() => import("../features/requests/routes/requests-page.tsx"), "RequestsPage");
const DistrictDataPage = lazyRouteComponent(
  () => import("../features/district-data/routes/district-data-page.tsx"),
  "DistrictDataPage",
);
const EmployerInsurancePage = lazyRouteComponent(
  () => import("../features/insurance/routes/employer-insurance-page.tsx"),
  "EmployerInsurancePage",
);
const InsurancePage = lazyRouteComponent(
  () => import("../features/insurance/routes/insurance-page.tsx"),
  "InsurancePage",
);
const FailedJobsPage = lazyRouteComponent(
  () => import("../features/jobs/routes/failed-jobs-page.tsx"),
  "FailedJobsPage",
);
const EvaluatePage = lazyRouteComponent(
  () => import("../features/placements/routes/evaluate-page.tsx"),
  "EvaluatePage",
);
const HoursPage = lazyRouteComponent(() => import("../features/placements/routes/hours-page.tsx"), "HoursPage");
const PlacementsPage = lazyRouteComponent(
  () => import("../features/placements/routes/placements-page.tsx"),
  "PlacementsPage",
);
const SignPage = lazyRouteComponent(() => import("../features/signing/routes/sign-page.tsx"), "SignPage");
const StudentsPage = lazyRouteComponent(() => import("../features/students/routes/students-page.tsx"), "StudentsPage");

const PreferencesPage = lazyRouteComponent(
  () => import("../features/employer-preferences/routes/preferences-page.tsx"),
  "PreferencesPage",
);
const ThankYouLettersPage = lazyRouteComponent(
  () => import("../features/employer-preferences/routes/thank-you-letters-page.tsx"),
  "ThankYouLettersPage",
);

const GetInvolvedRegionsPage = lazyRouteComponent(
  () => import("../features/get-involved/routes/regions-page.tsx"),
  "GetInvolvedRegionsPage",
);
const GetInvolvedPage = lazyRouteComponent(
  () => import("../features/get-involved/routes/get-involved-page.tsx"),
  "GetInvolvedPage",
);
const ConfirmInterestPage = lazyRouteComponent(
  () => import("../features/get-involved/routes/confirm-interest-page.tsx"),
  "ConfirmInterestPage",
);

const EmployerInterestsPage = lazyRouteComponent(
  () => import("../features/employer-vetting/routes/employer-interests-page.tsx"),
  "EmployerInterestsPage",
);

// Multi-employer events: the coordinator's pages, the public sign-up and the volunteer's own links.
const EventsPage = lazyRouteComponent(() => import("../features/events/routes/events-page.tsx"), "EventsPage");
const NewEventPage = lazyRouteComponent(() => import("../features/events/routes/new-event-page.tsx"), "NewEventPage");
const EventPage = lazyRouteComponent(() => import("../features/events/routes/event-page.tsx"), "EventPage");
const EventSchedulePage = lazyRouteComponent(
  () => import("../features/event-schedule/routes/event-schedule-page.tsx"),
  "EventSchedulePage",
);
const EventDayPage = lazyRouteComponent(
  () => import("../features/event-day/routes/event-day-page.tsx"),
  "EventDayPage",
);
const PublicEventsPage = lazyRouteComponent(
  () => import("../features/event-signup/routes/public-events-page.tsx"),
  "PublicEventsPage",
);
const VolunteerSignUpPage = lazyRouteComponent(
  () => import("../features/event-signup/routes/volunteer-sign-up-page.tsx"),
  "VolunteerSignUpPage",
);
const CancelVolunteerPage = lazyRouteComponent(
  () => import("../features/event-signup/routes/cancel-volunteer-page.tsx"),
  "CancelVolunteerPage",
);
const VolunteerSchedulePage = lazyRouteComponent(
  () => import("../features/event-day/routes/volunteer-schedule-page.tsx"),
  "VolunteerSchedulePage",
);

const GrowPage = lazyRouteComponent(() => import("../features/employer-relationship/routes/grow-page.tsx"), "GrowPage");
const RelationshipPage = lazyRouteComponent(
  () => import("../features/employer-relationship/routes/relationship-page.tsx"),
  "RelationshipPage",
);

/** Code-based routes: features export pages, and only this file knows the URL tree. */
const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFound });

/** SIGN_IN_ERRORS: the domain's own comes with zod (lib/search-params.ts, `choices`). */
export const SIGN_IN_ERROR_CHOICES = choices<SignInError>()([
  "state",
  "provider",
  "email-unverified",
  "domain",
  "no-account",
  "busy",
]);

interface LoginSearch {
  redirect?: string;
  email?: string;
  welcome?: boolean;
  expired?: boolean;
  /** Back from a password reset. */
  reset?: boolean;
  /** Back from a refused district sign-in (OpenID Connect): why. */
  signInError?: SignInError;
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  component: LoginPage,
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    redirect: typeof search.redirect === "string" ? search.redirect : undefined,
    email: typeof search.email === "string" ? search.email : undefined,
    welcome: search.welcome === true || search.welcome === "true" ? true : undefined,
    expired: search.expired === true || search.expired === "true" ? true : undefined,
    reset: search.reset === true || search.reset === "true" ? true : undefined,
    signInError: oneOf(SIGN_IN_ERROR_CHOICES, search.signInError),
  }),
});

// Public: an invitee has no login yet, and the dev mailbox is how they get the link.
const mailboxRoute = createRoute({ getParentRoute: () => rootRoute, path: "/mailbox", component: MailboxPage });
const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$token",
  component: InvitationPage,
});
// Forgot password: public, reached from the login page and from the emailed link.
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: ForgotPasswordPage,
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password/$token",
  component: ResetPasswordPage,
});

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: "_app", component: RequireAuth });
const homeRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: HomePage });
const calendarRoute = createRoute({ getParentRoute: () => appRoute, path: "/calendar", component: CalendarPage });
const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/organizations",
  component: OrganizationsPage,
  validateSearch: validateOrganizationsSearch,
});
const pathwaysRoute = createRoute({ getParentRoute: () => appRoute, path: "/pathways", component: PathwaysPage });
const usersRoute = createRoute({ getParentRoute: () => appRoute, path: "/users", component: UsersPage });
const profileRoute = createRoute({ getParentRoute: () => appRoute, path: "/profile", component: ProfilePage });
// Region settings (intermediaries): the region's time zone.
const regionSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings/region",
  component: RegionSettingsPage,
});
const identityProvidersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings/sign-in",
  component: IdentityProvidersPage,
});
// Reports: the region dashboard and the C6 self-assessment (intermediary; coordinator for the district).
const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: "/dashboard", component: DashboardPage });
const reportBuilderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/reports",
  component: ReportBuilderPage,
  validateSearch: (search: Record<string, unknown>) => validateReportSearch(search),
});
const selfAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/self-assessment",
  component: SelfAssessmentPage,
});

// Brokering: opportunities, requests and matches. Index routes ("/") sit beside their $id pages.
const pageSearch = (search: Record<string, unknown>) => ({ page: pageParam(search.page) });
const opportunitiesRoute = createRoute({ getParentRoute: () => appRoute, path: "/opportunities" });
const requestsRoute = createRoute({ getParentRoute: () => appRoute, path: "/requests" });
const matchesRoute = createRoute({ getParentRoute: () => appRoute, path: "/matches" });
const opportunitiesIndexRoute = createRoute({
  getParentRoute: () => opportunitiesRoute,
  path: "/",
  component: OpportunitiesPage,
  validateSearch: validateOpportunitiesSearch,
});
const newOpportunityRoute = createRoute({
  getParentRoute: () => opportunitiesRoute,
  path: "/new",
  component: NewOpportunityPage,
});
const opportunityRoute = createRoute({
  getParentRoute: () => opportunitiesRoute,
  path: "/$opportunityId",
  component: OpportunityPage,
});
const requestsIndexRoute = createRoute({
  getParentRoute: () => requestsRoute,
  path: "/",
  component: RequestsPage,
  validateSearch: pageSearch,
});
const newRequestRoute = createRoute({ getParentRoute: () => requestsRoute, path: "/new", component: NewRequestPage });
const requestRoute = createRoute({ getParentRoute: () => requestsRoute, path: "/$requestId", component: RequestPage });
const matchesIndexRoute = createRoute({
  getParentRoute: () => matchesRoute,
  path: "/",
  component: MatchesPage,
  validateSearch: validateMatchesSearch,
});
const matchRoute = createRoute({ getParentRoute: () => matchesRoute, path: "/$matchId", component: MatchPage });
const approvalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/approvals",
  component: ApprovalQueuePage,
});
const asksRoute = createRoute({ getParentRoute: () => appRoute, path: "/asks", component: IncomingAsksPage });

// Placements: the roster, the board and insurance behind login; the one-time links (guardians and
// supervisors have no account) are public and drawn without the app's header and navigation.
const studentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/students",
  component: StudentsPage,
  validateSearch: validateStudentsSearch,
});
const placementsRoute = createRoute({ getParentRoute: () => appRoute, path: "/placements", component: PlacementsPage });
const insuranceRoute = createRoute({ getParentRoute: () => appRoute, path: "/insurance", component: InsurancePage });
const employerInsuranceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/insurance/$employerId",
  component: EmployerInsurancePage,
});
// Failed jobs: what the job pipeline gave up on, for the intermediary to retry.
// A district's data: its export (coordinators: own district; intermediaries choose one).
const districtDataRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/district-data",
  component: DistrictDataPage,
  validateSearch: validateDistrictDataSearch,
});
const failedJobsRoute = createRoute({ getParentRoute: () => appRoute, path: "/admin/jobs", component: FailedJobsPage });
// Employer preferences and thank-you letters (employers: their own; the intermediary: any employer's letter).
const preferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/preferences",
  component: PreferencesPage,
});
const thankYouLettersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/thank-you-letters",
  component: ThankYouLettersPage,
});
// Employers: the grow list (intermediary) and one employer's relationship over time.
const growRoute = createRoute({ getParentRoute: () => appRoute, path: "/employers/grow", component: GrowPage });
const relationshipRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/employers/$employerId",
  component: RelationshipPage,
});
const signRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign/$token",
  component: SignPage,
  staticData: { bare: true },
});
const hoursLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/hours/$token",
  component: HoursPage,
  staticData: { bare: true },
});
const evaluateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evaluate/$token",
  component: EvaluatePage,
  staticData: { bare: true },
});
const employerInterestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/employer-interests",
  component: EmployerInterestsPage,
});

// Get involved: a company offers to help (public, no login), and confirms by the emailed link.
const getInvolvedRegionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/get-involved",
  component: GetInvolvedRegionsPage,
});
const getInvolvedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/r/$slug/get-involved",
  component: GetInvolvedPage,
});
const confirmInterestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/r/$slug/get-involved/confirm/$token",
  component: ConfirmInterestPage,
});

// Events: list, new, one event's three sections.
const eventsRoute = createRoute({ getParentRoute: () => appRoute, path: "/events", component: EventsPage });
const newEventRoute = createRoute({ getParentRoute: () => appRoute, path: "/events/new", component: NewEventPage });
const eventRoute = createRoute({ getParentRoute: () => appRoute, path: "/events/$eventId", component: EventPage });
const eventScheduleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/events/$eventId/schedule",
  component: EventSchedulePage,
});
const eventDayRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/events/$eventId/day",
  component: EventDayPage,
});
// The public side of events: a region's open events, signing up, cancelling, and a volunteer's own schedule.
const publicEventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/r/$slug/events",
  component: PublicEventsPage,
});
const volunteerSignUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/r/$slug/events/$eventId",
  component: VolunteerSignUpPage,
});
const cancelVolunteerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/volunteer/cancel/$token",
  component: CancelVolunteerPage,
  staticData: { bare: true },
});
const volunteerScheduleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/volunteer/$token",
  component: VolunteerSchedulePage,
  staticData: { bare: true },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  mailboxRoute,
  invitationRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  signRoute,
  hoursLinkRoute,
  evaluateRoute,
  getInvolvedRegionsRoute,
  getInvolvedRoute,
  confirmInterestRoute,
  publicEventsRoute,
  volunteerSignUpRoute,
  cancelVolunteerRoute,
  volunteerScheduleRoute,
  appRoute.addChildren([
    homeRoute,
    calendarRoute,
    organizationsRoute,
    pathwaysRoute,
    usersRoute,
    profileRoute,
    regionSettingsRoute,
    identityProvidersRoute,
    dashboardRoute,
    reportBuilderRoute,
    selfAssessmentRoute,
    opportunitiesRoute.addChildren([opportunitiesIndexRoute, newOpportunityRoute, opportunityRoute]),
    requestsRoute.addChildren([requestsIndexRoute, newRequestRoute, requestRoute]),
    matchesRoute.addChildren([matchesIndexRoute, matchRoute]),
    approvalsRoute,
    asksRoute,
    studentsRoute,
    placementsRoute,
    insuranceRoute,
    employerInsuranceRoute,
    failedJobsRoute,
    districtDataRoute,
    preferencesRoute,
    thankYouLettersRoute,
    employerInterestsRoute,
    growRoute,
    relationshipRoute,
    eventsRoute,
    newEventRoute,
    eventRoute,
    eventScheduleRoute,
    eventDayRoute,
  ]),
]);

export function createAppRouter() {
  return createRouter({ routeTree, defaultPreload: "intent", scrollRestoration: true });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
  interface StaticDataRouteOption {
    /** Drawn without the app's header and navigation (public one-time-link pages). */
    bare?: boolean;
  }
}
