import { CreatePlacement, type Opportunity } from "@bridgework/domain";
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { SearchSelect } from "../../../components/ui/search-select.tsx";
import { searchPlacementOpportunities } from "../../../lib/choosers.ts";
import { fieldMessage, laterDay, todayInRegion } from "../../../lib/forms.ts";
import { LANGUAGES } from "../../../lib/i18n.ts";
import { useLabels } from "../../../lib/labels.ts";
import { applyServerErrors, schemaResolver } from "../../../lib/schema-resolver.ts";
import { searchStudents, useCreatePlacement } from "../api/create-placement.ts";

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
const FIELDS = [
  "studentId",
  "opportunityId",
  "startDate",
  "endDate",
  "supervisorName",
  "supervisorEmail",
  "supervisorLanguage",
  "studentEmail",
] as const;

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
const fieldOf = (path: string) =>
  FIELDS.find((f) => f === path.replace(/^supervisor\.(\w)/, (_m, c: string) => `supervisor${c.toUpperCase()}`));

/** Each field's label key, so validation messages name the field. */
const LABELS: Record<keyof Values, string> = {
  studentId: "placements.placements.student",
  opportunityId: "placements.placements.opportunity",
  startDate: "placements.placements.startDate",
  endDate: "placements.placements.endDate",
  supervisorName: "placements.placements.supervisorName",
  supervisorEmail: "placements.placements.supervisorEmail",
  supervisorLanguage: "placements.placements.supervisorLanguage",
  studentEmail: "placements.placements.studentEmail",
};

/** A placement cannot end before it starts, nor before today. */
const resolver = schemaResolver<Values, typeof CreatePlacement>(CreatePlacement, toInput, fieldOf, (v) => ({
  endDate: { min: laterDay(todayInRegion(), v.startDate) },
}));

/** Places a student into a published opportunity; the API emails each signer a link. */
export function CreatePlacementForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const create = useCreatePlacement();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<Values, unknown, CreatePlacement>({
    resolver,
    defaultValues: {
      studentId: "",
      opportunityId: "",
      startDate: "",
      endDate: "",
      supervisorName: "",
      supervisorEmail: "",
      supervisorLanguage: "en",
      studentEmail: "",
    },
  });
  const { errors } = formState;
  const label = (name: keyof Values) => t(LABELS[name] as "placements.placements.student");
  const err = (name: keyof Values) => fieldMessage(t, i18n.language, errors[name], label(name));
  const studentId = useWatch({ control, name: "studentId" });
  const startDate = useWatch({ control, name: "startDate" });

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await create.mutateAsync(input);
      onDone();
    } catch (error) {
      if (
        !applyServerErrors<Values>(
          error,
          (name, e) => setError(name, e),
          FIELDS,
          (p) => fieldOf(p) ?? p,
        )
      )
        setFailure(error);
    }
  });

  const opportunityLabel = (o: Opportunity) =>
    `${o.title} — ${labels.kind(o.kind)}, ${t("forms.placement.seats", { count: o.seatsLeft })}`;
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="sm">
        {failure ? <ErrorAlert error={failure} /> : null}
        <Controller
          control={control}
          name="studentId"
          render={({ field }) => (
            <SearchSelect
              label={label("studentId")}
              description={t("forms.placement.studentHint")}
              required
              error={err("studentId")}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? "")}
              onBlur={field.onBlur}
              queryKey={["students", "list"]}
              search={(q, signal) =>
                searchStudents(q, signal).then((p) => ({
                  options: p.items.map((s) => ({
                    value: s.id,
                    label: `${s.lastName}, ${s.firstName} (${s.localId}, ${s.schoolName})`,
                  })),
                  total: p.total,
                }))
              }
            />
          )}
        />
        <Controller
          control={control}
          name="opportunityId"
          render={({ field }) => (
            <SearchSelect
              label={label("opportunityId")}
              description={t("forms.placement.opportunityHint")}
              required
              error={err("opportunityId")}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? "")}
              onBlur={field.onBlur}
              queryKey={["opportunities", "list", "for-placement", studentId, i18n.language]}
              search={(q, signal) => searchPlacementOpportunities(q, signal, studentId || undefined, opportunityLabel)}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t("placements.placements.startDate")}
            required
            error={err("startDate")}
            {...register("startDate")}
          />
          <TextInput
            type="date"
            label={t("placements.placements.endDate")}
            min={laterDay(todayInRegion(), startDate)}
            required
            error={err("endDate")}
            {...register("endDate")}
          />
          <TextInput
            label={t("placements.placements.supervisorName")}
            required
            error={err("supervisorName")}
            {...register("supervisorName")}
          />
          <TextInput
            type="email"
            label={t("placements.placements.supervisorEmail")}
            required
            error={err("supervisorEmail")}
            {...register("supervisorEmail")}
          />
          <NativeSelect
            label={t("placements.placements.supervisorLanguage")}
            description={t("placements.placements.supervisorLanguageHint")}
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
            error={err("supervisorLanguage")}
            {...register("supervisorLanguage")}
          />
        </SimpleGrid>
        <TextInput
          type="email"
          label={t("placements.placements.studentEmail")}
          error={err("studentEmail")}
          {...register("studentEmail")}
        />
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
