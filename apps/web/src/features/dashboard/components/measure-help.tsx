import { Box, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * "What these numbers mean": each column's label with one sentence, behind a disclosure that
 * works by keyboard and screen reader (a native details/summary, so it also works on touch).
 */
export function MeasureHelp({ items }: { items: { term: string; description: string }[] }) {
  const { t } = useTranslation();
  return (
    <Box component="details" mt="xs">
      <Box component="summary" style={{ cursor: "pointer" }}>
        <Text component="span" size="sm" fw={600} c="teal.9">
          {t("reports.dashboard.help.title")}
        </Text>
      </Box>
      <Box component="dl" m={0} mt="xs">
        {items.map((item) => (
          <Box key={item.term} mb={6}>
            <Text component="dt" size="sm" fw={600}>
              {item.term}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {item.description}
            </Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
