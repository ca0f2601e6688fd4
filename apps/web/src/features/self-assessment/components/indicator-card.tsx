import { Alert, Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { C6_RUBRIC } from "@bridgework/domain";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useLabels } from "../../../lib/labels.ts";
import type { IndicatorAssessment } from "../api/get-self-assessment.ts";
import { useSaveSelfAssessment } from "../api/save-self-assessment.ts";
import { EvidenceView } from "./evidence-view.tsx";
import { formatDateTime } from "../../../lib/format.ts";

interface IndicatorCardProps {
  assessment: IndicatorAssessment;
  schoolYear: string;
  canEdit: boolean;
}

const STAGES = ["1", "2", "3", "4"] as const;

/** One C6 indicator: the stage radios and notes on one side, the evidence from the data on the other. */
export function IndicatorCard({ assessment, schoolYear, canEdit }: IndicatorCardProps) {
  const { t, i18n } = useTranslation();
  // The rubric's words in the interface language, by indicator code (the API answers in English).
  const rubric = C6_RUBRIC[useLabels().language];
  const indicator = rubric.indicators[assessment.indicator];
  const stageName = (s: number) => rubric.stages[s - 1] ?? String(s);
  const headingId = useId();
  const [stage, setStage] = useState(assessment.stage ? String(assessment.stage) : "");
  const [notes, setNotes] = useState(assessment.notes);
  const save = useSaveSelfAssessment();

  // The page keys each card by school year and indicator, so another year starts a fresh form.
  const dirty = stage !== (assessment.stage ? String(assessment.stage) : "") || notes !== assessment.notes;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!canEdit || !stage) return;
              save.mutate({ indicator: assessment.indicator, schoolYear, stage: Number(stage), notes });
            }}
          >
            <Stack gap="sm">
              <Group gap="xs">
                <Title order={2} size="h4" id={headingId}>
                  {assessment.indicator} {indicator.title}
                </Title>
                <Badge variant="light" color={assessment.stage ? "teal" : "gray"}>
                  {assessment.stage ? stageName(assessment.stage) : t("reports.selfAssessment.notRated")}
                </Badge>
              </Group>
              <Radio.Group
                label={t("reports.selfAssessment.stage")}
                value={stage}
                onChange={setStage}
                readOnly={!canEdit}
              >
                <Stack gap="xs" mt="xs">
                  {STAGES.map((s) => (
                    <Radio
                      key={s}
                      value={s}
                      disabled={!canEdit}
                      label={`${s} · ${stageName(Number(s))}`}
                      description={indicator.stages[Number(s) - 1]}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={t("reports.selfAssessment.notes")}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                readOnly={!canEdit}
                autosize
                minRows={2}
                maxLength={5000}
              />
              {assessment.updatedAt ? (
                <Text size="xs" c="dimmed">
                  {t("reports.selfAssessment.lastUpdated", {
                    when: formatDateTime(assessment.updatedAt, i18n.language),
                  })}
                </Text>
              ) : null}
              {save.isError ? <ErrorAlert error={save.error} /> : null}
              {save.isSuccess && !dirty ? (
                <Alert color="teal" variant="light" role="status">
                  {t("reports.selfAssessment.saved")}
                </Alert>
              ) : null}
              {canEdit ? (
                <Group>
                  <Button type="submit" loading={save.isPending} disabled={!stage || !dirty}>
                    {t("reports.selfAssessment.save")}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </form>
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t("reports.selfAssessment.evidence")}
          </Title>
          <EvidenceView evidence={assessment.evidence} />
        </div>
      </SimpleGrid>
    </Paper>
  );
}
