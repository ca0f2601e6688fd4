import { Button, Group, Paper } from "@mantine/core";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { useRequests } from "../api/get-requests.ts";
import { RequestsTable } from "../components/requests-table.tsx";

const route = getRouteApi("/_app/requests/");

/** Teachers see the requests they made ("My requests"); coordinators and intermediaries all in scope. */
export function RequestsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { page } = route.useSearch();
  const navigate = route.useNavigate();
  const mine = user.role === "teacher";
  const requests = useRequests({ mine: mine || undefined, page });

  return (
    <>
      <PageHeader
        title={mine ? t("brokering.requests.mineTitle") : t("brokering.requests.title")}
        intro={mine ? t("brokering.requests.mineIntro") : t("brokering.requests.intro")}
        actions={
          user.role !== "employer" ? (
            <Group mt="sm">
              <Button component={Link} to="/requests/new">
                {t("brokering.requests.new")}
              </Button>
            </Group>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="md">
        {requests.isPending ? (
          <PageLoader />
        ) : requests.isError ? (
          <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
        ) : (
          <>
            <RequestsTable items={requests.data.items} />
            <Pager
              page={requests.data.page}
              pageSize={requests.data.pageSize}
              total={requests.data.total}
              onChange={(next) => void navigate({ search: { page: next } })}
            />
          </>
        )}
      </Paper>
    </>
  );
}
