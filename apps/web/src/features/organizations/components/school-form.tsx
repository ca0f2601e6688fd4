import { CreateOrganization, type Organization, UpdateOrganization } from "@bridgework/domain";
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { fieldMessage } from "../../../lib/forms.ts";
import { applyServerErrors, schemaResolver } from "../../../lib/schema-resolver.ts";
import { useCreateSchool, useDistricts, useUpdateOrganization } from "../api/save-school.ts";

interface SchoolValues {
  name: string;
  parentId: string;
  localCode: string;
  city: string;
  postalCode: string;
}
const FIELDS: (keyof SchoolValues)[] = ["name", "parentId", "localCode", "city", "postalCode"];
const fieldOf = (path: string) =>
  (path.startsWith("address.") ? path.slice(8) : path.split(".")[0]) as keyof SchoolValues;
const orNull = (value: string) => value.trim() || null;
const address = (v: SchoolValues) => ({ city: orNull(v.city), postalCode: orNull(v.postalCode) });
const createResolver = schemaResolver<SchoolValues, typeof CreateOrganization>(
  CreateOrganization,
  (v) => ({
    type: "school",
    name: v.name,
    parentId: v.parentId || undefined,
    localCode: orNull(v.localCode),
    address: address(v),
  }),
  fieldOf,
);
const updateResolver = schemaResolver<SchoolValues, typeof UpdateOrganization>(
  UpdateOrganization,
  (v) => ({ name: v.name, localCode: orNull(v.localCode), address: address(v) }),
  fieldOf,
);

/**
 * Adds a school (name, district, local code, address) or edits one (its district stays). The
 * local code is optional; a student import may name the school by it, so it is unique in the region.
 */
export function SchoolForm({
  school,
  onDone,
  onClose,
}: {
  school: Organization | null;
  onDone: (saved: Organization) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const editing = school !== null;
  const districts = useDistricts(!editing);
  const create = useCreateSchool();
  const update = useUpdateOrganization();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, formState } = useForm<
    SchoolValues,
    unknown,
    CreateOrganization | UpdateOrganization
  >({
    resolver: (editing ? updateResolver : createResolver) as never,
    defaultValues: {
      name: school?.name ?? "",
      parentId: "",
      localCode: school?.localCode ?? "",
      city: school?.address.city ?? "",
      postalCode: school?.address.postalCode ?? "",
    },
  });
  const LABELS: Record<keyof SchoolValues, string> = {
    name: t("schoolCodes.name"),
    parentId: t("schoolCodes.district"),
    localCode: t("schoolCodes.localCode"),
    city: t("schoolCodes.city"),
    postalCode: t("schoolCodes.postalCode"),
  };
  const err = (field: keyof SchoolValues) =>
    fieldMessage(t, i18n.language, formState.errors[field] as Parameters<typeof fieldMessage>[2], LABELS[field]);

  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      const saved = editing
        ? await update.mutateAsync({ id: school.id, input: input as UpdateOrganization })
        : await create.mutateAsync(input as CreateOrganization);
      onDone(saved);
    } catch (error) {
      applyServerErrors<SchoolValues>(error, (name, e) => setError(name, e), FIELDS, fieldOf);
      setFailure(error);
    }
  });

  const title = editing ? t("schoolCodes.editTitle", { name: school.name }) : t("schoolCodes.addTitle");
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      centered
      size="lg"
      closeButtonProps={{ "aria-label": t("schoolCodes.close") }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        <Stack gap="md">
          {failure ? <ErrorAlert error={failure} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={LABELS.name}
              required
              autoComplete="off"
              data-autofocus
              error={err("name")}
              {...register("name")}
            />
            {editing ? null : (
              <NativeSelect
                label={LABELS.parentId}
                required
                error={err("parentId")}
                data={[
                  { value: "", label: t("schoolCodes.chooseDistrict") },
                  ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
                ]}
                {...register("parentId")}
              />
            )}
            <TextInput
              label={LABELS.localCode}
              description={t("schoolCodes.localCodeHint")}
              autoComplete="off"
              maxLength={40}
              error={err("localCode")}
              {...register("localCode")}
            />
            <TextInput label={LABELS.city} autoComplete="off" error={err("city")} {...register("city")} />
            <TextInput
              label={LABELS.postalCode}
              inputMode="numeric"
              autoComplete="off"
              error={err("postalCode")}
              {...register("postalCode")}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("schoolCodes.cancel")}
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {editing ? t("schoolCodes.save") : t("schoolCodes.addSchool")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
