import { Paper } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { useCreateRequest } from "../api/create-request.ts";
import { RequestForm } from "../components/request-form.tsx";

/** A teacher asks for their own school (the API takes the school from the login). */
export function NewRequestPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateRequest();
  return (
    <>
      <PageHeader title={t("brokering.requests.newTitle")} intro={t("brokering.requests.newIntro")} />
      <Paper withBorder radius="md" p="lg" maw={900}>
        <RequestForm
          schoolId={user.organizationId}
          onSubmit={async (input) => {
            const created = await create.mutateAsync(input);
            await navigate({ to: "/requests/$requestId", params: { requestId: created.id } });
          }}
          onCancel={() => void navigate({ to: "/requests", search: { page: 1 } })}
        />
      </Paper>
    </>
  );
}
