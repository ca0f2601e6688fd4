import { CreatePlacement } from "@bridgework/domain";
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { fieldMessage } from "../../../lib/forms.ts";
import { LANGUAGES } from "../../../lib/i18n.ts";
import { useCreatePlacement, usePublishedOpportunities, useStudentChoices } from "../api/create-placement.ts";

interface Values {
  studentId: string;
  opportunityId: string;
  startDate: string;
  endDate: string;
  supervisorName: string;
  supervisorEmail: string;
  supervisorLanguage: "en" | "es";
  studentEmail: string;
}
const FIELDS = ["studentId", "opportunityId", "startDate", "endDate", "supervisorName", "supervisorEmail", "supervisorLanguage", "studentEmail"] as const;

const toInput = (v: Values) => ({
  studentId: v.studentId,
  opportunityId: v.opportunityId,
  startDate: v.startDate,
  endDate: v.endDate,
  supervisor: { name: v.supervisorName, email: v.supervisorEmail.trim() },
  supervisorLanguage: v.supervisorLanguage,
  studentEmail: v.studentEmail.trim() || undefined,
});
/** `supervisor.email` → `supervisorEmail`. */
const fieldOf = (path: string) => FIELDS.find((f) => f === path.replace(/^supervisor\.(\w)/, (_m, c: string) => `supervisor${c.toUpperCase()}`));

const resolver: Resolver<Values, unknown, CreatePlacement> = async (values) => {
  const parsed = CreatePlacement.safeParse(toInput(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of parsed.error.issues) errors[fieldOf(issue.path.join(".")) ?? "studentId"] ??= { type: issue.code, message: issue.message };
  return { values: {}, errors: errors as FieldErrors<Values> };
};

/** Places a student into a published opportunity; the API emails each signer a link. */
export function CreatePlacementForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const students = useStudentChoices(debouncedQ);
  const opportunities = usePublishedOpportunities();
  const create = useCreatePlacement();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, CreatePlacement>({
    resolver,
    defaultValues: { studentId: "", opportunityId: "", startDate: "", endDate: "", supervisorName: "", supervisorEmail: "", supervisorLanguage: "en", studentEmail: "" },
  });
  const { errors } = formState;
  const err = (name: keyof Values) => fieldMessage(t, i18n.language, errors[name]);

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await create.mutateAsync(input);
      onDone();
    } catch (error) {
      let placed = false;
      if (error instanceof ApiError) {
        for (const fe of error.errors) {
          const field = fieldOf(fe.path);
          if (field) {
            setError(field, { type: "server", message: fe.message });
            placed = true;
          }
        }
      }
      if (!placed) setFailure(error);
    }
  });

  const studentOptions = (students.data ?? []).map((s) => ({ value: s.id, label: `${s.lastName}, ${s.firstName} (${s.localId}, ${s.schoolName})` }));
  const opportunityOptions = (opportunities.data ?? []).map((o) => ({ value: o.id, label: `${o.title} — ${o.employerName} (${o.seatsLeft})` }));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="sm">
        {failure ? <ErrorAlert error={failure} /> : null}
        <TextInput label={t("placements.placements.studentSearch")} type="search" value={q} onChange={(event) => setQ(event.currentTarget.value)} />
        <NativeSelect
          label={t("placements.placements.student")}
          required
          error={err("studentId")}
          data={[{ value: "", label: studentOptions.length === 0 ? t("placements.placements.noStudents") : "—" }, ...studentOptions]}
          {...register("studentId")}
        />
        <NativeSelect
          label={t("placements.placements.opportunity")}
          required
          error={err("opportunityId")}
          data={[{ value: "", label: opportunityOptions.length === 0 ? t("placements.placements.noOpportunities") : "—" }, ...opportunityOptions]}
          {...register("opportunityId")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t("placements.placements.startDate")} required error={err("startDate")} {...register("startDate")} />
          <TextInput type="date" label={t("placements.placements.endDate")} required error={err("endDate")} {...register("endDate")} />
          <TextInput label={t("placements.placements.supervisorName")} required error={err("supervisorName")} {...register("supervisorName")} />
          <TextInput type="email" label={t("placements.placements.supervisorEmail")} required error={err("supervisorEmail")} {...register("supervisorEmail")} />
          <NativeSelect
            label={t("placements.placements.supervisorLanguage")}
            description={t("placements.placements.supervisorLanguageHint")}
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
            error={err("supervisorLanguage")}
            {...register("supervisorLanguage")}
          />
        </SimpleGrid>
        <TextInput type="email" label={t("placements.placements.studentEmail")} error={err("studentEmail")} {...register("studentEmail")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("placements.common.cancel")}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {t("placements.placements.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
