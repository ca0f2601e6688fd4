import type { AddEventStudents, Event } from "@bridgework/domain";
import { Button, CloseButton, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { type ChooserOption, SearchSelect } from "../../../components/ui/search-select.tsx";
import { api } from "../../../lib/api-client.ts";
import { CHOOSER_PAGE } from "../../../lib/choosers.ts";
import { useAddStudents } from "../api/schedule.ts";

interface StudentChoice {
  id: string;
  firstName: string;
  lastName: string;
  schoolName: string;
}

const GRADES = ["6", "7", "8", "9", "10", "11", "12"];

/** Adds a taking-part school's students (optionally one grade, with a pathway) or students picked one by one. */
export function AddStudentsPanel({ event, onAdded }: { event: Event; onAdded: (text: string) => void }) {
  const { t } = useTranslation();
  const add = useAddStudents(event.id);
  const [mode, setMode] = useState<"school" | "list">("school");
  const [schoolId, setSchoolId] = useState<string | null>(event.schools[0]?.schoolId ?? null);
  const [grade, setGrade] = useState<string | null>(null);
  const [pathwayId, setPathwayId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ChooserOption[]>([]);
  const schoolName = event.schools.find((s) => s.schoolId === schoolId)?.schoolName;
  const pathways = event.pathways.filter((p) => p.schoolName === schoolName);

  const submit = () => {
    const body: AddEventStudents =
      mode === "list"
        ? { studentIds: chosen.map((c) => c.value) }
        : {
            schoolId: schoolId!,
            ...(grade ? { grade: Number(grade) } : {}),
            ...(pathwayId ? { pathwayId } : {}),
          };
    add.mutate(body, {
      onSuccess: (r) => {
        setChosen([]);
        onAdded(t("eventSchedule.add.result", { count: r.added, skipped: r.skipped }));
      },
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-students-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="add-students-heading">
          {t("eventSchedule.add.heading")}
        </Title>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as "school" | "list")}
          data={[
            { value: "school", label: t("eventSchedule.add.bySchool") },
            { value: "list", label: t("eventSchedule.add.byList") },
          ]}
          aria-label={t("eventSchedule.add.heading")}
        />
        {mode === "school" ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t("eventSchedule.add.school")}
              description={t("eventSchedule.add.schoolHint")}
              data={event.schools.map((s) => ({ value: s.schoolId, label: s.schoolName }))}
              value={schoolId ?? ""}
              onChange={(e) => {
                setSchoolId(e.currentTarget.value || null);
                setPathwayId(null);
              }}
              required
              miw={220}
            />
            <NativeSelect
              label={t("eventSchedule.add.grade")}
              data={[
                { value: "", label: t("eventSchedule.add.anyGrade") },
                ...GRADES.map((g) => ({ value: g, label: g })),
              ]}
              value={grade ?? ""}
              onChange={(e) => setGrade(e.currentTarget.value || null)}
              w={140}
            />
            <NativeSelect
              label={t("eventSchedule.add.pathway")}
              description={t("eventSchedule.add.pathwayHint")}
              data={[
                { value: "", label: t("eventSchedule.add.noPathway") },
                ...pathways.map((p) => ({ value: p.id, label: p.name })),
              ]}
              value={pathwayId ?? ""}
              onChange={(e) => setPathwayId(e.currentTarget.value || null)}
              miw={220}
            />
          </Group>
        ) : (
          <Stack gap="xs">
            <SearchSelect
              label={t("eventSchedule.add.student")}
              description={t("eventSchedule.add.studentHint")}
              value={null}
              queryKey={["event-schedule", "students-search"]}
              search={async (q, signal) => {
                const page = await api<{ items: StudentChoice[]; total: number }>("/api/students", {
                  query: { q: q || undefined, page: 1, pageSize: CHOOSER_PAGE },
                  signal,
                });
                return {
                  options: page.items.map((s) => ({
                    value: s.id,
                    label: `${s.firstName} ${s.lastName}`,
                    group: s.schoolName,
                  })),
                  total: page.total,
                };
              }}
              onChange={(_, option) => {
                if (option && !chosen.some((c) => c.value === option.value)) setChosen([...chosen, option]);
              }}
            />
            {chosen.length > 0 ? (
              <Stack
                gap={4}
                component="ul"
                aria-label={t("eventSchedule.add.chosen")}
                style={{ listStyle: "none", padding: 0 }}
              >
                {chosen.map((c) => (
                  <Group component="li" key={c.value} gap="xs">
                    <Text size="sm">{c.label}</Text>
                    <CloseButton
                      size="sm"
                      aria-label={t("eventSchedule.add.remove", { name: c.label })}
                      onClick={() => setChosen(chosen.filter((x) => x.value !== c.value))}
                    />
                  </Group>
                ))}
              </Stack>
            ) : null}
          </Stack>
        )}
        {add.isError ? <ErrorAlert error={add.error} /> : null}
        <Group>
          <Button
            onClick={submit}
            loading={add.isPending}
            disabled={mode === "school" ? !schoolId : chosen.length === 0}
          >
            {t("eventSchedule.add.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
