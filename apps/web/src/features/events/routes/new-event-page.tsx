import { EVENT_KINDS, type Event, type EventKind, isScheduledEvent, type Pathway } from "@bridgework/domain";
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { useSchools } from "../../../hooks/use-schools.ts";
import { api } from "../../../lib/api-client.ts";
import { displayTimeZone } from "../../../lib/format.ts";
import { zonedLocalToIso } from "../../../lib/zoned-time.ts";

interface RoleDraft {
  key: number;
  name: string;
  description: string;
  bring: string;
  startsAt: string;
  endsAt: string;
  needed: number;
  scheduled: boolean;
}

interface SchoolDraft {
  arrivesAt: string;
  leavesAt: string;
}

let nextKey = 1;
const blankRole = (name: string, scheduled: boolean): RoleDraft => ({
  key: nextKey++,
  name,
  description: "",
  bring: "",
  startsAt: "",
  endsAt: "",
  needed: 10,
  scheduled,
});

/** The form a coordinator (district) or the intermediary (region) creates an event with; then its page. */
export function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const zone = displayTimeZone();
  const iso = (value: string) => zonedLocalToIso(value, zone) ?? null;
  const schools = useSchools();
  const pathways = useQuery({
    queryKey: ["pathways", "all"],
    queryFn: ({ signal }) => api<{ items: Pathway[] }>("/api/pathways", { query: { pageSize: 100 }, signal }),
  });
  const [kind, setKind] = useState<EventKind>("mock_interviews");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [location, setLocation] = useState("");
  const [virtualUrl, setVirtualUrl] = useState("");
  const [chosen, setChosen] = useState<Record<string, SchoolDraft>>({});
  const [pathwayIds, setPathwayIds] = useState<string[]>([]);
  const [interviewsPerStudent, setInterviewsPerStudent] = useState(3);
  const [slotMinutes, setSlotMinutes] = useState(20);
  const [roles, setRoles] = useState<RoleDraft[]>([blankRole(t("eventsAdmin.form.defaultRole"), true)]);
  const scheduledKind = isScheduledEvent(kind);

  const create = useMutation({
    mutationFn: () =>
      api<Event>("/api/events", {
        method: "POST",
        body: {
          kind,
          title,
          description,
          startsAt: iso(startsAt),
          endsAt: iso(endsAt),
          location: location || null,
          virtualUrl: virtualUrl || null,
          schools: Object.entries(chosen).map(([schoolId, s]) => ({
            schoolId,
            arrivesAt: s.arrivesAt ? iso(s.arrivesAt) : null,
            leavesAt: s.leavesAt ? iso(s.leavesAt) : null,
          })),
          pathwayIds,
          ...(scheduledKind ? { interviewsPerStudent, slotMinutes } : {}),
          roles: roles.map(({ key: _key, ...r }) => ({
            ...r,
            startsAt: iso(r.startsAt),
            endsAt: iso(r.endsAt),
            scheduled: scheduledKind && r.scheduled,
          })),
        },
      }),
    onSuccess: (event) => navigate({ to: "/events/$eventId", params: { eventId: event.id } }),
  });

  const setRole = (key: number, patch: Partial<RoleDraft>) =>
    setRoles((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const schoolName = (id: string) => schools.data?.find((s) => s.id === id)?.name ?? "";
  const offered = (pathways.data?.items ?? []).filter((p) => chosen[p.schoolId]);

  return (
    <>
      <PageHeader title={t("eventsAdmin.form.title")} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="md" maw={720}>
          <Select
            label={t("eventsAdmin.form.kind")}
            data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as EventKind)}
            allowDeselect={false}
            required
          />
          <TextInput
            label={t("eventsAdmin.form.name")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <Textarea
            label={t("eventsAdmin.form.description")}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {zone ? <Text size="sm">{t("eventsAdmin.form.zone", { zone })}</Text> : null}
          <Group grow wrap="wrap">
            <TextInput
              type="datetime-local"
              label={t("eventsAdmin.form.startsAt")}
              value={startsAt}
              onChange={(e) => setStartsAt(e.currentTarget.value)}
              required
            />
            <TextInput
              type="datetime-local"
              label={t("eventsAdmin.form.endsAt")}
              value={endsAt}
              onChange={(e) => setEndsAt(e.currentTarget.value)}
              required
            />
          </Group>
          <TextInput
            label={t("eventsAdmin.form.location")}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
          />
          <TextInput
            type="url"
            label={t("eventsAdmin.form.virtualUrl")}
            value={virtualUrl}
            onChange={(e) => setVirtualUrl(e.currentTarget.value)}
          />
          <Fieldset legend={t("eventsAdmin.form.schools")}>
            <Stack gap="xs">
              {(schools.data ?? []).map((s) => (
                <Stack key={s.id} gap={4}>
                  <Checkbox
                    label={s.name}
                    checked={Boolean(chosen[s.id])}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setChosen((c) => {
                        const next = { ...c };
                        if (on) next[s.id] = { arrivesAt: "", leavesAt: "" };
                        else delete next[s.id];
                        return next;
                      });
                    }}
                  />
                  {chosen[s.id] ? (
                    <Group grow wrap="wrap" pl="lg">
                      <TextInput
                        type="datetime-local"
                        label={t("eventsAdmin.form.arrivesAt", { school: s.name })}
                        value={chosen[s.id]!.arrivesAt}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setChosen((c) => ({ ...c, [s.id]: { ...c[s.id]!, arrivesAt: v } }));
                        }}
                      />
                      <TextInput
                        type="datetime-local"
                        label={t("eventsAdmin.form.leavesAt", { school: s.name })}
                        value={chosen[s.id]!.leavesAt}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setChosen((c) => ({ ...c, [s.id]: { ...c[s.id]!, leavesAt: v } }));
                        }}
                      />
                    </Group>
                  ) : null}
                </Stack>
              ))}
            </Stack>
          </Fieldset>
          <Fieldset legend={t("eventsAdmin.form.pathways")}>
            {offered.length === 0 ? (
              <Text size="sm">{t("eventsAdmin.form.noPathways")}</Text>
            ) : (
              <Stack gap="xs">
                {offered.map((p) => (
                  <Checkbox
                    key={p.id}
                    label={`${p.name} (${schoolName(p.schoolId)})`}
                    checked={pathwayIds.includes(p.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setPathwayIds((ids) => (on ? [...ids, p.id] : ids.filter((id) => id !== p.id)));
                    }}
                  />
                ))}
              </Stack>
            )}
          </Fieldset>
          {scheduledKind ? (
            <Group grow wrap="wrap">
              <NumberInput
                label={t("eventsAdmin.form.interviewsPerStudent")}
                min={1}
                max={10}
                value={interviewsPerStudent}
                onChange={(v) => setInterviewsPerStudent(Number(v) || 1)}
              />
              <NumberInput
                label={t("eventsAdmin.form.slotMinutes")}
                min={5}
                max={240}
                value={slotMinutes}
                onChange={(v) => setSlotMinutes(Number(v) || 20)}
              />
            </Group>
          ) : null}
          <Fieldset legend={t("eventsAdmin.form.roles")}>
            <Stack gap="lg">
              {roles.map((r, i) => (
                <Fieldset key={r.key} legend={t("eventsAdmin.form.role", { n: i + 1 })} variant="unstyled">
                  <Stack gap="xs">
                    <TextInput
                      label={t("eventsAdmin.form.roleName")}
                      value={r.name}
                      onChange={(e) => setRole(r.key, { name: e.currentTarget.value })}
                      required
                    />
                    <Textarea
                      label={t("eventsAdmin.form.roleDescription")}
                      value={r.description}
                      onChange={(e) => setRole(r.key, { description: e.currentTarget.value })}
                    />
                    <TextInput
                      label={t("eventsAdmin.form.bring")}
                      value={r.bring}
                      onChange={(e) => setRole(r.key, { bring: e.currentTarget.value })}
                    />
                    <Group grow wrap="wrap">
                      <TextInput
                        type="datetime-local"
                        label={t("eventsAdmin.form.shiftStart")}
                        value={r.startsAt}
                        onChange={(e) => setRole(r.key, { startsAt: e.currentTarget.value })}
                        required
                      />
                      <TextInput
                        type="datetime-local"
                        label={t("eventsAdmin.form.shiftEnd")}
                        value={r.endsAt}
                        onChange={(e) => setRole(r.key, { endsAt: e.currentTarget.value })}
                        required
                      />
                    </Group>
                    <NumberInput
                      label={t("eventsAdmin.form.needed")}
                      min={1}
                      max={10000}
                      value={r.needed}
                      onChange={(v) => setRole(r.key, { needed: Number(v) || 1 })}
                      required
                    />
                    {scheduledKind ? (
                      <Checkbox
                        label={t("eventsAdmin.form.scheduled")}
                        checked={r.scheduled}
                        onChange={(e) => setRole(r.key, { scheduled: e.currentTarget.checked })}
                      />
                    ) : null}
                    {roles.length > 1 ? (
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => setRoles((list) => list.filter((x) => x.key !== r.key))}
                        style={{ alignSelf: "flex-start" }}
                      >
                        {t("eventsAdmin.form.removeRole", { n: i + 1 })}
                      </Button>
                    ) : null}
                  </Stack>
                </Fieldset>
              ))}
              <Button
                variant="light"
                onClick={() =>
                  setRoles((list) => {
                    const last = list[list.length - 1];
                    const role = blankRole(last?.name ?? "", last?.scheduled ?? false);
                    return [...list, { ...role, startsAt: last?.endsAt ?? "", endsAt: "" }];
                  })
                }
                style={{ alignSelf: "flex-start" }}
              >
                {t("eventsAdmin.form.addRole")}
              </Button>
            </Stack>
          </Fieldset>
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t("eventsAdmin.form.save")}
            </Button>
            <Button variant="subtle" onClick={() => void navigate({ to: "/events" })}>
              {t("eventsAdmin.form.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
