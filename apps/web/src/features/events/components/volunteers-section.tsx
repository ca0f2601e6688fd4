import type { Event } from "@bridgework/domain";
import { Badge, Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useAddVolunteer, useCancelVolunteer, useMessageVolunteers, useVolunteers } from "../api/events-api.ts";
import { ConfirmButton } from "./confirm-button.tsx";
import { FormDialog } from "./form-dialog.tsx";

/** The volunteers of an event, adding one directly, cancelling one, and messaging all of them. */
export function VolunteersSection({ event, onDone }: { event: Event; onDone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const volunteers = useVolunteers(event.id, event.canManage);
  const cancel = useCancelVolunteer(event.id);
  const [adding, setAdding] = useState(false);
  const [messaging, setMessaging] = useState(false);
  const roleName = (id: string) => event.roles.find((r) => r.id === id)?.name ?? "";
  if (volunteers.isPending) return <PageLoader />;
  if (volunteers.isError) return <ErrorAlert error={volunteers.error} onRetry={() => void volunteers.refetch()} />;
  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => setAdding(true)} disabled={event.roles.length === 0}>
          {t("eventsAdmin.event.addVolunteer")}
        </Button>
        <Button variant="light" onClick={() => setMessaging(true)}>
          {t("eventsAdmin.event.message")}
        </Button>
      </Group>
      {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
      {volunteers.data.length === 0 ? (
        <Text c="dimmed">{t("eventsAdmin.event.noVolunteers")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t("eventsAdmin.event.volunteersCaption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("eventsAdmin.event.volunteerColumns.name")}</Table.Th>
                <Table.Th scope="col">{t("eventsAdmin.event.volunteerColumns.employer")}</Table.Th>
                <Table.Th scope="col">{t("eventsAdmin.event.volunteerColumns.role")}</Table.Th>
                <Table.Th scope="col">{t("eventsAdmin.event.volunteerColumns.status")}</Table.Th>
                <Table.Th scope="col">{t("eventsAdmin.event.volunteerColumns.checkedIn")}</Table.Th>
                <Table.Th scope="col">{t("eventsAdmin.event.volunteerColumns.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {volunteers.data.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{v.name}</Table.Td>
                  <Table.Td>
                    {v.employerName}{" "}
                    {v.lead ? (
                      <Badge color="grape" variant="light">
                        {t("eventsAdmin.event.lead")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{roleName(v.roleId)}</Table.Td>
                  <Table.Td>{t(`events.volunteerStatuses.${v.status}`)}</Table.Td>
                  <Table.Td>
                    {v.checkedInAt ? formatDateTime(v.checkedInAt, i18n.language) : t("eventsAdmin.event.no")}
                  </Table.Td>
                  <Table.Td>
                    {v.status !== "cancelled" ? (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        label={t("eventsAdmin.event.cancelVolunteer", { name: v.name })}
                        question={t("eventsAdmin.event.confirmCancelVolunteer", { name: v.name })}
                        onConfirm={() =>
                          cancel.mutate(v.id, {
                            onSuccess: () => onDone(t("eventsAdmin.event.volunteerCancelled", { name: v.name })),
                          })
                        }
                      />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding ? (
        <AddVolunteerDialog
          event={event}
          onClose={() => setAdding(false)}
          onAdded={(name) => {
            setAdding(false);
            onDone(t("eventsAdmin.event.volunteerAdded", { name }));
          }}
        />
      ) : null}
      {messaging ? (
        <MessageDialog
          eventId={event.id}
          onClose={() => setMessaging(false)}
          onSent={(count) => {
            setMessaging(false);
            onDone(t("eventsAdmin.event.messageSent", { count }));
          }}
        />
      ) : null}
    </Stack>
  );
}

function AddVolunteerDialog({
  event,
  onClose,
  onAdded,
}: {
  event: Event;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const add = useAddVolunteer(event.id);
  const [roleId, setRoleId] = useState(event.roles[0]?.id ?? "");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [employerName, setEmployerName] = useState("");
  const [language, setLanguage] = useState<"en" | "es">("en");
  return (
    <FormDialog
      title={t("eventsAdmin.event.addVolunteer")}
      submitLabel={t("eventsAdmin.event.add")}
      onClose={onClose}
      pending={add.isPending}
      error={add.isError ? add.error : null}
      onSubmit={() => {
        add.mutate({ roleId, name, email, phone, employerName, language }, { onSuccess: () => onAdded(name) });
      }}
    >
      <Select
        label={t("eventsAdmin.event.volunteerRole")}
        data={event.roles.map((r) => ({
          value: r.id,
          label: `${r.name}, ${formatDateTime(r.startsAt, i18n.language)} (${r.filled}/${r.needed})`,
        }))}
        value={roleId}
        onChange={(v) => v && setRoleId(v)}
        allowDeselect={false}
        required
      />
      <TextInput
        label={t("eventsAdmin.event.volunteerName")}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <TextInput
        type="email"
        label={t("eventsAdmin.event.volunteerEmail")}
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        required
      />
      <TextInput
        type="tel"
        label={t("eventsAdmin.event.volunteerPhone")}
        value={phone}
        onChange={(e) => setPhone(e.currentTarget.value)}
      />
      <TextInput
        label={t("eventsAdmin.event.volunteerEmployer")}
        value={employerName}
        onChange={(e) => setEmployerName(e.currentTarget.value)}
        required
      />
      <Select
        label={t("eventsAdmin.event.volunteerLanguage")}
        data={[
          { value: "en", label: t("eventsAdmin.event.languages.en") },
          { value: "es", label: t("eventsAdmin.event.languages.es") },
        ]}
        value={language}
        onChange={(v) => v && setLanguage(v as "en" | "es")}
        allowDeselect={false}
      />
    </FormDialog>
  );
}

function MessageDialog({
  eventId,
  onClose,
  onSent,
}: {
  eventId: string;
  onClose: () => void;
  onSent: (count: number) => void;
}) {
  const { t } = useTranslation();
  const send = useMessageVolunteers(eventId);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  return (
    <FormDialog
      title={t("eventsAdmin.event.message")}
      submitLabel={t("eventsAdmin.event.send")}
      onClose={onClose}
      pending={send.isPending}
      error={send.isError ? send.error : null}
      onSubmit={() => {
        send.mutate({ subject, body }, { onSuccess: (r) => onSent(r.sent) });
      }}
    >
      <TextInput
        label={t("eventsAdmin.event.subject")}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        required
      />
      <Textarea
        label={t("eventsAdmin.event.body")}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={4}
        required
      />
    </FormDialog>
  );
}
