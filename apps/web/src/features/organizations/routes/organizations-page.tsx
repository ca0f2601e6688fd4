import { ORGANIZATION_TYPES, type Organization, type OrganizationType } from "@bridgework/domain";
import { Alert, Button, Group, NativeSelect, Paper, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useOrganizations } from "../api/get-organizations.ts";
import { OrganizationsTable } from "../components/organizations-table.tsx";
import { EraseDistrictDialog } from "../components/erase-district-dialog.tsx";
import { SchoolForm } from "../components/school-form.tsx";
import { useCurrentUser } from "../../../lib/session.ts";

const route = getRouteApi("/_app/organizations");

/** Filters live in the URL, so a filtered list can be bookmarked and shared. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [q, setQ] = useState(search.q ?? "");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const organizations = useOrganizations({ type: search.type, q: search.q, page: search.page });
  const me = useCurrentUser();
  const canEdit = me.role === "intermediary";
  // null: the form is closed; "new": adding a school; else the school being edited.
  const [editing, setEditing] = useState<Organization | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [erasing, setErasing] = useState<Organization | null>(null);

  useEffect(() => {
    if (debouncedQ !== (search.q ?? ""))
      void navigate({ search: (prev) => ({ ...prev, q: debouncedQ || undefined, page: 1 }), replace: true });
  }, [debouncedQ, search.q, navigate]);

  return (
    <>
      <PageHeader title={t("organizations.title")} intro={t("organizations.intro")} />
      {canEdit ? (
        <Group mb="md">
          <Button
            onClick={() => {
              setNotice(null);
              setEditing("new");
            }}
          >
            {t("schoolCodes.addSchool")}
          </Button>
        </Group>
      ) : null}
      {notice ? (
        <Alert role="status" color="green" variant="light" mb="md">
          {notice}
        </Alert>
      ) : null}
      {editing ? (
        <SchoolForm
          school={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onDone={(saved) => {
            setNotice(t(editing === "new" ? "schoolCodes.added" : "schoolCodes.saved", { name: saved.name }));
            setEditing(null);
          }}
        />
      ) : null}
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" mb="md" gap="md">
          <NativeSelect
            label={t("organizations.type")}
            value={search.type ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value as OrganizationType | "";
              void navigate({ search: (prev) => ({ ...prev, type: value || undefined, page: 1 }) });
            }}
            data={[
              { value: "", label: t("organizations.allTypes") },
              ...ORGANIZATION_TYPES.map((type) => ({ value: type, label: t(`organizations.types.${type}`) })),
            ]}
            w={220}
          />
          <TextInput
            label={t("organizations.search")}
            type="search"
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            w={260}
          />
        </Group>
        {organizations.isPending ? (
          <PageLoader />
        ) : organizations.isError ? (
          <ErrorAlert error={organizations.error} onRetry={() => void organizations.refetch()} />
        ) : (
          <>
            <OrganizationsTable
              items={organizations.data.items}
              onEdit={
                canEdit
                  ? (org) => {
                      setNotice(null);
                      setEditing(org);
                    }
                  : undefined
              }
              onErase={canEdit ? setErasing : undefined}
            />
            <Pager
              page={organizations.data.page}
              pageSize={organizations.data.pageSize}
              total={organizations.data.total}
              onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page }) })}
            />
          </>
        )}
      </Paper>
      <EraseDistrictDialog district={erasing} onClose={() => setErasing(null)} />
    </>
  );
}
