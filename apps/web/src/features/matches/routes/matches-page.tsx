import { MATCH_STATUSES } from "@bridgework/domain";
import { Group, NativeSelect, Paper } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useMatches } from "../api/get-matches.ts";
import { MatchesTable } from "../components/matches-table.tsx";

const route = getRouteApi("/_app/matches/");

/** Every match in scope, filtered by state and duplicate ask; filters live in the URL. */
export function MatchesPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const matches = useMatches(search);
  const any = { value: "", label: t("brokering.any") };

  return (
    <>
      <PageHeader title={t("brokering.matches.title")} intro={t("brokering.matches.intro")} />
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" mb="md" gap="md">
          <NativeSelect
            label={t("brokering.fields.status")}
            value={search.status ?? ""}
            onChange={(e) => {
              const value = e.currentTarget.value;
              void navigate({
                search: (prev) => ({ ...prev, status: MATCH_STATUSES.find((s) => s === value), page: 1 }),
              });
            }}
            data={[any, ...MATCH_STATUSES.map((s) => ({ value: s, label: t(`brokering.matchStatus.${s}`) }))]}
            w={200}
          />
          <NativeSelect
            label={t("brokering.matches.duplicateFilter")}
            value={search.duplicateAsk === undefined ? "" : String(search.duplicateAsk)}
            onChange={(e) => {
              const value = e.currentTarget.value;
              void navigate({
                search: (prev) => ({ ...prev, duplicateAsk: value === "" ? undefined : value === "true", page: 1 }),
              });
            }}
            data={[any, { value: "true", label: t("brokering.yes") }, { value: "false", label: t("brokering.no") }]}
            w={180}
          />
        </Group>
        {matches.isPending ? (
          <PageLoader />
        ) : matches.isError ? (
          <ErrorAlert error={matches.error} onRetry={() => void matches.refetch()} />
        ) : (
          <>
            <MatchesTable items={matches.data.items} />
            <Pager
              page={matches.data.page}
              pageSize={matches.data.pageSize}
              total={matches.data.total}
              onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page }) })}
            />
          </>
        )}
      </Paper>
    </>
  );
}
