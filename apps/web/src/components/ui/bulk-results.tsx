import type { BulkResult } from "@bridgework/domain";
import { Alert, Checkbox, Group, List, Text } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

interface BulkResultsProps {
  result: BulkResult;
  /** The item's name as the page showed it (the item may have left the list since). */
  labelOf: (id: string) => string;
  /** What a done item says ("Approved…", "Links sent…"). */
  doneText: string;
}

/**
 * The outcome of a bulk action, item by item (a failed item says why in the reader's language),
 * announced, and focused when it appears so keyboard and screen-reader users land on it.
 */
export function BulkResults({ result, labelOf, doneText }: BulkResultsProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [result]);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="status"
      color={result.failed > 0 ? "orange" : "green"}
      variant="light"
      title={t("account.bulk.resultsTitle")}
      data-testid="bulk-results"
    >
      <Text size="sm" mb="xs">
        {t("account.bulk.summary", { succeeded: result.succeeded, failed: result.failed })}
      </Text>
      <List size="sm" spacing={4}>
        {result.results.map((r) => (
          <List.Item key={r.id}>
            <strong>{labelOf(r.id)}</strong> —{" "}
            {r.ok ? doneText : t("account.bulk.failedItem", { detail: r.problem.detail })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

interface BulkToolbarProps {
  /** The ids on the page that can be selected. */
  ids: string[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  children: ReactNode;
}

/** "Select all" for the page, how many are selected, and the page's bulk action buttons. */
export function BulkToolbar({ ids, selected, onChange, children }: BulkToolbarProps) {
  const { t } = useTranslation();
  const chosen = ids.filter((id) => selected.has(id)).length;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Group gap="md" wrap="wrap">
        <Checkbox
          label={t("account.bulk.selectAll")}
          checked={ids.length > 0 && chosen === ids.length}
          indeterminate={chosen > 0 && chosen < ids.length}
          onChange={(event) => onChange(event.currentTarget.checked ? new Set(ids) : new Set())}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {t("account.bulk.selectedCount", { count: chosen })}
        </Text>
      </Group>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}

/** Adds or removes one id, keeping the set immutable for React state. */
export function toggled(selected: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
