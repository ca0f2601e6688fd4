import { Badge, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NAVIGATION } from "../../../components/layout/navigation.ts";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { NeedsYou } from "../components/needs-you.tsx";
import { RegionSummary } from "../components/region-summary.tsx";
import { Shortcuts } from "../components/shortcuts.tsx";

/** Each role lands here: who they are, where they belong, and where their work is. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t("nav.home"));
  const shortcuts = NAVIGATION[user.role].filter((entry) => entry.to !== "/");

  return (
    <Stack gap="xl" maw={1100}>
      <Paper withBorder radius="lg" p="xl" shadow="xs">
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t("home.welcome", { name: user.name })}
          </Title>
          <dl className="facts">
            <div>
              <dt>{t("home.role")}</dt>
              <dd>
                <Badge variant="filled" radius="sm">
                  {t(`roles.${user.role}`)}
                </Badge>
              </dd>
            </div>
            <div>
              <dt>{t("home.organization")}</dt>
              <dd>{user.organizationName}</dd>
            </div>
            <div>
              <dt>{t("home.region")}</dt>
              <dd>{user.regionName}</dd>
            </div>
          </dl>
          <Text maw={720}>{t(`roleIntro.${user.role}`)}</Text>
        </Stack>
      </Paper>
      <NeedsYou />
      <Shortcuts entries={shortcuts} />
      <RegionSummary role={user.role} />
    </Stack>
  );
}
