import type { Organization } from "@bridgework/domain";
import { Alert, Button, Group, Modal, Progress, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type ErasureStatus, startDistrictErasure, useErasureProgress } from "../api/erase-district.ts";

/**
 * The intermediary's danger zone for one district: typing the district's exact name unlocks the
 * erasure (the API checks it too, with the same sentence next to the field), then the dialog
 * follows the background erasure to its result. Focus stays in the modal; Escape closes it.
 */
export function EraseDistrictDialog({ district, onClose }: { district: Organization | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [started, setStarted] = useState<ErasureStatus | null>(null);
  const progress = useErasureProgress(started);
  const status = progress.data ?? started;
  const finished = status?.status === "done" || status?.status === "failed";

  useEffect(() => {
    // What was erased is gone from every list that showed it.
    if (finished) void queryClient.invalidateQueries();
  }, [finished, queryClient]);

  const close = () => {
    setConfirm("");
    setFieldError(null);
    setFailure(null);
    setStarted(null);
    onClose();
  };
  const name = district?.name ?? "";
  const submit = async () => {
    if (!district) return;
    setFailure(null);
    setFieldError(null);
    setSubmitting(true);
    try {
      setStarted(await startDistrictErasure(district.id, confirm));
    } catch (error) {
      const onField = error instanceof ApiError ? error.errors.find((e) => e.path === "confirm") : undefined;
      if (onField) setFieldError(onField.message);
      else setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      closeButtonProps={{ "aria-label": t("erase.district.close") }}
      opened={district !== null}
      onClose={close}
      title={t("erase.district.title")}
      centered
    >
      {status ? (
        <Stack gap="md">
          {status.status === "running" ? (
            <>
              <Text size="sm" aria-live="polite">
                {t("erase.district.running", { processed: status.processed, total: status.total })}
              </Text>
              <Progress
                value={status.total ? (100 * status.processed) / status.total : 100}
                aria-label={t("erase.district.progressLabel")}
              />
            </>
          ) : status.status === "done" ? (
            <Alert color="green" role="status">
              {t("erase.district.done", { count: status.counts.students, placements: status.counts.placements })}
            </Alert>
          ) : (
            <Alert color="red" role="alert">
              {t("erase.district.failed")}
            </Alert>
          )}
          {progress.isError ? <ErrorAlert error={progress.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={!finished}>
              {t("erase.district.close")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t("erase.district.body", { name })}</Text>
            {failure ? <ErrorAlert error={failure} /> : null}
            <TextInput
              label={t("erase.district.confirmLabel")}
              description={t("erase.district.confirmHint", { name })}
              value={confirm}
              onChange={(event) => setConfirm(event.currentTarget.value)}
              error={fieldError}
              autoComplete="off"
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("erase.district.keep")}
              </Button>
              <Button type="submit" color="red.9" loading={submitting} disabled={confirm !== name}>
                {t("erase.district.erase")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
