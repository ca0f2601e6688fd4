import type { ScoreInput, VolunteerSchedule } from "@bridgework/domain";
import { Button, Group, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Rubric = NonNullable<VolunteerSchedule["rubric"]>;

/** One student's rubric: each criterion a labelled radio group (fieldset and legend), a comment, and Save. */
export function RubricForm({
  id,
  rubric,
  value,
  disabled,
  onChange,
  onSave,
}: {
  id: string;
  rubric: Rubric;
  value: ScoreInput;
  disabled: boolean;
  onChange: (next: ScoreInput, now?: boolean) => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const points = Array.from({ length: rubric.max - rubric.min + 1 }, (_, i) => rubric.min + i);
  return (
    <Stack gap="sm">
      {rubric.criteria.map((c) => (
        <fieldset
          key={c.key}
          disabled={disabled}
          style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8, padding: "8px 12px", margin: 0 }}
        >
          <legend style={{ fontWeight: 600, padding: "0 4px" }}>{c.label}</legend>
          {c.description ? (
            <Text size="sm" c="dimmed" mb={6} id={`${id}-${c.key}-description`}>
              {c.description}
            </Text>
          ) : null}
          <Group gap="md">
            {points.map((n) => (
              <Radio
                key={n}
                name={`${id}-${c.key}`}
                value={String(n)}
                label={String(n)}
                checked={value.scores[c.key] === n}
                aria-describedby={c.description ? `${id}-${c.key}-description` : undefined}
                onChange={() => onChange({ ...value, scores: { ...value.scores, [c.key]: n } })}
              />
            ))}
          </Group>
        </fieldset>
      ))}
      <Textarea
        label={t("eventDay.volunteer.comment")}
        value={value.comment}
        disabled={disabled}
        autosize
        minRows={2}
        maxLength={2000}
        onChange={(e) => onChange({ ...value, comment: e.currentTarget.value })}
      />
      <Button onClick={onSave} disabled={disabled} w="fit-content">
        {t("eventDay.volunteer.save")}
      </Button>
    </Stack>
  );
}
