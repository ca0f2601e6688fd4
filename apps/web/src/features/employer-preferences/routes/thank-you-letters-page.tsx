import { Paper, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { type ChooserOption, SearchSelect } from "../../../components/ui/search-select.tsx";
import { searchOrganizations } from "../../../lib/choosers.ts";
import { ThankYouLetterActions } from "../components/thank-you-letter-actions.tsx";

/** `/thank-you-letters` (intermediary): choose an employer, then download or send its thank-you letter for a school year. */
export function ThankYouLettersPage() {
  const { t } = useTranslation();
  const [employer, setEmployer] = useState<ChooserOption | null>(null);
  return (
    <>
      <PageHeader title={t("recognition.letter.pageTitle")} intro={t("recognition.letter.intro")} />
      <Stack gap="lg" maw={720}>
        <SearchSelect
          label={t("recognition.letter.employer")}
          value={employer?.value ?? null}
          onChange={(_value, option) => setEmployer(option)}
          queryKey={["recognition", "employers"]}
          search={(q, signal) => searchOrganizations("employer", q, signal)}
        />
        {employer ? (
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="thank-you-letter-heading">
            <Title order={2} size="h4" id="thank-you-letter-heading" mb="sm">
              {t("recognition.letter.titleFor", { employer: employer.label })}
            </Title>
            <ThankYouLetterActions
              key={employer.value}
              organizationId={employer.value}
              organizationName={employer.label}
            />
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
