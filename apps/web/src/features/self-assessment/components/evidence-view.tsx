import { Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { useLabels } from "../../../lib/labels.ts";

/** "studentsServedByLevel" → "Students served by level": for a figure the API adds before the locales name it. */
const humanize = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The evidence the API computes, whatever its shape: numbers, rates, nested figures and small tables. */
export function EvidenceView({ evidence }: { evidence: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const names: Record<string, string> = t("reports.selfAssessment.evidenceKeys", { returnObjects: true });
  const name = (key: string) => names[key] ?? humanize(key);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });

  const value = (key: string, v: unknown): ReactNode => {
    if (v === null || v === undefined) return "—";
    if (typeof v === "number") return /rate|share/i.test(key) ? percent.format(v) : number.format(v);
    // The API names levels and sectors by their codes; people read them in their language.
    if (typeof v === "string" && key === "level") return labels.level(v);
    if (typeof v === "string" && key === "sector") return labels.sector(v);
    if (typeof v === "string" || typeof v === "boolean") return String(v);
    if (Array.isArray(v)) {
      const rows = v.filter(isRecord);
      if (rows.length === 0) return "—";
      const columns: DataTableColumn<Record<string, unknown>>[] = Object.keys(rows[0]!).map((c) => ({
        id: c,
        header: name(c),
        cell: (row) => value(c, row[c]),
        sortValue: (row) => (typeof row[c] === "number" || typeof row[c] === "string" ? row[c] : null),
      }));
      return (
        <DataTable
          label={name(key)}
          columns={columns}
          data={rows}
          rowKey={(_, i) => String(i)}
          empty="—"
          striped={false}
          highlightOnHover={false}
          verticalSpacing="xs"
          fz="xs"
          withTableBorder
        />
      );
    }
    if (isRecord(v)) return <EvidenceList entries={Object.entries(v)} render={value} name={name} />;
    return String(v);
  };

  return <EvidenceList entries={Object.entries(evidence).filter(([k]) => k !== "note")} render={value} name={name} />;
}

function EvidenceList({
  entries,
  render,
  name,
}: {
  entries: [string, unknown][];
  render: (key: string, v: unknown) => ReactNode;
  name: (key: string) => string;
}) {
  return (
    <dl style={{ margin: 0 }}>
      {entries.map(([key, v]) => (
        <div key={key} style={{ marginBottom: "0.35rem" }}>
          <Text component="dt" size="sm" fw={600}>
            {name(key)}
          </Text>
          <Text component="dd" size="sm" ml="sm" mb={0}>
            {render(key, v)}
          </Text>
        </div>
      ))}
    </dl>
  );
}
