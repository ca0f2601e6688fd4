import {
  COMPANY_SIZES,
  EmployerInterestInput,
  MODALITIES,
  SECTORS,
  WAY_TO_HELP_TEXT,
  WAYS_TO_HELP,
} from "@bridgework/domain";
import {
  Box,
  Button,
  Checkbox,
  Fieldset,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { fieldMessage } from "../../../lib/forms.ts";
import { useLabels } from "../../../lib/labels.ts";
import { applyServerErrors, schemaResolver } from "../../../lib/schema-resolver.ts";
import {
  EMPTY,
  FIELDS,
  type Field,
  fieldOf,
  type InterestFormValues,
  monthNames,
  toInput,
} from "./interest-form-values.ts";

/** Off-screen rather than `display: none`, which some bots detect and skip. */
const HONEYPOT_STYLE = {
  position: "absolute",
  left: "-10000px",
  top: "auto",
  width: 1,
  height: 1,
  overflow: "hidden",
} as const;

/** The public "Get involved" form, checked with the API's own schema before sending. */
export function InterestForm({ onSubmit }: { onSubmit: (input: EmployerInterestInput) => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const language = labels.language;
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<
    InterestFormValues,
    unknown,
    EmployerInterestInput
  >({
    resolver: schemaResolver<InterestFormValues, typeof EmployerInterestInput>(
      EmployerInterestInput,
      (v) => toInput(v, i18n.language),
      fieldOf,
    ),
    defaultValues: EMPTY,
  });
  const label = (field: Exclude<Field, "faxNumber">) => t(`getInvolved.fields.${field}`);
  const err = (field: Exclude<Field, "faxNumber">) =>
    fieldMessage(t, i18n.language, formState.errors[field] as Parameters<typeof fieldMessage>[2], label(field));

  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onSubmit(input);
    } catch (error) {
      applyServerErrors<InterestFormValues>(
        error,
        (name, e) => setError(name, e),
        FIELDS,
        (p) => fieldOf(p) ?? "",
      );
      setFailure(error);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg">
        {failure ? <ErrorAlert error={failure} title={t("getInvolved.failed")} /> : null}
        <Fieldset legend={t("getInvolved.sections.company")}>
          <Stack gap="sm">
            <TextInput
              label={label("companyName")}
              required
              autoComplete="organization"
              error={err("companyName")}
              {...register("companyName")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={label("website")}
                description={t("getInvolved.fields.websiteHint")}
                inputMode="url"
                autoComplete="url"
                error={err("website")}
                {...register("website")}
              />
              <NativeSelect
                label={label("companySize")}
                required
                error={err("companySize")}
                data={[
                  { value: "", label: t("getInvolved.chooseSize") },
                  ...COMPANY_SIZES.map((s) => ({ value: s, label: t(`getInvolved.sizes.${s}`) })),
                ]}
                {...register("companySize")}
              />
            </SimpleGrid>
            <TextInput
              label={label("street")}
              autoComplete="street-address"
              error={err("street")}
              {...register("street")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={label("city")}
                required
                autoComplete="address-level2"
                error={err("city")}
                {...register("city")}
              />
              <TextInput
                label={label("postalCode")}
                required
                inputMode="numeric"
                autoComplete="postal-code"
                error={err("postalCode")}
                {...register("postalCode")}
              />
            </SimpleGrid>
            <Controller
              control={control}
              name="sectors"
              render={({ field }) => (
                <Checkbox.Group
                  label={label("sectors")}
                  description={t("getInvolved.fields.sectorsHint")}
                  required
                  error={err("sectors")}
                  value={field.value}
                  onChange={field.onChange}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                    {SECTORS.map((s) => (
                      <Checkbox key={s} value={s} label={labels.sectors[s]} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("getInvolved.sections.contact")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={label("contactName")}
              required
              autoComplete="name"
              error={err("contactName")}
              {...register("contactName")}
            />
            <TextInput
              label={label("contactRole")}
              autoComplete="organization-title"
              error={err("contactRole")}
              {...register("contactRole")}
            />
            <TextInput
              label={label("contactEmail")}
              description={t("getInvolved.fields.contactEmailHint")}
              type="email"
              required
              autoComplete="email"
              error={err("contactEmail")}
              {...register("contactEmail")}
            />
            <TextInput
              label={label("contactPhone")}
              type="tel"
              autoComplete="tel"
              error={err("contactPhone")}
              {...register("contactPhone")}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("getInvolved.sections.ways")}>
          <Controller
            control={control}
            name="ways"
            render={({ field }) => (
              <Checkbox.Group
                label={label("ways")}
                description={t("getInvolved.sections.waysHint")}
                required
                error={err("ways")}
                value={field.value}
                onChange={field.onChange}
              >
                <Stack gap="sm" mt="xs">
                  {WAYS_TO_HELP.map((way) => {
                    const text = WAY_TO_HELP_TEXT[language][way];
                    return (
                      <Checkbox
                        key={way}
                        value={way}
                        label={<Text fw={600}>{text.title}</Text>}
                        description={
                          <>
                            {text.description} <strong>{t("getInvolved.time", { time: text.time })}</strong>
                          </>
                        }
                      />
                    );
                  })}
                </Stack>
              </Checkbox.Group>
            )}
          />
        </Fieldset>

        <Fieldset legend={t("getInvolved.sections.when")}>
          <Stack gap="sm">
            <Controller
              control={control}
              name="months"
              render={({ field }) => (
                <Checkbox.Group
                  label={label("months")}
                  description={t("getInvolved.fields.monthsHint")}
                  error={err("months")}
                  value={field.value}
                  onChange={field.onChange}
                >
                  <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt="xs">
                    {monthNames(language).map((m) => (
                      <Checkbox key={m.value} value={m.value} label={m.label} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              )}
            />
            <NativeSelect
              label={label("modality")}
              error={err("modality")}
              data={[
                { value: "", label: t("getInvolved.fields.modalityAny") },
                ...MODALITIES.map((m) => ({ value: m, label: labels.modality(m) })),
              ]}
              {...register("modality")}
            />
            <Textarea label={label("note")} rows={3} maxLength={2000} error={err("note")} {...register("note")} />
          </Stack>
        </Fieldset>

        {/* Honeypot: off-screen and hidden from assistive technology, out of the tab order; only a bot fills it in. */}
        <Box aria-hidden style={HONEYPOT_STYLE}>
          <label htmlFor="get-involved-fax">{t("getInvolved.fields.faxNumber")}</label>
          <input id="get-involved-fax" type="text" tabIndex={-1} autoComplete="off" {...register("faxNumber")} />
        </Box>

        <Button type="submit" loading={formState.isSubmitting} style={{ alignSelf: "flex-start" }}>
          {formState.isSubmitting ? t("getInvolved.submitting") : t("getInvolved.submit")}
        </Button>
      </Stack>
    </form>
  );
}
