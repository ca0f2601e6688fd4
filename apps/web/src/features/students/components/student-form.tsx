import { GENDERS, RACE_ETHNICITIES, type Student } from "@bridgework/domain";
import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { type StudentDemographics, useStudentDemographics } from "../api/get-student.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { fieldMessage } from "../../../lib/forms.ts";
import { SearchSelect } from "../../../components/ui/search-select.tsx";
import { searchOrganizations } from "../../../lib/choosers.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { useSaveStudent } from "../api/save-student.ts";
import { studentDefaults, studentFieldOf, studentResolver, type StudentFormValues } from "./student-form-values.ts";

interface StudentFormProps {
  student: Student | null;
  onDone: () => void;
  onCancel: () => void;
}

/** Add or edit one student. Editing first loads the student's demographics (an audited read), which lists never carry. */
export function StudentForm(props: StudentFormProps) {
  const demographics = useStudentDemographics(props.student?.id ?? null);
  if (!props.student) return <StudentFields {...props} demographics={null} />;
  if (demographics.isPending) return <PageLoader />;
  if (demographics.isError)
    return <ErrorAlert error={demographics.error} onRetry={() => void demographics.refetch()} />;
  return <StudentFields {...props} demographics={demographics.data} />;
}

/** The fields; the shared schema checks them here and the API's field errors land next to the fields. */
function StudentFields({
  student,
  onDone,
  onCancel,
  demographics,
}: StudentFormProps & { demographics: StudentDemographics | null }) {
  const { t, i18n } = useTranslation();
  // A coordinator puts students in the own district's schools; the intermediary in any of the region's.
  const me = useCurrentUser();
  const district = me.role === "coordinator" ? me.organizationId : undefined;
  const save = useSaveStudent(student?.id ?? null);
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<
    StudentFormValues,
    unknown,
    Parameters<typeof save.mutateAsync>[0]
  >({
    resolver: studentResolver,
    defaultValues: studentDefaults(student, "", demographics),
  });
  const { errors } = formState;
  const err = (name: keyof StudentFormValues) =>
    fieldMessage(
      t,
      i18n.language,
      errors[name],
      t(
        `placements.students.${name === "schoolId" ? "school" : name === "guardianLanguage" ? "guardianLanguage" : name}` as "placements.students.school",
      ),
    );

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await save.mutateAsync(input);
      onDone();
    } catch (error) {
      let placed = false;
      if (error instanceof ApiError) {
        for (const fe of error.errors) {
          const field = studentFieldOf(fe.path);
          if (field) {
            setError(field, { type: "server", message: fe.message });
            placed = true;
          }
        }
      }
      if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="sm">
        {failure ? <ErrorAlert error={failure} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("placements.students.localId")}
            required
            disabled={student !== null}
            error={err("localId")}
            {...register("localId")}
          />
          <TextInput
            label={t("placements.students.ssid")}
            inputMode="numeric"
            error={err("ssid")}
            {...register("ssid")}
          />
          <TextInput
            label={t("placements.students.firstName")}
            required
            autoComplete="off"
            error={err("firstName")}
            {...register("firstName")}
          />
          <TextInput
            label={t("placements.students.lastName")}
            required
            autoComplete="off"
            error={err("lastName")}
            {...register("lastName")}
          />
          <TextInput
            type="date"
            label={t("placements.students.birthDate")}
            required
            error={err("birthDate")}
            {...register("birthDate")}
          />
          <NativeSelect
            label={t("placements.students.grade")}
            required
            error={err("grade")}
            data={[
              { value: "", label: "—" },
              ...[6, 7, 8, 9, 10, 11, 12].map((g) => ({ value: String(g), label: String(g) })),
            ]}
            {...register("grade")}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="schoolId"
          render={({ field }) => (
            <SearchSelect
              label={t("placements.students.school")}
              required
              error={err("schoolId")}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? "")}
              onBlur={field.onBlur}
              initialOption={student ? { value: student.schoolId, label: student.schoolName } : null}
              queryKey={["organizations", "schools", district]}
              search={(q, signal) => searchOrganizations("school", q, signal, district)}
            />
          )}
        />
        <Text size="sm" c="dimmed">
          {t("placements.students.guardianHint")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("placements.students.guardianName")}
            autoComplete="off"
            error={err("guardianName")}
            {...register("guardianName")}
          />
          <TextInput
            type="email"
            label={t("placements.students.guardianEmail")}
            autoComplete="off"
            error={err("guardianEmail")}
            {...register("guardianEmail")}
          />
          <TextInput
            type="tel"
            label={t("placements.students.guardianPhone")}
            autoComplete="off"
            error={err("guardianPhone")}
            {...register("guardianPhone")}
          />
          <NativeSelect
            label={t("placements.students.guardianLanguage")}
            error={err("guardianLanguage")}
            data={[
              { value: "en", label: t("placements.students.languages.en") },
              { value: "es", label: t("placements.students.languages.es") },
            ]}
            {...register("guardianLanguage")}
          />
        </SimpleGrid>
        <Fieldset legend={t("students.demographics.title")} variant="filled" radius="md">
          <Text size="sm" c="dimmed" mb="xs">
            {t("students.demographics.hint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("students.demographics.gender")}
              error={err("gender")}
              data={[
                { value: "", label: t("students.demographics.preferNotToSay") },
                ...GENDERS.map((g) => ({ value: g, label: t(`students.demographics.genders.${g}`) })),
              ]}
              {...register("gender")}
            />
            <NativeSelect
              label={t("students.demographics.raceEthnicity")}
              error={err("raceEthnicity")}
              data={[
                { value: "", label: t("students.demographics.notRecorded") },
                ...RACE_ETHNICITIES.map((r) => ({ value: r, label: t(`students.demographics.races.${r}`) })),
              ]}
              {...register("raceEthnicity")}
            />
            {(["englishLearner", "disability", "lowIncome"] as const).map((name) => (
              <NativeSelect
                key={name}
                label={t(`students.demographics.${name}`)}
                error={err(name)}
                data={[
                  { value: "", label: t("students.demographics.notRecorded") },
                  { value: "yes", label: t("students.demographics.yes") },
                  { value: "no", label: t("students.demographics.no") },
                ]}
                {...register(name)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("placements.common.cancel")}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {t("placements.common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
