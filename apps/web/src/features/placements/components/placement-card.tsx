import { HoursInput, InsuranceOverrideInput, WithdrawInput } from "@bridgework/domain";
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useFocusAfterAction } from "../../../hooks/use-focus-after-action.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { earlierDay, todayInRegion } from "../../../lib/forms.ts";
import { LANGUAGES } from "../../../lib/i18n.ts";
import { useSession } from "../../../lib/session.ts";
import { studentName, type PlacementView } from "../api/get-placements.ts";
import { usePlacementAction } from "../api/placement-actions.ts";
import { ActionDialog } from "./action-dialog.tsx";
import { DocumentList } from "./document-list.tsx";
import { useLabels } from "../../../lib/labels.ts";

type Dialog = "withdraw" | "override" | "hours" | null;

const day = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

/** Why activation was refused, in words a coordinator can act on (422 paperwork-incomplete / insurance-required). */
function ActivationRefused({ error, placement }: { error: ApiError; placement: PlacementView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const unsigned = placement.documents.filter((d) => d.status !== "signed").map((d) => labels.document(d.kind));
  const reason =
    error.slug === "paperwork-incomplete"
      ? t("placements.placements.paperworkIncomplete", { documents: unsigned.join(", ") || error.detail })
      : error.slug === "insurance-required"
        ? t("placements.placements.insuranceRequired", {
            status: t(`placements.placements.insuranceStatus.${placement.insurance.status}`),
          })
        : error.detail;
  return (
    <Alert color="orange" variant="light" role="alert" title={t("placements.placements.cannotActivate")}>
      <Text size="sm">{reason}</Text>
    </Alert>
  );
}

/** What the reader may do on a card: staff run the paperwork; a teacher of the school logs hours; employers only read. */
function usePlacementRights() {
  const current = useSession();
  const role = current.status === "authenticated" ? current.user.role : null;
  return {
    manage: role === "coordinator" || role === "intermediary",
    logHours: role === "coordinator" || role === "intermediary" || role === "teacher",
  };
}

export function PlacementCard({ placement }: { placement: PlacementView }) {
  const { t, i18n } = useTranslation();
  const rights = usePlacementRights();
  const supervisor = placement.supervisor;
  const action = usePlacementAction(placement.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const name = studentName(placement);
  const status = placement.status;
  const open = (status === "pending_paperwork" || status === "ready") && rights.manage;
  const headingId = `placement-${placement.id}`;

  // A card moves to another column after most actions: focus follows it there, not the page's top.
  const { focusAfter } = useFocusAfterAction();
  const cardSelector = `[data-placement="${placement.id}"]`;
  const perform = (a: Parameters<typeof action.mutate>[0], done: string) => {
    setNotice(null);
    action.mutate(a, {
      onSuccess: () => {
        setNotice(done);
        focusAfter(cardSelector);
      },
    });
  };
  const refused =
    action.error instanceof ApiError && action.error.status === 422 && action.variables?.type === "activate"
      ? action.error
      : null;
  const ins = placement.insurance;

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-placement={placement.id}
    >
      <Stack gap="xs">
        <div>
          <Title order={3} size="h5" id={headingId}>
            {name}
          </Title>
          <Text size="sm">
            {placement.opportunityTitle} · {placement.employerName}
          </Text>
          <Text size="xs" c="dimmed">
            {t("placements.placements.dates", {
              start: day(placement.startDate, i18n.language),
              end: day(placement.endDate, i18n.language),
            })}{" "}
            · {t("placements.placements.supervisor", { name: supervisor.name })}
            {"language" in supervisor
              ? ` (${t("placements.placements.readsIn", { language: LANGUAGES.find((l) => l.code === supervisor.language)?.label ?? supervisor.language })})`
              : null}
          </Text>
        </div>
        <Group gap={6}>
          <Text size="xs" fw={600}>
            {t("placements.placements.insurance")}:
          </Text>
          <Badge
            variant="light"
            radius="sm"
            tt="none"
            fw={600}
            color={ins.status === "valid" ? "green" : ins.status === "expiring" ? "yellow" : "red"}
          >
            {t(`placements.placements.insuranceStatus.${ins.status}`)}
          </Badge>
          {ins.override ? (
            <Badge variant="outline" radius="sm" tt="none" color="gray.8">
              {t("placements.placements.overrideRecorded", {
                kind: t(`placements.placements.overrideKinds.${ins.override.kind}`),
              })}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" fw={600} mt={4}>
          {t("placements.placements.documents")}
        </Text>
        <DocumentList
          documents={placement.documents}
          busy={action.isPending}
          onResend={
            open
              ? (doc) =>
                  perform(
                    { type: "resend", documentId: doc.id },
                    t("placements.placements.resent", { name: doc.signer.name }),
                  )
              : undefined
          }
        />
        {status === "active" || status === "completed" ? (
          <Text size="xs">
            {t("placements.placements.hours", { approved: placement.hoursApproved, pending: placement.hoursPending })}
          </Text>
        ) : null}
        {refused ? (
          <ActivationRefused error={refused} placement={placement} />
        ) : action.isError ? (
          <ErrorAlert error={action.error} />
        ) : null}
        {notice ? (
          <Text size="sm" role="status">
            {notice}
          </Text>
        ) : null}
        {open || (status === "active" && rights.logHours) ? (
          <Group gap="xs" role="group" aria-label={t("placements.placements.cardActions", { name })}>
            {open ? (
              <Button
                size="xs"
                onClick={() => perform({ type: "activate" }, t("placements.placements.activated"))}
                loading={action.isPending && action.variables?.type === "activate"}
              >
                {t("placements.placements.activate")}
              </Button>
            ) : null}
            {status === "active" && rights.manage ? (
              <Button
                size="xs"
                onClick={() => perform({ type: "complete" }, t("placements.placements.completed"))}
                loading={action.isPending && action.variables?.type === "complete"}
              >
                {t("placements.placements.complete")}
              </Button>
            ) : null}
            {status === "active" && rights.logHours ? (
              <Button size="xs" variant="default" onClick={() => setDialog("hours")}>
                {t("placements.placements.logHours")}
              </Button>
            ) : null}
            {open && !ins.override && ins.status !== "valid" ? (
              <Button size="xs" variant="default" onClick={() => setDialog("override")}>
                {t("placements.placements.recordOverride")}
              </Button>
            ) : null}
            {open || (status === "active" && rights.manage) ? (
              <Button size="xs" variant="default" color="red" onClick={() => setDialog("withdraw")}>
                {t("placements.placements.withdraw")}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      {dialog === "withdraw" ? (
        <ActionDialog
          title={t("placements.placements.withdrawTitle", { name })}
          submitLabel={t("placements.placements.withdraw")}
          fields={[
            { name: "reason", label: t("placements.placements.withdrawReason"), kind: "textarea", required: true },
          ]}
          initial={{ reason: "" }}
          schema={WithdrawInput}
          toInput={(v) => ({ reason: v.reason })}
          onSubmit={(input) =>
            action.mutateAsync({ type: "withdraw", reason: input.reason }).then(() => {
              setNotice(t("placements.placements.withdrawn"));
              focusAfter(cardSelector);
            })
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === "override" ? (
        <ActionDialog
          title={t("placements.placements.overrideTitle", { name })}
          submitLabel={t("placements.common.save")}
          fields={[
            {
              name: "kind",
              label: t("placements.placements.overrideKind"),
              kind: "select",
              required: true,
              options: [
                { value: "rider", label: t("placements.placements.overrideKinds.rider") },
                { value: "waiver", label: t("placements.placements.overrideKinds.waiver") },
              ],
            },
            { name: "note", label: t("placements.placements.overrideNote"), kind: "textarea", required: true },
          ]}
          initial={{ kind: "rider", note: "" }}
          schema={InsuranceOverrideInput}
          toInput={(v) => ({ kind: v.kind, note: v.note })}
          onSubmit={(input) => action.mutateAsync({ type: "override", input })}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === "hours" ? (
        <ActionDialog
          title={t("placements.placements.hoursTitle", { name })}
          submitLabel={t("placements.placements.logHours")}
          fields={[
            {
              name: "date",
              label: t("placements.placements.hoursDate"),
              kind: "date",
              required: true,
              min: placement.startDate,
              max: earlierDay(placement.endDate, todayInRegion()),
            },
            { name: "hours", label: t("placements.placements.hoursCount"), kind: "number", required: true },
            { name: "note", label: t("placements.placements.hoursNote"), kind: "textarea" },
          ]}
          initial={{ date: earlierDay(placement.endDate, todayInRegion()) ?? "", hours: "", note: "" }}
          schema={HoursInput}
          toInput={(v) => ({
            date: v.date,
            hours: v.hours === "" ? undefined : Number(v.hours),
            note: v.note?.trim() || undefined,
          })}
          onSubmit={(input) =>
            action.mutateAsync({ type: "hours", input }).then(() => {
              setNotice(t("placements.placements.hoursLogged"));
              focusAfter(cardSelector);
            })
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Card>
  );
}
