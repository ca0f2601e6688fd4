import { SIGN_IN_ERRORS, type SignInError } from "@bridgework/domain";
import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { AppLayout } from "../components/layout/app-layout.tsx";
import { NotFound } from "../components/layout/not-found.tsx";
import { RequireAuth } from "../components/layout/require-auth.tsx";
import { LoginPage } from "../features/auth/routes/login-page.tsx";
import { ForgotPasswordPage } from "../features/account/routes/forgot-password-page.tsx";
import { ResetPasswordPage } from "../features/account/routes/reset-password-page.tsx";
import { HomePage } from "../features/home/routes/home-page.tsx";
import { CalendarPage } from "../features/calendar/routes/calendar-page.tsx";
import { InvitationPage } from "../features/invitations/routes/invitation-page.tsx";
import { MailboxPage } from "../features/mailbox/routes/mailbox-page.tsx";
import { OrganizationsPage } from "../features/organizations/routes/organizations-page.tsx";
import { GrowPage } from "../features/employer-relationship/routes/grow-page.tsx";
import { RelationshipPage } from "../features/employer-relationship/routes/relationship-page.tsx";
import { validateOrganizationsSearch } from "../features/organizations/routes/search.ts";
import { PathwaysPage } from "../features/pathways/routes/pathways-page.tsx";
import { ProfilePage } from "../features/profile/routes/profile-page.tsx";
import { RegionSettingsPage } from "../features/regions/routes/region-settings-page.tsx";
import { IdentityProvidersPage } from "../features/single-sign-on/routes/identity-providers-page.tsx";
import { UsersPage } from "../features/users/routes/users-page.tsx";
import { DashboardPage } from "../features/dashboard/routes/dashboard-page.tsx";
import { ReportBuilderPage } from "../features/dashboard/routes/report-builder-page.tsx";
import { validateReportSearch } from "../features/dashboard/routes/report-search.ts";
import { SelfAssessmentPage } from "../features/self-assessment/routes/self-assessment-page.tsx";
import { ApprovalQueuePage } from "../features/matches/routes/approval-queue-page.tsx";
import { IncomingAsksPage } from "../features/matches/routes/incoming-asks-page.tsx";
import { MatchPage } from "../features/matches/routes/match-page.tsx";
import { MatchesPage } from "../features/matches/routes/matches-page.tsx";
import { validateMatchesSearch } from "../features/matches/routes/search.ts";
import { NewOpportunityPage } from "../features/opportunities/routes/new-opportunity-page.tsx";
import { OpportunitiesPage } from "../features/opportunities/routes/opportunities-page.tsx";
import { OpportunityPage } from "../features/opportunities/routes/opportunity-page.tsx";
import { validateOpportunitiesSearch } from "../features/opportunities/routes/search.ts";
import { NewRequestPage } from "../features/requests/routes/new-request-page.tsx";
import { RequestPage } from "../features/requests/routes/request-page.tsx";
import { RequestsPage } from "../features/requests/routes/requests-page.tsx";
import { DistrictDataPage, validateDistrictDataSearch } from "../features/district-data/routes/district-data-page.tsx";
import { EmployerInsurancePage } from "../features/insurance/routes/employer-insurance-page.tsx";
import { InsurancePage } from "../features/insurance/routes/insurance-page.tsx";
import { FailedJobsPage } from "../features/jobs/routes/failed-jobs-page.tsx";
import { EvaluatePage } from "../features/placements/routes/evaluate-page.tsx";
import { HoursPage } from "../features/placements/routes/hours-page.tsx";
import { PlacementsPage } from "../features/placements/routes/placements-page.tsx";
import { SignPage } from "../features/signing/routes/sign-page.tsx";
import { StudentsPage } from "../features/students/routes/students-page.tsx";
import { validateStudentsSearch } from "../features/students/routes/search.ts";
import { pageParam } from "../lib/search-params.ts";

/** Code-based routes: features export pages, and only this file knows the URL tree. */
const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFound });

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
    signInError: SIGN_IN_ERRORS.find((code) => code === search.signInError),
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

const routeTree = rootRoute.addChildren([
  loginRoute,
  mailboxRoute,
  invitationRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  signRoute,
  hoursLinkRoute,
  evaluateRoute,
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
    growRoute,
    relationshipRoute,
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
