import { CERTIFICATE_CONTENT_TYPES, InsuranceInput, MAX_CERTIFICATE_BYTES } from "@bridgework/domain";
import { Alert, Button, Input, Paper, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { displayTimeZone } from "../../../lib/format.ts";
import { fieldMessage } from "../../../lib/forms.ts";
import { applyServerErrors } from "../../../lib/schema-resolver.ts";
import { fileToBase64, useFileCertificate } from "../api/employer-insurance.ts";

interface Values {
  carrier: string;
  policyNumber: string;
  coverageAmount: string;
  expiresOn: string;
  file: FileList | null;
}

type Output = Omit<InsuranceInput, "file"> & { file: File };
const FIELDS = ["carrier", "policyNumber", "coverageAmount", "expiresOn", "file"] as const;
const Fields = InsuranceInput.omit({ file: true });
const EXTENSIONS = /\.(pdf|png|jpe?g)$/i;

/** Checks the form in the reader's words; the shared schema then checks the body the API gets. */
function certificateResolver(t: TFunction): Resolver<Values, unknown, Output> {
  return async (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    const manual = (field: keyof Values, message: string) => (errors[field] ??= { type: "manual", message });
    if (!values.carrier.trim()) manual("carrier", t("insurance.form.carrierRequired"));
    if (!values.policyNumber.trim()) manual("policyNumber", t("insurance.form.policyRequired"));
    const coverage = Number(values.coverageAmount);
    if (values.coverageAmount.trim() === "" || !Number.isFinite(coverage) || coverage <= 0)
      manual("coverageAmount", t("insurance.form.coverageInvalid"));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.expiresOn)) manual("expiresOn", t("insurance.form.expiresInvalid"));
    const file = values.file?.[0];
    if (!file) manual("file", t("insurance.form.fileRequired"));
    else if (file.size > MAX_CERTIFICATE_BYTES) manual("file", t("insurance.form.fileTooLarge"));
    else if (!(CERTIFICATE_CONTENT_TYPES as readonly string[]).includes(file.type) && !EXTENSIONS.test(file.name))
      manual("file", t("insurance.form.fileType"));
    const parsed = Fields.safeParse({
      carrier: values.carrier,
      policyNumber: values.policyNumber,
      coverageAmount: coverage,
      expiresOn: values.expiresOn,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors[String(issue.path[0])] ??= { type: issue.code, message: issue.message };
    if (Object.keys(errors).length > 0 || !parsed.success || !file)
      return { values: {}, errors: errors as FieldErrors<Values> };
    return { values: { ...parsed.data, file }, errors: {} };
  };
}

/** Today in the region's zone, the earliest expiry date a new certificate can have. */
function regionToday(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: displayTimeZone(),
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

/** Files a certificate: carrier, policy, coverage, expiry and the certificate's PDF or image. */
export function CertificateForm({ employerId }: { employerId: string }) {
  const { t, i18n } = useTranslation();
  const fileId = useId();
  const doneRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [filedStatus, setFiledStatus] = useState<string | null>(null);
  const fileCertificate = useFileCertificate(employerId);
  const resolver = useMemo(() => certificateResolver(t), [t]);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values, unknown, Output>({
    resolver,
    defaultValues: { carrier: "", policyNumber: "", coverageAmount: "", expiresOn: "", file: null },
  });
  // After filing, focus goes to the confirmation (the form is empty again).
  useEffect(() => {
    if (filedStatus) doneRef.current?.focus();
  }, [filedStatus]);
  const error = (field: keyof Values) => fieldMessage(t, i18n.language, formState.errors[field]);

  const submit = handleSubmit(async ({ file, ...fields }) => {
    setFailure(null);
    setFiledStatus(null);
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      setError("file", { type: "manual", message: t("insurance.form.fileUnreadable") });
      return;
    }
    try {
      const created = await fileCertificate.mutateAsync({ ...fields, file: { name: file.name, contentBase64 } });
      reset();
      setFiledStatus(created.status);
    } catch (err) {
      applyServerErrors<Values>(err, (name, e) => setError(name, e), FIELDS);
      setFailure(err);
    }
  });

  const fileError = error("file");
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${fileId}-title`}>
        <Stack gap="sm">
          <Title order={2} size="h4" id={`${fileId}-title`}>
            {t("insurance.form.title")}
          </Title>
          {filedStatus ? (
            <Alert role="status" color="green" variant="light" ref={doneRef} tabIndex={-1}>
              {t("insurance.form.filed", { status: t(`insurance.statuses.${filedStatus as "valid"}`) })}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("insurance.form.carrier")}
              withAsterisk
              autoComplete="organization"
              error={error("carrier")}
              {...register("carrier")}
            />
            <TextInput
              label={t("insurance.form.policyNumber")}
              withAsterisk
              autoComplete="off"
              error={error("policyNumber")}
              {...register("policyNumber")}
            />
            <TextInput
              label={t("insurance.form.coverageAmount")}
              withAsterisk
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              error={error("coverageAmount")}
              {...register("coverageAmount")}
            />
            <TextInput
              label={t("insurance.form.expiresOn")}
              withAsterisk
              type="date"
              min={regionToday()}
              error={error("expiresOn")}
              {...register("expiresOn")}
            />
          </SimpleGrid>
          <Input.Wrapper
            id={fileId}
            label={t("insurance.form.file")}
            description={t("insurance.form.fileHint")}
            withAsterisk
            error={fileError}
          >
            <input
              id={fileId}
              type="file"
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
              className="insurance-file-input"
              aria-describedby={fileError ? `${fileId}-description ${fileId}-error` : `${fileId}-description`}
              aria-invalid={fileError ? true : undefined}
              aria-required
              {...register("file")}
            />
          </Input.Wrapper>
          {failure ? <ErrorAlert error={failure} /> : null}
          <div>
            <Button type="submit" loading={formState.isSubmitting}>
              {t("insurance.form.submit")}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
