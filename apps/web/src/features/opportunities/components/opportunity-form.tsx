import { CreateOpportunity, KINDS, MODALITIES, type Opportunity, SECTORS, UpdateOpportunity } from "@bridgework/domain";
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { fieldMessage } from "../../../lib/forms.ts";
import {
  applyServerErrors,
  isoToLocal,
  localToIso,
  numberOrUndefined,
  schemaResolver,
} from "../../../lib/schema-resolver.ts";
import { useEmployers } from "../api/get-employers.ts";
import { useLabels } from "../../../lib/labels.ts";

/** The form as typed: native inputs hold strings; the shared schema checks the body they become. */
export interface OpportunityFormValues {
  employerId: string;
  kind: string;
  sector: string;
  title: string;
  description: string;
  modality: string;
  city: string;
  postalCode: string;
  capacity: string;
  startsAt: string;
  endsAt: string;
  minAge: string;
  requirements: string;
  paid: boolean;
  hoursTotal: string;
}
type Field = keyof OpportunityFormValues;
const FIELDS: Field[] = [
  "employerId",
  "kind",
  "sector",
  "title",
  "description",
  "modality",
  "city",
  "postalCode",
  "capacity",
  "startsAt",
  "endsAt",
  "minAge",
  "requirements",
  "paid",
  "hoursTotal",
];
/** Each field's label (its translation key), so validation messages name the field. */
const LABELS: Record<Field, string> = {
  employerId: "brokering.opportunities.employerId",
  kind: "brokering.fields.kind",
  sector: "brokering.fields.sector",
  title: "brokering.opportunities.name",
  description: "brokering.opportunities.description",
  modality: "brokering.fields.modality",
  city: "brokering.opportunities.city",
  postalCode: "brokering.opportunities.postalCode",
  capacity: "brokering.opportunities.capacity",
  startsAt: "brokering.opportunities.startsAt",
  endsAt: "brokering.opportunities.endsAt",
  minAge: "brokering.opportunities.minAge",
  requirements: "brokering.opportunities.requirements",
  paid: "brokering.opportunities.paid",
  hoursTotal: "brokering.opportunities.hoursTotal",
};
const fieldOf = (path: string): Field =>
  path.startsWith("location.") ? (path.slice(9) as Field) : (path.split(".")[0] as Field);

function toInput(v: OpportunityFormValues, withEmployer: boolean) {
  const city = v.city.trim() || null;
  const postalCode = v.postalCode.trim() || null;
  return {
    ...(withEmployer ? { employerId: v.employerId || undefined } : {}),
    kind: v.kind || undefined,
    sector: v.sector || undefined,
    title: v.title,
    description: v.description,
    modality: v.modality || undefined,
    location: city || postalCode ? { city, postalCode } : null,
    capacity: numberOrUndefined(v.capacity),
    startsAt: localToIso(v.startsAt) ?? null,
    endsAt: localToIso(v.endsAt) ?? null,
    minAge: numberOrUndefined(v.minAge) ?? null,
    requirements: v.requirements
      .split("\n")
      .map((r) => r.trim())
      .filter(Boolean),
    paid: v.paid,
    hoursTotal: numberOrUndefined(v.hoursTotal) ?? null,
  };
}

function fromOpportunity(o: Opportunity | undefined): OpportunityFormValues {
  return {
    employerId: o?.employerId ?? "",
    kind: o?.kind ?? "",
    sector: o?.sector ?? "",
    title: o?.title ?? "",
    description: o?.description ?? "",
    modality: o?.modality ?? "in_person",
    city: o?.location?.city ?? "",
    postalCode: o?.location?.postalCode ?? "",
    capacity: o ? String(o.capacity) : "",
    startsAt: isoToLocal(o?.startsAt),
    endsAt: isoToLocal(o?.endsAt),
    minAge: o?.minAge == null ? "" : String(o.minAge),
    requirements: o?.requirements.join("\n") ?? "",
    paid: o?.paid ?? false,
    hoursTotal: o?.hoursTotal == null ? "" : String(o.hoursTotal),
  };
}

interface OpportunityFormProps {
  /** Editing this one; creating when absent. */
  opportunity?: Opportunity;
  /** An intermediary posts on behalf of an employer it names. */
  chooseEmployer?: boolean;
  submitLabel: string;
  onSubmit: (input: CreateOpportunity | UpdateOpportunity) => Promise<unknown>;
  onCancel?: () => void;
}

/** Create and edit share one form; both are checked with the API's own schemas before sending. */
export function OpportunityForm({
  opportunity,
  chooseEmployer = false,
  submitLabel,
  onSubmit,
  onCancel,
}: OpportunityFormProps) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [failure, setFailure] = useState<unknown>(null);
  const employers = useEmployers(chooseEmployer);
  const resolver = useMemo(
    () =>
      opportunity
        ? schemaResolver<OpportunityFormValues, typeof UpdateOpportunity>(
            UpdateOpportunity,
            (v) => toInput(v, false),
            fieldOf,
          )
        : schemaResolver<OpportunityFormValues, typeof CreateOpportunity>(
            CreateOpportunity,
            (v) => toInput(v, chooseEmployer),
            fieldOf,
          ),
    [opportunity, chooseEmployer],
  );
  const { register, handleSubmit, setError, control, formState } = useForm<
    OpportunityFormValues,
    unknown,
    CreateOpportunity | UpdateOpportunity
  >({ resolver, defaultValues: fromOpportunity(opportunity) });
  const { errors } = formState;
  const startsAt = useWatch({ control, name: "startsAt" });
  const err = (field: Field) =>
    fieldMessage(t, i18n.language, errors[field], t(LABELS[field] as "brokering.fields.kind"));

  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onSubmit(input);
    } catch (error) {
      applyServerErrors<OpportunityFormValues>(error, (name, e) => setError(name, e), FIELDS, fieldOf);
      setFailure(error);
    }
  });

  const choose = { value: "", label: "—" };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} /> : null}
        {chooseEmployer ? (
          <NativeSelect
            label={t("brokering.opportunities.employerId")}
            required
            error={err("employerId")}
            data={[
              { value: "", label: t("brokering.opportunities.pickEmployer") },
              ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name })),
            ]}
            {...register("employerId")}
          />
        ) : null}
        <TextInput label={t("brokering.opportunities.name")} required error={err("title")} {...register("title")} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("brokering.fields.kind")}
            required
            error={err("kind")}
            data={[choose, ...KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
            {...register("kind")}
          />
          <NativeSelect
            label={t("brokering.fields.sector")}
            required
            error={err("sector")}
            data={[choose, ...SECTORS.map((s) => ({ value: s, label: labels.sectors[s] }))]}
            {...register("sector")}
          />
          <NativeSelect
            label={t("brokering.fields.modality")}
            required
            error={err("modality")}
            data={MODALITIES.map((m) => ({ value: m, label: labels.modality(m) }))}
            {...register("modality")}
          />
        </SimpleGrid>
        <Textarea
          label={t("brokering.opportunities.description")}
          rows={3}
          error={err("description")}
          {...register("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("brokering.opportunities.capacity")}
            type="number"
            inputMode="numeric"
            min={1}
            required
            error={err("capacity")}
            {...register("capacity")}
          />
          <TextInput
            label={t("brokering.opportunities.startsAt")}
            type="datetime-local"
            error={err("startsAt")}
            {...register("startsAt")}
          />
          <TextInput
            label={t("brokering.opportunities.endsAt")}
            type="datetime-local"
            min={startsAt || undefined}
            error={err("endsAt")}
            {...register("endsAt")}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            label={t("brokering.opportunities.city")}
            autoComplete="address-level2"
            error={err("city")}
            {...register("city")}
          />
          <TextInput
            label={t("brokering.opportunities.postalCode")}
            autoComplete="postal-code"
            error={err("postalCode")}
            {...register("postalCode")}
          />
          <TextInput
            label={t("brokering.opportunities.minAge")}
            description={t("brokering.opportunities.minAgeHint")}
            type="number"
            inputMode="numeric"
            error={err("minAge")}
            {...register("minAge")}
          />
          <TextInput
            label={t("brokering.opportunities.hoursTotal")}
            type="number"
            inputMode="decimal"
            error={err("hoursTotal")}
            {...register("hoursTotal")}
          />
        </SimpleGrid>
        <Textarea
          label={t("brokering.opportunities.requirements")}
          description={t("brokering.opportunities.requirementsHint")}
          rows={2}
          error={err("requirements")}
          {...register("requirements")}
        />
        <Checkbox label={t("brokering.opportunities.paid")} {...register("paid")} />
        <Group>
          <Button type="submit" loading={formState.isSubmitting}>
            {formState.isSubmitting ? t("brokering.saving") : submitLabel}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t("brokering.cancel")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
