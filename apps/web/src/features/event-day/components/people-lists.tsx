import type { EventBoard } from "@bridgework/domain";
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { displayTimeZone } from "../../../lib/format.ts";
import { problemMessage } from "../../../lib/problem-message.ts";
import { useCheckIn, useNoShow } from "../api/event-day.ts";
import { useCheckInSentence } from "./check-in-scan.tsx";
import { formatTime } from "./time.ts";
import { stationLabel } from "./station.ts";

interface Person {
  id: string;
  name: string;
  detail: string;
  badgeCode: string;
  checkedInAt: string | null;
}

/** Both check-in lists, each with its search, Check in / Undo, and No-show for volunteers not in. */
export function PeopleLists({ eventId, board }: { eventId: string; board: EventBoard }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn(eventId);
  const noShow = useNoShow(eventId);
  const sentence = useCheckInSentence();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState<Person | null>(null);

  const toggle = async (kind: "volunteer" | "student", p: Person) => {
    try {
      const r = await checkIn.mutateAsync({ by: "list", kind, id: p.id, checkedIn: p.checkedInAt === null });
      setNotice({ ok: true, text: p.checkedInAt === null ? sentence(r) : t("eventDay.scan.undone", { name: r.name }) });
    } catch (error) {
      setNotice({ ok: false, text: problemMessage(t, error) });
    }
  };
  const markNoShow = async (p: Person) => {
    try {
      const r = await noShow.mutateAsync([p.id]);
      const short = r.short.map((s) => s.name).join(", ");
      setNotice({
        ok: true,
        text: [
          t("eventDay.noShow.done", { name: p.name, count: r.moved }),
          short ? t("eventDay.noShow.short", { names: short }) : "",
        ].join(" "),
      });
    } catch (error) {
      setNotice({ ok: false, text: problemMessage(t, error) });
    }
    setConfirming(null);
  };

  return (
    <Stack gap="md">
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color={notice.ok ? "green" : "red"} variant="light">
            {notice.text}
          </Alert>
        ) : null}
      </div>
      <PeopleList
        id="volunteers"
        title={t("eventDay.lists.volunteers")}
        people={board.volunteers.map((v) => ({
          ...v,
          detail: [v.employerName, v.roleName, v.station ? stationLabel(t, v.station) : null]
            .filter(Boolean)
            .join(" · "),
        }))}
        onToggle={(p) => void toggle("volunteer", p)}
        onNoShow={setConfirming}
        busy={checkIn.isPending}
      />
      <PeopleList
        id="students"
        title={t("eventDay.lists.students")}
        people={board.students.map((s) => ({ ...s, detail: s.schoolName }))}
        onToggle={(p) => void toggle("student", p)}
        busy={checkIn.isPending}
      />
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? t("eventDay.noShow.title", { name: confirming.name }) : ""}
      >
        <Stack>
          <Text size="sm">{t("eventDay.noShow.body")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t("eventDay.noShow.cancel")}
            </Button>
            <Button color="red" loading={noShow.isPending} onClick={() => confirming && void markNoShow(confirming)}>
              {t("eventDay.noShow.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function PeopleList({
  id,
  title,
  people,
  onToggle,
  onNoShow,
  busy,
}: {
  id: string;
  title: string;
  people: Person[];
  onToggle: (p: Person) => void;
  onNoShow?: (p: Person) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? people.filter((p) => `${p.name} ${p.detail} ${p.badgeCode}`.toLowerCase().includes(needle))
    : people;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Title order={2} size="h3" id={`${id}-heading`} mb="xs">
        {title}
      </Title>
      <TextInput
        label={t("eventDay.lists.search", { list: title.toLowerCase() })}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        type="search"
        mb="xs"
      />
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("eventDay.lists.none")}
        </Text>
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {shown.map((p) => (
            <li key={p.id} style={{ borderBottom: "1px solid var(--mantine-color-gray-3)", padding: "8px 0" }}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <div style={{ minWidth: 0, flex: "1 1 180px" }}>
                  <Text fw={600}>{p.name}</Text>
                  <Text size="sm">{p.detail}</Text>
                  <Text size="xs" c="dimmed">
                    {p.checkedInAt
                      ? t("eventDay.lists.inAt", { time: formatTime(p.checkedInAt, i18n.language, displayTimeZone()) })
                      : t("eventDay.lists.badge", { code: p.badgeCode })}
                  </Text>
                </div>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant={p.checkedInAt ? "default" : "filled"}
                    disabled={busy}
                    onClick={() => onToggle(p)}
                    aria-label={
                      p.checkedInAt
                        ? t("eventDay.lists.undoNamed", { name: p.name })
                        : t("eventDay.lists.checkInNamed", { name: p.name })
                    }
                  >
                    {p.checkedInAt ? t("eventDay.lists.undo") : t("eventDay.lists.checkIn")}
                  </Button>
                  {onNoShow && !p.checkedInAt ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onNoShow(p)}
                      aria-label={t("eventDay.lists.noShowNamed", { name: p.name })}
                    >
                      {t("eventDay.lists.noShow")}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}
