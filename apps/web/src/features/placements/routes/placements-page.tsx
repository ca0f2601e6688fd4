import type { BulkResult, PlacementStatus } from "@bridgework/domain";
import { Button, Checkbox, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { BulkResults, BulkToolbar, toggled } from "../../../components/ui/bulk-results.tsx";
import { useSession } from "../../../lib/session.ts";
import { studentName, usePlacements, type PlacementView } from "../api/get-placements.ts";
import { useResendPaperworkMany } from "../api/resend-paperwork-many.ts";
import { CreatePlacementForm } from "../components/create-placement-form.tsx";
import { PlacementCard } from "../components/placement-card.tsx";

const COLUMNS: PlacementStatus[] = ["pending_paperwork", "ready", "active", "completed"];

function Column({ status }: { status: PlacementStatus }) {
  const { t } = useTranslation();
  const placements = usePlacements(status);
  const current = useSession();
  const canResend =
    current.status === "authenticated" && (current.user.role === "coordinator" || current.user.role === "intermediary");
  const headingId = `column-${status}`;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="gray.0"
      component="section"
      aria-labelledby={headingId}
      data-column={status}
    >
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t(`placements.placements.columns.${status}`)} {placements.data ? `(${placements.data.total})` : ""}
      </Title>
      {placements.isPending ? (
        <PageLoader />
      ) : placements.isError ? (
        <ErrorAlert error={placements.error} onRetry={() => void placements.refetch()} />
      ) : placements.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("placements.placements.emptyColumn")}
        </Text>
      ) : (
        <Stack gap="sm">
          {status === "pending_paperwork" && canResend ? (
            <ResendMany placements={placements.data.items} />
          ) : (
            placements.data.items.map((p) => <PlacementCard key={p.id} placement={p} />)
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Pending paperwork, selectable: resend the unsigned documents' links of several placements at once, then each one's outcome. */
function ResendMany({ placements }: { placements: PlacementView[] }) {
  const { t } = useTranslation();
  const resend = useResendPaperworkMany();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ result: BulkResult; labels: Map<string, string> } | null>(null);
  const resendable = placements.filter((p) => p.documents.some((d) => d.status === "pending"));
  const ids = resendable.map((p) => p.id);
  const chosen = ids.filter((id) => selected.has(id));
  const label = (p: PlacementView) =>
    t("account.bulk.selectPlacement", { student: studentName(p), employer: p.employerName });

  const resendSelected = () => {
    const labels = new Map(
      resendable.filter((p) => selected.has(p.id)).map((p) => [p.id, `${studentName(p)} — ${p.employerName}`]),
    );
    resend.mutate(chosen, {
      onSuccess: (result) => {
        setOutcome({ result, labels });
        setSelected(new Set());
      },
    });
  };

  return (
    <>
      {outcome ? (
        <BulkResults
          result={outcome.result}
          labelOf={(id) => outcome.labels.get(id) ?? t("account.bulk.unknownItem", { id })}
          doneText={t("account.bulk.resent")}
        />
      ) : null}
      {resend.isError ? <ErrorAlert error={resend.error} /> : null}
      {ids.length > 0 ? (
        <BulkToolbar ids={ids} selected={selected} onChange={setSelected}>
          <Button size="xs" disabled={chosen.length === 0} loading={resend.isPending} onClick={resendSelected}>
            {t("account.bulk.resendSelected")}
          </Button>
        </BulkToolbar>
      ) : null}
      {placements.map((p) => (
        <Stack key={p.id} gap={4}>
          {ids.includes(p.id) ? (
            <Checkbox
              label={label(p)}
              checked={selected.has(p.id)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setSelected((s) => toggled(s, p.id, on));
              }}
            />
          ) : null}
          <PlacementCard placement={p} />
        </Stack>
      ))}
    </>
  );
}

/** The board: one column per state, so what blocks a placement (its paperwork) is in view. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const current = useSession();
  // Teachers and employers reach the board from the calendar and "needs you" to follow a placement; only staff place students.
  const canPlace =
    current.status === "authenticated" && (current.user.role === "coordinator" || current.user.role === "intermediary");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState(false);
  return (
    <>
      <PageHeader
        title={t("placements.placements.title")}
        intro={t("placements.placements.intro")}
        actions={
          canPlace ? (
            <Group mt="xs" gap="md">
              <Button
                onClick={() => {
                  setCreated(false);
                  setCreating(true);
                }}
              >
                {t("placements.placements.new")}
              </Button>
              {created ? (
                <Text size="sm" role="status">
                  {t("placements.placements.created")}
                </Text>
              ) : null}
            </Group>
          ) : undefined
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="md">
        {COLUMNS.map((status) => (
          <Column key={status} status={status} />
        ))}
      </SimpleGrid>
      <Modal
        closeButtonProps={{ "aria-label": t("placements.common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("placements.placements.createTitle")}
        size="lg"
      >
        {creating ? (
          <CreatePlacementForm
            onDone={() => {
              setCreating(false);
              setCreated(true);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : null}
      </Modal>
    </>
  );
}
