import { CreateRequest, GRADE_LEVELS, KINDS, MODALITIES, SECTORS } from "@bridgework/domain";
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { fieldMessage, laterDay, todayInRegion } from "../../../lib/forms.ts";
import { applyServerErrors, numberOrUndefined, schemaResolver } from "../../../lib/schema-resolver.ts";
import { useSchoolPathways } from "../api/get-school-pathways.ts";
import { useLabels } from "../../../lib/labels.ts";

export interface RequestFormValues {
  kind: string;
  sector: string;
  pathwayId: string;
  students: string;
  gradeLevels: string[];
  windowStart: string;
  windowEnd: string;
  modality: string;
  notes: string;
}
type Field = keyof RequestFormValues;
const FIELDS: Field[] = [
  "kind",
  "sector",
  "pathwayId",
  "students",
  "gradeLevels",
  "windowStart",
  "windowEnd",
  "modality",
  "notes",
];

/** Each field's label (its translation key), so validation messages name the field. */
const LABELS: Record<Field, string> = {
  kind: "brokering.fields.kind",
  sector: "brokering.fields.sector",
  pathwayId: "brokering.requests.pathway",
  students: "brokering.requests.students",
  gradeLevels: "brokering.requests.gradeLevels",
  windowStart: "brokering.requests.windowStart",
  windowEnd: "brokering.requests.windowEnd",
  modality: "brokering.fields.modality",
  notes: "brokering.requests.notes",
};

const toInput = (v: RequestFormValues) => ({
  kind: v.kind || undefined,
  sector: v.sector || undefined,
  pathwayId: v.pathwayId || null,
  students: numberOrUndefined(v.students),
  // One checkbox alone reports a string rather than a list.
  gradeLevels: ([] as string[]).concat(v.gradeLevels || []).map(Number),
  windowStart: v.windowStart,
  windowEnd: v.windowEnd,
  modality: v.modality || undefined,
  notes: v.notes.trim() || undefined,
});

/** A window cannot start in the past, nor end before it starts. */
const resolver = schemaResolver<RequestFormValues, typeof CreateRequest>(CreateRequest, toInput, undefined, (v) => ({
  windowStart: { min: todayInRegion() },
  windowEnd: { min: laterDay(todayInRegion(), v.windowStart) },
}));

interface RequestFormProps {
  schoolId: string;
  onSubmit: (input: CreateRequest) => Promise<unknown>;
  onCancel: () => void;
}

/** A teacher's ask for the own school; checked with the API's schema, server field errors shown in place. */
export function RequestForm({ schoolId, onSubmit, onCancel }: RequestFormProps) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [failure, setFailure] = useState<unknown>(null);
  const pathways = useSchoolPathways(schoolId);
  const { register, handleSubmit, setError, setValue, control, formState } = useForm<
    RequestFormValues,
    unknown,
    CreateRequest
  >({
    resolver,
    defaultValues: {
      kind: "",
      sector: "",
      pathwayId: "",
      students: "",
      gradeLevels: [],
      windowStart: "",
      windowEnd: "",
      modality: "in_person",
      notes: "",
    },
  });
  const { errors } = formState;
  const err = (field: Field) =>
    fieldMessage(
      t,
      i18n.language,
      errors[field] as Parameters<typeof fieldMessage>[2],
      t(LABELS[field] as "brokering.fields.kind"),
    );
  const windowStart = useWatch({ control, name: "windowStart" });
  const choose = { value: "", label: "—" };
  const pathwayField = register("pathwayId");

  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onSubmit(input);
    } catch (error) {
      applyServerErrors<RequestFormValues>(error, (name, e) => setError(name, e), FIELDS);
      setFailure(error);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("brokering.fields.kind")}
            required
            error={err("kind")}
            data={[choose, ...KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
            {...register("kind")}
          />
          <NativeSelect
            label={t("brokering.requests.pathway")}
            error={err("pathwayId")}
            data={[
              { value: "", label: t("brokering.requests.noPathway") },
              ...(pathways.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            {...pathwayField}
            onChange={(event) => {
              // A pathway belongs to a sector: picking it fills the sector in.
              const pathway = pathways.data?.find((p) => p.id === event.currentTarget.value);
              if (pathway) setValue("sector", pathway.sector);
              return pathwayField.onChange(event);
            }}
          />
          <NativeSelect
            label={t("brokering.fields.sector")}
            required
            error={err("sector")}
            data={[choose, ...SECTORS.map((s) => ({ value: s, label: labels.sectors[s] }))]}
            {...register("sector")}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            label={t("brokering.requests.students")}
            type="number"
            inputMode="numeric"
            min={1}
            required
            error={err("students")}
            {...register("students")}
          />
          <TextInput
            label={t("brokering.requests.windowStart")}
            type="date"
            min={todayInRegion()}
            required
            error={err("windowStart")}
            {...register("windowStart")}
          />
          <TextInput
            label={t("brokering.requests.windowEnd")}
            type="date"
            min={laterDay(todayInRegion(), windowStart)}
            required
            error={err("windowEnd")}
            {...register("windowEnd")}
          />
          <NativeSelect
            label={t("brokering.fields.modality")}
            required
            error={err("modality")}
            data={MODALITIES.map((m) => ({ value: m, label: labels.modality(m) }))}
            {...register("modality")}
          />
        </SimpleGrid>
        <Fieldset
          legend={t("brokering.requests.gradeLevels")}
          variant="unstyled"
          aria-describedby={errors.gradeLevels ? "grade-levels-error" : undefined}
        >
          <Group gap="lg">
            {GRADE_LEVELS.map((grade) => (
              <Checkbox
                key={grade}
                value={String(grade)}
                label={t("brokering.requests.grade", { grade })}
                {...register("gradeLevels")}
              />
            ))}
          </Group>
          {errors.gradeLevels ? (
            <Text id="grade-levels-error" c="red.9" size="sm" mt={6}>
              {err("gradeLevels")}
            </Text>
          ) : null}
        </Fieldset>
        <Textarea
          label={t("brokering.requests.notes")}
          description={t("brokering.requests.notesHint")}
          rows={3}
          error={err("notes")}
          {...register("notes")}
        />
        <Group>
          <Button type="submit" loading={formState.isSubmitting}>
            {formState.isSubmitting ? t("brokering.saving") : t("brokering.requests.create")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("brokering.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
