import { KINDS, MODALITIES, OPPORTUNITY_STATUSES, SECTORS } from "@bridgework/domain";
import { Button, Group, NativeSelect, Paper, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { useOpportunities } from "../api/get-opportunities.ts";
import { OpportunitiesTable } from "../components/opportunities-table.tsx";
import type { OpportunitiesSearch } from "./search.ts";
import { useLabels } from "../../../lib/labels.ts";

const route = getRouteApi("/_app/opportunities/");

/** Employers see their own offers ("My opportunities"); others browse the region's. Filters live in the URL. */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [q, setQ] = useState(search.q ?? "");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const opportunities = useOpportunities(search);
  const mine = user.role === "employer";
  const canCreate = user.role === "employer" || user.role === "intermediary";

  useEffect(() => {
    if (debouncedQ !== (search.q ?? ""))
      void navigate({ search: (prev) => ({ ...prev, q: debouncedQ || undefined, page: 1 }), replace: true });
  }, [debouncedQ, search.q, navigate]);

  const setFilter = <K extends keyof OpportunitiesSearch>(key: K, value: string) =>
    void navigate({ search: (prev) => ({ ...prev, [key]: value || undefined, page: 1 }) });
  const any = { value: "", label: t("brokering.any") };

  return (
    <>
      <PageHeader
        title={mine ? t("brokering.opportunities.mineTitle") : t("brokering.opportunities.title")}
        intro={mine ? t("brokering.opportunities.mineIntro") : t("brokering.opportunities.intro")}
        actions={
          canCreate ? (
            <Group mt="sm">
              <Button component={Link} to="/opportunities/new">
                {t("brokering.opportunities.new")}
              </Button>
            </Group>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" mb="md" gap="md">
          <TextInput
            label={t("brokering.fields.search")}
            description={t("brokering.opportunities.searchHint")}
            type="search"
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            w={240}
          />
          <NativeSelect
            label={t("brokering.fields.kind")}
            value={search.kind ?? ""}
            onChange={(e) => setFilter("kind", e.currentTarget.value)}
            data={[any, ...KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
            w={200}
          />
          <NativeSelect
            label={t("brokering.fields.sector")}
            value={search.sector ?? ""}
            onChange={(e) => setFilter("sector", e.currentTarget.value)}
            data={[any, ...SECTORS.map((s) => ({ value: s, label: labels.sectors[s] }))]}
            w={240}
          />
          <NativeSelect
            label={t("brokering.fields.modality")}
            value={search.modality ?? ""}
            onChange={(e) => setFilter("modality", e.currentTarget.value)}
            data={[any, ...MODALITIES.map((m) => ({ value: m, label: labels.modality(m) }))]}
            w={150}
          />
          {user.role !== "teacher" ? (
            <NativeSelect
              label={t("brokering.fields.status")}
              value={search.status ?? ""}
              onChange={(e) => setFilter("status", e.currentTarget.value)}
              data={[
                any,
                ...OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`brokering.opportunityStatus.${s}`) })),
              ]}
              w={150}
            />
          ) : null}
        </Group>
        {opportunities.isPending ? (
          <PageLoader />
        ) : opportunities.isError ? (
          <ErrorAlert error={opportunities.error} onRetry={() => void opportunities.refetch()} />
        ) : (
          <>
            <OpportunitiesTable items={opportunities.data.items} showEmployer={!mine} />
            <Pager
              page={opportunities.data.page}
              pageSize={opportunities.data.pageSize}
              total={opportunities.data.total}
              onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page }) })}
            />
          </>
        )}
      </Paper>
    </>
  );
}
