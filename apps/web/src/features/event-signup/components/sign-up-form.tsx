import { type PublicEvent, SECTORS, type Sector, type VolunteerSignUpInput } from "@bridgework/domain";
import { Box, Button, Checkbox, Group, NativeSelect, Radio, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useLabels } from "../../../lib/labels.ts";
import { formatShift } from "./shift-time.ts";

/** Off-screen, out of the tab order and hidden from assistive technology: only a bot fills it in. */
const HONEYPOT_STYLE = {
  position: "absolute",
  left: "-10000px",
  top: "auto",
  width: 1,
  height: 1,
  overflow: "hidden",
} as const;

interface Props {
  event: PublicEvent;
  onSubmit: (input: VolunteerSignUpInput) => Promise<unknown>;
}

/** The public sign-up: a role (one shift) as a radio card with its places left, then the volunteer's details. */
export function SignUpForm({ event, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [roleId, setRoleId] = useState<string>(event.roles.length === 1 ? event.roles[0]!.id : "");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [employerName, setEmployerName] = useState("");
  const [sectors, setSectors] = useState<string[]>([]);
  const [language, setLanguage] = useState<"en" | "es">(labels.language);
  const [faxNumber, setFaxNumber] = useState("");
  const [roleMissing, setRoleMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!roleId) {
      setRoleMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({
        roleId,
        name: name.trim(),
        email: email.trim(),
        phone: phone.trim(),
        employerName: employerName.trim(),
        sectors: sectors as Sector[],
        language,
        faxNumber,
      });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate={false}>
      <Stack gap="md">
        <Radio.Group
          value={roleId}
          onChange={(v) => {
            setRoleId(v);
            setRoleMissing(false);
          }}
          label={t("eventSignup.form.role")}
          withAsterisk
          error={roleMissing ? t("eventSignup.form.chooseRole") : undefined}
        >
          <Stack gap="xs" mt="xs">
            {event.roles.map((r) => (
              <Radio.Card key={r.id} value={r.id} radius="md" p="sm" withBorder>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={3} />
                  <div>
                    <Text fw={600}>{r.name}</Text>
                    <Text size="sm">{formatShift(r.startsAt, r.endsAt, i18n.language, event.region.timeZone)}</Text>
                    <Text size="sm" c={r.remaining > 0 ? "teal.9" : "orange.9"} fw={500}>
                      {r.remaining > 0 ? t("eventSignup.places", { count: r.remaining }) : t("eventSignup.full")}
                    </Text>
                    {r.description ? (
                      <Text size="sm" c="dimmed">
                        {r.description}
                      </Text>
                    ) : null}
                    {r.bring ? (
                      <Text size="sm" c="dimmed">
                        {t("eventSignup.bring", { bring: r.bring })}
                      </Text>
                    ) : null}
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>

        <TextInput
          label={t("eventSignup.form.name")}
          required
          minLength={2}
          maxLength={120}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t("eventSignup.form.email")}
          description={t("eventSignup.form.emailHint")}
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput
          label={t("eventSignup.form.phone")}
          type="tel"
          maxLength={40}
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
        />
        <TextInput
          label={t("eventSignup.form.employerName")}
          description={t("eventSignup.form.employerHint")}
          required
          minLength={2}
          maxLength={200}
          autoComplete="organization"
          value={employerName}
          onChange={(e) => setEmployerName(e.currentTarget.value)}
        />
        <Checkbox.Group label={t("eventSignup.form.sectors")} value={sectors} onChange={setSectors}>
          <Stack gap={6} mt="xs">
            {SECTORS.map((s) => (
              <Checkbox key={s} value={s} label={labels.sectors[s]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <NativeSelect
          label={t("eventSignup.form.language")}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value === "es" ? "es" : "en")}
          data={[
            { value: "en", label: "English" },
            { value: "es", label: "Español" },
          ]}
        />

        <Box aria-hidden style={HONEYPOT_STYLE}>
          <label htmlFor="event-signup-fax">{t("eventSignup.form.faxNumber")}</label>
          <input
            id="event-signup-fax"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={faxNumber}
            onChange={(e) => setFaxNumber(e.currentTarget.value)}
          />
        </Box>

        {failure ? <ErrorAlert error={failure} /> : null}
        <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
          {busy ? t("eventSignup.form.submitting") : t("eventSignup.form.submit")}
        </Button>
      </Stack>
    </form>
  );
}
