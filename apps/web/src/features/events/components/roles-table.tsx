import type { Event, EventRole } from "@bridgework/domain";
import { Button, Group, NumberInput, Table, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useDeleteRole, useSaveRole } from "../api/events-api.ts";
import { ConfirmButton } from "./confirm-button.tsx";
import { FormDialog } from "./form-dialog.tsx";

/** The event's roles with how many are needed, confirmed and waiting; edit and delete for those who run it. */
export function RolesTable({ event, onDone }: { event: Event; onDone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<EventRole | null>(null);
  const remove = useDeleteRole(event.id);
  return (
    <>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Caption>{t("eventsAdmin.event.rolesCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("eventsAdmin.event.roleColumns.role")}</Table.Th>
              <Table.Th scope="col">{t("eventsAdmin.event.roleColumns.shift")}</Table.Th>
              <Table.Th scope="col">{t("eventsAdmin.event.roleColumns.needed")}</Table.Th>
              <Table.Th scope="col">{t("eventsAdmin.event.roleColumns.filled")}</Table.Th>
              <Table.Th scope="col">{t("eventsAdmin.event.roleColumns.waiting")}</Table.Th>
              {event.canManage ? <Table.Th scope="col">{t("eventsAdmin.event.roleColumns.actions")}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {event.roles.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  {formatDateTime(r.startsAt, i18n.language)} – {formatDateTime(r.endsAt, i18n.language)}
                </Table.Td>
                <Table.Td>{r.needed}</Table.Td>
                <Table.Td>{r.filled}</Table.Td>
                <Table.Td>{r.waitlisted}</Table.Td>
                {event.canManage ? (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setEditing(r)}>
                        {t("eventsAdmin.event.editRole", { role: r.name })}
                      </Button>
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        label={t("eventsAdmin.event.deleteRole", { role: r.name })}
                        question={t("eventsAdmin.event.confirmDeleteRole", { role: r.name })}
                        onConfirm={() =>
                          remove.mutate(r.id, { onSuccess: () => onDone(t("eventsAdmin.event.roleDeleted")) })
                        }
                      />
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? (
        <EditRoleDialog
          eventId={event.id}
          role={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onDone(t("eventsAdmin.event.roleSaved"));
          }}
        />
      ) : null}
    </>
  );
}

function EditRoleDialog({
  eventId,
  role,
  onClose,
  onSaved,
}: {
  eventId: string;
  role: EventRole;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveRole(eventId);
  const [name, setName] = useState(role.name);
  const [bring, setBring] = useState(role.bring);
  const [needed, setNeeded] = useState(role.needed);
  return (
    <FormDialog
      title={t("eventsAdmin.event.editRole", { role: role.name })}
      submitLabel={t("eventsAdmin.event.saveRole")}
      onClose={onClose}
      pending={save.isPending}
      error={save.isError ? save.error : null}
      onSubmit={() => {
        save.mutate(
          {
            id: role.id,
            body: {
              name,
              description: role.description,
              bring,
              startsAt: role.startsAt,
              endsAt: role.endsAt,
              needed,
              scheduled: role.scheduled,
            },
          },
          { onSuccess: onSaved },
        );
      }}
    >
      <TextInput
        label={t("eventsAdmin.form.roleName")}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <TextInput label={t("eventsAdmin.form.bring")} value={bring} onChange={(e) => setBring(e.currentTarget.value)} />
      <NumberInput
        label={t("eventsAdmin.form.needed")}
        min={1}
        max={10000}
        value={needed}
        onChange={(v) => setNeeded(Number(v) || 1)}
        required
      />
    </FormDialog>
  );
}
