import { schoolYearOf, schoolYearsBack } from "@bridgework/domain";
import { Alert, Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { useDownloadThankYouLetter, useSendThankYouLetter } from "../api/preferences.ts";

/**
 * The end-of-year thank-you letter of one employer: choose the school year, download the PDF
 * (the employer's users, the intermediary) or email it to the employer (the intermediary).
 * Exported for other pages (an employer's relationship page) to drop in.
 */
export function ThankYouLetterActions({
  organizationId,
  organizationName,
}: {
  organizationId: string;
  organizationName: string;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const years = schoolYearsBack(schoolYearOf(new Date()), 4);
  const [schoolYear, setSchoolYear] = useState(years[0]!);
  const download = useDownloadThankYouLetter(organizationId);
  const send = useSendThankYouLetter(organizationId);
  const slug = organizationName
    .normalize("NFD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t("recognition.letter.schoolYear")}
        data={years}
        value={schoolYear}
        onChange={(event) => {
          setSchoolYear(event.currentTarget.value);
          download.reset();
          send.reset();
        }}
        maw={220}
      />
      <Group>
        <Button
          variant={user.role === "intermediary" ? "default" : "filled"}
          loading={download.isPending}
          onClick={() => download.mutate({ schoolYear, filename: `thank-you-letter-${slug}-${schoolYear}.pdf` })}
        >
          {t("recognition.letter.download")}
        </Button>
        {user.role === "intermediary" ? (
          <Button loading={send.isPending} onClick={() => send.mutate(schoolYear)}>
            {t("recognition.letter.send")}
          </Button>
        ) : null}
      </Group>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
      {send.isSuccess ? (
        <Alert color="green" role="status">
          {send.data.sent > 0
            ? t("recognition.letter.sent", {
                count: send.data.sent,
                to: send.data.recipients.map((r) => r.name).join(", "),
              })
            : t("recognition.letter.alreadySent")}
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed">
        {t("recognition.letter.hint")}
      </Text>
    </Stack>
  );
}
