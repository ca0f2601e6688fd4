import { NativeSelect, Paper, Stack } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { useCreateRequest } from "../api/create-request.ts";
import { useSchools } from "../../../hooks/use-schools.ts";
import { RequestForm } from "../components/request-form.tsx";

/**
 * A teacher asks for their own school (the API takes the school from the login); a coordinator
 * (for a school of the district) or the intermediary picks the school first.
 */
export function NewRequestPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateRequest();
  const teacher = user.role === "teacher";
  const schools = useSchools(!teacher);
  const [picked, setPicked] = useState("");
  const choices = (schools.data ?? [])
    .filter((s) => user.role !== "coordinator" || s.parentId === user.organizationId)
    .sort((a, b) => a.name.localeCompare(b.name));
  const schoolId = teacher ? user.organizationId : picked || choices[0]?.id;

  return (
    <>
      <PageHeader title={t("brokering.requests.newTitle")} intro={t("brokering.requests.newIntro")} />
      <Paper withBorder radius="md" p="lg" maw={900}>
        <Stack gap="md">
          {teacher ? null : schools.isPending ? (
            <PageLoader />
          ) : schools.isError ? (
            <ErrorAlert error={schools.error} onRetry={() => void schools.refetch()} />
          ) : (
            <NativeSelect
              label={t("brokering.requests.school")}
              description={t("brokering.requests.schoolHint")}
              data={choices.map((s) => ({ value: s.id, label: s.name }))}
              value={schoolId ?? ""}
              onChange={(e) => setPicked(e.currentTarget.value)}
              required
            />
          )}
          {schoolId ? (
            <RequestForm
              // A new school has other pathways: start the form afresh.
              key={schoolId}
              schoolId={schoolId}
              onSubmit={async (input) => {
                const created = await create.mutateAsync(teacher ? input : { ...input, schoolId });
                await navigate({ to: "/requests/$requestId", params: { requestId: created.id } });
              }}
              onCancel={() => void navigate({ to: "/requests", search: { page: 1 } })}
            />
          ) : null}
        </Stack>
      </Paper>
    </>
  );
}
