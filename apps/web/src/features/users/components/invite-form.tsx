import { CreateUser, ROLE_ORGANIZATION_TYPE, ROLES, type Role } from "@bridgework/domain";
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { fieldMessage } from "../../../lib/forms.ts";
import { LANGUAGES } from "../../../lib/i18n.ts";
import { applyServerErrors, schemaResolver } from "../../../lib/schema-resolver.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { SearchSelect } from "../../../components/ui/search-select.tsx";
import { searchOrganizations } from "../../../lib/choosers.ts";

interface InviteValues {
  email: string;
  name: string;
  role: string;
  organizationId: string;
  language: string;
}
const FIELDS: (keyof InviteValues)[] = ["email", "name", "role", "organizationId", "language"];
const resolver = schemaResolver<InviteValues, typeof CreateUser>(CreateUser, (v) => ({
  ...v,
  role: v.role || undefined,
  organizationId: v.organizationId || undefined,
}));

/** Whom each role may invite (the API enforces the same): coordinators teachers, employers colleagues. */
const INVITABLE: Record<Role, readonly Role[]> = {
  intermediary: ROLES,
  coordinator: ["teacher"],
  employer: ["employer"],
  teacher: [],
};

/** Invite someone: an email with a one-time set-password link goes out. Checked with the API's schema. */
export function InviteForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (input: CreateUser) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const roles = INVITABLE[me.role];
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, setValue, control, formState } = useForm<InviteValues, unknown, CreateUser>(
    {
      resolver,
      defaultValues: {
        email: "",
        name: "",
        role: roles[0] ?? "",
        organizationId: me.role === "employer" ? me.organizationId : "",
        language: "en",
      },
    },
  );
  const role = (useWatch({ control, name: "role" }) || roles[0]) as Role;
  const type = ROLE_ORGANIZATION_TYPE[role];
  // A coordinator invites teachers of the own district's schools only.
  const district = me.role === "coordinator" ? me.organizationId : undefined;
  // Another role means another kind of organization: the chosen one no longer fits.
  useEffect(() => {
    if (me.role !== "employer") setValue("organizationId", "");
  }, [type, me.role, setValue]);
  const LABELS = {
    email: t("users.email"),
    name: t("users.name"),
    role: t("users.role"),
    organizationId: t("users.organization"),
    language: t("users.language"),
  };
  const err = (field: keyof InviteValues) =>
    fieldMessage(t, i18n.language, formState.errors[field] as Parameters<typeof fieldMessage>[2], LABELS[field]);

  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onSubmit(input);
    } catch (error) {
      applyServerErrors<InviteValues>(error, (name, e) => setError(name, e), FIELDS);
      setFailure(error);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("users.inviteTitle")}>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("users.name")} required autoComplete="off" error={err("name")} {...register("name")} />
          <TextInput
            label={t("users.email")}
            type="email"
            required
            autoComplete="off"
            error={err("email")}
            {...register("email")}
          />
          <NativeSelect
            label={t("users.role")}
            required
            error={err("role")}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            {...register("role")}
          />
          {me.role === "employer" ? (
            <NativeSelect
              label={t("users.organization")}
              required
              error={err("organizationId")}
              data={[{ value: me.organizationId, label: me.organizationName }]}
              {...register("organizationId")}
            />
          ) : (
            <Controller
              control={control}
              name="organizationId"
              render={({ field }) => (
                <SearchSelect
                  key={type}
                  label={t("users.organization")}
                  required
                  error={err("organizationId")}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? "")}
                  onBlur={field.onBlur}
                  queryKey={["organizations", type, district]}
                  search={(q, signal) => searchOrganizations(type, q, signal, district)}
                />
              )}
            />
          )}
          <NativeSelect
            label={t("users.language")}
            description={t("users.languageHint")}
            error={err("language")}
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
            {...register("language")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={formState.isSubmitting}>
            {t("users.sendInvitation")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("users.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
