import { nextState, OPPORTUNITY_MACHINE, type UpdateOpportunity } from "@bridgework/domain";
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { type OpportunityStatusAction, useChangeOpportunityStatus } from "../api/change-opportunity-status.ts";
import { useOpportunity } from "../api/get-opportunity.ts";
import { useUpdateOpportunity } from "../api/save-opportunity.ts";
import { OpportunityFacts } from "../components/opportunity-facts.tsx";
import { OpportunityForm } from "../components/opportunity-form.tsx";

const route = getRouteApi("/_app/opportunities/$opportunityId");
const ACTIONS: OpportunityStatusAction[] = ["publish", "pause", "close"];

/** One opportunity; its owner (or the intermediary) edits it and moves it through its states. */
export function OpportunityPage() {
  const { t } = useTranslation();
  const { opportunityId } = route.useParams();
  const user = useCurrentUser();
  const opportunity = useOpportunity(opportunityId);
  const update = useUpdateOpportunity(opportunityId);
  const change = useChangeOpportunityStatus(opportunityId);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (opportunity.isPending) return <PageLoader />;
  if (opportunity.isError) return <ErrorAlert error={opportunity.error} onRetry={() => void opportunity.refetch()} />;
  const o = opportunity.data;
  const canManage = user.role === "intermediary" || (user.role === "employer" && user.organizationId === o.employerId);
  const available = ACTIONS.filter((a) => nextState(OPPORTUNITY_MACHINE, o.status, a) !== null);
  const editable = canManage && o.status !== "closed" && o.status !== "archived";

  return (
    <>
      <PageHeader
        title={o.title}
        intro={
          <Group component="span" gap="xs">
            <StatusBadge scope="opportunityStatus" status={o.status} />
            <span>{o.employerName}</span>
          </Group>
        }
        actions={
          <AnchorLink to="/opportunities" search={{ page: 1 }} size="sm">
            {t("brokering.back")}
          </AnchorLink>
        }
      />
      <Stack gap="lg" maw={960}>
        {notice ? (
          <Alert color="green" variant="light" role="status">
            {notice}
          </Alert>
        ) : null}
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        {canManage && (available.length > 0 || editable) ? (
          <Group>
            {available.map((action) => (
              <Button
                key={action}
                variant={action === "publish" ? "filled" : action === "close" ? "outline" : "default"}
                color={action === "close" ? "red.9" : undefined}
                loading={change.isPending && change.variables === action}
                onClick={() =>
                  change.mutate(action, {
                    onSuccess: (updated) =>
                      setNotice(
                        t("brokering.opportunities.statusChanged", {
                          status: t(`brokering.opportunityStatus.${updated.status}`),
                        }),
                      ),
                  })
                }
              >
                {t(`brokering.opportunities.${action}`)}
              </Button>
            ))}
            {editable && !editing ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t("brokering.opportunities.edit")}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <Paper withBorder radius="md" p="lg">
          {editing ? (
            <>
              <Title order={2} size="h4" mb="md">
                {t("brokering.opportunities.editTitle")}
              </Title>
              <OpportunityForm
                opportunity={o}
                submitLabel={t("brokering.save")}
                onSubmit={async (input) => {
                  await update.mutateAsync(input as UpdateOpportunity);
                  setEditing(false);
                  setNotice(t("brokering.saved"));
                }}
                onCancel={() => setEditing(false)}
              />
            </>
          ) : (
            <Stack gap="md">
              <OpportunityFacts opportunity={o} />
              {o.description ? <Text style={{ whiteSpace: "pre-wrap" }}>{o.description}</Text> : null}
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  );
}
