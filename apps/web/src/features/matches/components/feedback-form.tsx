import type { MatchFeedbackInput } from "@bridgework/domain";
import { Button, Group, Radio, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { applyServerErrors } from "../../../lib/schema-resolver.ts";

interface FeedbackFormValues {
  rating: string;
  hostAgain: string;
  comment: string;
}

const RATINGS = ["1", "2", "3", "4", "5"] as const;

/** "How did it go?": a rating from 1 to 5, "would you do it again?" and a comment, once per person. */
export function FeedbackForm({
  audience,
  onGive,
}: {
  audience: "teacher" | "employer";
  onGive: (input: MatchFeedbackInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const { control, register, handleSubmit, setError, formState } = useForm<FeedbackFormValues>({
    defaultValues: { rating: "", hostAgain: "", comment: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const comment = values.comment.trim();
    try {
      await onGive({
        rating: Number(values.rating),
        hostAgain: values.hostAgain === "yes",
        ...(comment ? { comment } : {}),
      });
    } catch (error) {
      applyServerErrors<FeedbackFormValues>(error, (name, e) => setError(name, e), ["rating", "hostAgain", "comment"]);
      setFailure(error);
    }
  });
  // The rules below are worded in the reader's language already, as are the server's field errors.
  const message = (name: keyof FeedbackFormValues) => formState.errors[name]?.message;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("rating.form.title")}>
      <Stack gap="md">
        <Controller
          control={control}
          name="rating"
          rules={{ required: t("rating.form.ratingRequired") }}
          render={({ field }) => (
            <Radio.Group
              label={t("rating.form.rating")}
              description={t("rating.form.ratingHint")}
              withAsterisk
              value={field.value}
              onChange={field.onChange}
              error={message("rating")}
            >
              <Group gap="md" mt={6}>
                {RATINGS.map((n) => (
                  <Radio key={n} value={n} label={t(`rating.form.ratings.${n}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Controller
          control={control}
          name="hostAgain"
          rules={{ required: t("rating.form.hostAgainRequired") }}
          render={({ field }) => (
            <Radio.Group
              label={audience === "teacher" ? t("rating.form.hostAgainTeacher") : t("rating.form.hostAgainEmployer")}
              withAsterisk
              value={field.value}
              onChange={field.onChange}
              error={message("hostAgain")}
            >
              <Group gap="md" mt={6}>
                <Radio value="yes" label={t("rating.form.yes")} />
                <Radio value="no" label={t("rating.form.no")} />
              </Group>
            </Radio.Group>
          )}
        />
        <Textarea
          label={t("rating.form.comment")}
          description={t("rating.form.commentHint")}
          autosize
          minRows={3}
          maxLength={2000}
          error={message("comment")}
          {...register("comment", { maxLength: { value: 2000, message: t("rating.form.commentTooLong") } })}
        />
        {failure ? <ErrorAlert error={failure} /> : null}
        <Group>
          <Button type="submit" loading={formState.isSubmitting} color="teal.9">
            {t("rating.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
