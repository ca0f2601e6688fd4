import type { PlacementStatus } from "@bridgework/domain";
import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { usePlacements } from "../api/get-placements.ts";
import { CreatePlacementForm } from "../components/create-placement-form.tsx";
import { PlacementCard } from "../components/placement-card.tsx";

const COLUMNS: PlacementStatus[] = ["pending_paperwork", "ready", "active", "completed"];

function Column({ status }: { status: PlacementStatus }) {
  const { t } = useTranslation();
  const placements = usePlacements(status);
  const headingId = `column-${status}`;
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" component="section" aria-labelledby={headingId} data-column={status}>
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
          {placements.data.items.map((p) => (
            <PlacementCard key={p.id} placement={p} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The board: one column per state, so what blocks a placement (its paperwork) is in view. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState(false);
  return (
    <>
      <PageHeader
        title={t("placements.placements.title")}
        intro={t("placements.placements.intro")}
        actions={
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
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="md">
        {COLUMNS.map((status) => (
          <Column key={status} status={status} />
        ))}
      </SimpleGrid>
      <Modal closeButtonProps={{ "aria-label": t("placements.common.close") }} opened={creating} onClose={() => setCreating(false)} title={t("placements.placements.createTitle")} size="lg">
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
