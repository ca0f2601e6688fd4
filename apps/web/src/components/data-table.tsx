import { Box, Skeleton, Stack, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { type ColumnDef, flexRender, getCoreRowModel, type SortingState, useReactTable } from "@tanstack/react-table";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "./scroll-table.tsx";

/** What a column's sort reads: text sorts in the reader's language, numbers by size, an empty value always last. */
export type SortValue = string | number | null | undefined;

/** One column of a {@link DataTable}. */
export interface DataTableColumn<T> {
  /** Unique within the table. */
  id: string;
  /** The column header, already translated. */
  header: string;
  /** Screen readers still read the header; sighted people see an empty header cell (an actions column). */
  headerHidden?: boolean;
  /** What the cell shows: text, a link, a badge, the row's action buttons. */
  cell: (row: T) => ReactNode;
  /** The value this column sorts by; a column with one gets a sort button in its header. */
  sortValue?: (row: T) => SortValue;
  /** The cell names its row (`<th scope="row">`): screen readers announce it with every other cell of the row. */
  rowHeader?: boolean;
  /** Font weight of a row header cell (600 unless told). */
  fw?: number;
}

/** Either a visible caption or, where a heading already says what the table holds, an aria-label. */
type TableName = { caption: string; label?: never } | { label: string; caption?: never };

export type DataTableProps<T> = TableName & {
  columns: DataTableColumn<T>[];
  /** The rows; undefined while loading. */
  data: readonly T[] | undefined;
  /** A stable key for a row (its id). */
  rowKey: (row: T, index: number) => string;
  /** Shown instead of the table when there are no rows, already translated. */
  empty: ReactNode;
  /** While true (or while `data` is undefined), placeholder rows and a "Loading" status take the table's place. */
  loading?: boolean;
  /** What the loading status says, when "Loading <caption>…" would not read well (a caption with a count). */
  loadingLabel?: string;
  /** Below this width (px) the table scrolls sideways in its own box instead of widening the page. */
  minWidth?: number;
  /** Taller than this (px), the table scrolls up and down in its box too. */
  maxHeight?: number;
  striped?: boolean;
  highlightOnHover?: boolean;
  verticalSpacing?: "xs" | "sm" | "md";
  fz?: "xs" | "sm" | "md";
  withTableBorder?: boolean;
};

interface ColumnMeta {
  rowHeader: boolean;
  headerHidden: boolean;
  fw: number;
}

const isEmpty = (v: SortValue): v is null | undefined | "" => v === null || v === undefined || v === "";

/** Sorts a copy, stably; empty values go last in either direction. */
function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, desc: boolean, collator: Intl.Collator): T[] {
  const sign = desc ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (isEmpty(a.key) || isEmpty(b.key))
        return isEmpty(a.key) === isEmpty(b.key) ? a.index - b.index : isEmpty(a.key) ? 1 : -1;
      const order =
        typeof a.key === "number" && typeof b.key === "number"
          ? a.key - b.key
          : collator.compare(String(a.key), String(b.key));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

/**
 * The SPA's list table: a real `<table>` (rows, row headers and cells for screen readers and for
 * tests that find them by role) drawn with Mantine's Table, sortable by the columns that say how
 * (TanStack Table keeps the sort state: ascending, descending, then as the server sent it), with an
 * empty message, a loading state, and a box that scrolls sideways on a 390 px phone.
 * Sorting is on the rows at hand: on a paged list, the current page.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const {
    columns,
    data,
    rowKey,
    empty,
    loading = false,
    loadingLabel,
    minWidth,
    maxHeight,
    striped = true,
    highlightOnHover = true,
    verticalSpacing = "sm",
    fz,
    withTableBorder,
  } = props;
  const { t, i18n } = useTranslation();
  const name = props.caption ?? props.label ?? "";
  const [sorting, setSorting] = useState<SortingState>([]);

  const rows = useMemo(() => {
    const sort = sorting[0];
    const column = sort ? columns.find((c) => c.id === sort.id) : undefined;
    if (!data || !sort || !column?.sortValue) return data ?? [];
    return sortRows(
      data,
      column.sortValue,
      sort.desc,
      new Intl.Collator(i18n.language, { numeric: true, sensitivity: "base" }),
    );
  }, [data, sorting, columns, i18n.language]);

  const columnDefs = useMemo(
    () =>
      columns.map(
        (c): ColumnDef<T> => ({
          id: c.id,
          header: c.header,
          // TanStack offers sorting only on a column with an accessor.
          accessorFn: c.sortValue ?? (() => null),
          cell: ({ row }) => c.cell(row.original),
          enableSorting: Boolean(c.sortValue),
          sortDescFirst: false,
          meta: {
            rowHeader: c.rowHeader ?? false,
            headerHidden: c.headerHidden ?? false,
            fw: c.fw ?? 600,
          } satisfies ColumnMeta,
        }),
      ),
    [columns],
  );

  // Rows arrive sorted (manualSorting): empty values stay last and text sorts in the reader's language.
  // eslint-disable-next-line react-hooks/incompatible-library -- the table object is read during this render only
  const table = useReactTable({
    data: rows as T[],
    columns: columnDefs,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, index) => rowKey(row, index),
  });

  if (loading || !data) {
    return (
      <Stack gap="xs" py="xs">
        <Box role="status" aria-live="polite">
          <VisuallyHidden>{loadingLabel ?? t("dataTable.loading", { name })}</VisuallyHidden>
        </Box>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={28} radius="sm" aria-hidden="true" />
        ))}
      </Stack>
    );
  }
  if (data.length === 0) return typeof empty === "string" ? <Text c="dimmed">{empty}</Text> : <>{empty}</>;

  const sorted = sorting[0];
  const sortedColumn = sorted ? columns.find((c) => c.id === sorted.id) : undefined;
  const body = (
    // position: relative keeps visually hidden headers (absolutely positioned) inside the scrolling box, not past the page's edge.
    <Table
      striped={striped}
      highlightOnHover={highlightOnHover}
      className="data-table"
      verticalSpacing={verticalSpacing}
      fz={fz}
      withTableBorder={withTableBorder}
      miw={minWidth}
      pos="relative"
      aria-label={props.label}
    >
      {props.caption ? <Table.Caption>{props.caption}</Table.Caption> : null}
      <Table.Thead>
        {table.getHeaderGroups().map((group) => (
          <Table.Tr key={group.id}>
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta as ColumnMeta;
              const label = String(header.column.columnDef.header);
              const direction = header.column.getIsSorted();
              return (
                <Table.Th
                  key={header.id}
                  scope="col"
                  aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
                >
                  {meta.headerHidden ? (
                    <VisuallyHidden>{label}</VisuallyHidden>
                  ) : header.column.getCanSort() ? (
                    <UnstyledButton
                      className="data-table-sort"
                      onClick={header.column.getToggleSortingHandler()}
                      fw="inherit"
                      fz="inherit"
                    >
                      {label}
                      <span aria-hidden="true" className="data-table-sort-icon">
                        {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
                      </span>
                    </UnstyledButton>
                  ) : (
                    label
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {table.getRowModel().rows.map((row) => (
          <Table.Tr key={row.id}>
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta as ColumnMeta;
              const content = flexRender(cell.column.columnDef.cell, cell.getContext());
              return meta.rowHeader ? (
                <Table.Th key={cell.id} scope="row" fw={meta.fw}>
                  {content}
                </Table.Th>
              ) : (
                <Table.Td key={cell.id}>{content}</Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <>
      {columns.some((c) => c.sortValue) ? (
        <div aria-live="polite" className="visually-hidden">
          {sorted && sortedColumn
            ? t(sorted.desc ? "dataTable.sortedDescending" : "dataTable.sortedAscending", {
                column: sortedColumn.header,
              })
            : ""}
        </div>
      ) : null}
      {maxHeight ? (
        // The same keyboard-reachable box as ScrollTable, limited in height too.
        <Box role="group" aria-label={name} tabIndex={0} style={{ overflow: "auto", maxHeight }}>
          {body}
        </Box>
      ) : (
        <ScrollTable label={name}>{body}</ScrollTable>
      )}
    </>
  );
}
