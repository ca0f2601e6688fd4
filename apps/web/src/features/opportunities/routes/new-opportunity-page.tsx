import { Paper } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { useCreateOpportunity } from "../api/save-opportunity.ts";
import { OpportunityForm } from "../components/opportunity-form.tsx";

export function NewOpportunityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateOpportunity();
  return (
    <>
      <PageHeader title={t("brokering.opportunities.newTitle")} intro={t("brokering.opportunities.newIntro")} />
      <Paper withBorder radius="md" p="lg" maw={900}>
        <OpportunityForm
          chooseEmployer={user.role === "intermediary"}
          submitLabel={t("brokering.opportunities.create")}
          onSubmit={async (input) => {
            const created = await create.mutateAsync(input as Parameters<typeof create.mutateAsync>[0]);
            await navigate({ to: "/opportunities/$opportunityId", params: { opportunityId: created.id } });
          }}
          onCancel={() => void navigate({ to: "/opportunities", search: { page: 1 } })}
        />
      </Paper>
    </>
  );
}
