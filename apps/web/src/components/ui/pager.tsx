import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** Previous/next paging for `{items,total,page,pageSize}` lists. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group component="nav" aria-label={t("pagination.label")} justify="space-between" mt="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("pagination.status", { page, pages, total })}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onChange(page - 1)}>
          {t("pagination.previous")}
        </Button>
        <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onChange(page + 1)}>
          {t("pagination.next")}
        </Button>
      </Group>
    </Group>
  );
}
