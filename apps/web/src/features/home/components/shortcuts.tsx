import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { NavEntry } from "../../../components/layout/navigation.ts";

/** The role's navigation entries as cards with a line on what each page is for. */
export function Shortcuts({ entries }: { entries: NavEntry[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="shortcuts-heading">
      <Title order={2} size="h4" id="shortcuts-heading" mb="sm">
        {t("home.shortcuts")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {entries.map((entry) => (
          <li key={entry.to}>
            <Card component={Link} to={entry.to} withBorder radius="md" padding="md" h="100%" className="shortcut-card">
              <Text fw={600} c="bridge.8">
                {t(`nav.${entry.label}`)}
              </Text>
              {entry.hint ? (
                <Text size="sm" c="dimmed" mt={4}>
                  {t(`navHints.${entry.hint}`)}
                </Text>
              ) : null}
            </Card>
          </li>
        ))}
      </SimpleGrid>
    </section>
  );
}
