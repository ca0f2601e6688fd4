import { Table } from "@mantine/core";
import { ScrollTable } from "../../../components/scroll-table.tsx";
import type { CrossTab } from "../lib/cross-tab.ts";

interface CrossTableProps {
  tab: CrossTab;
  caption: string;
  /** Header of the first column (the row dimension) and, without a column dimension, of the value column. */
  rowHeader: string;
  valueHeader: string;
  totalLabel: string;
  subtotalLabel: (group: string) => string;
  format: (n: number) => string;
}

/**
 * The report as a table: rows × columns with a total column and row, and for a third dimension
 * one block of rows per group with its subtotal. It is the chart's accessible form too.
 */
export function CrossTable({
  tab,
  caption,
  rowHeader,
  valueHeader,
  totalLabel,
  subtotalLabel,
  format,
}: CrossTableProps) {
  const columns = tab.columns;
  const width = 1 + (columns ? columns.length + 1 : 1);
  const numbers = (cells: number[], total: number, bold = false) => (
    <>
      {cells.map((v, i) => (
        <Table.Td key={columns?.[i]?.key ?? i} ta="right" fw={bold ? 600 : undefined}>
          {format(v)}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={600}>
        {format(total)}
      </Table.Td>
    </>
  );
  return (
    <ScrollTable label={caption}>
      <Table
        withTableBorder
        withColumnBorders
        striped
        captionSide="top"
        miw={columns && columns.length > 4 ? 640 : undefined}
      >
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeader}</Table.Th>
            {columns?.map((c) => (
              <Table.Th key={c.key} scope="col" ta="right">
                {c.label}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {columns ? totalLabel : valueHeader}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        {tab.groups.map((group) => (
          <Table.Tbody key={group.key}>
            {group.subtotal ? (
              <Table.Tr>
                <Table.Th scope="rowgroup" colSpan={width} bg="var(--mantine-color-gray-1)">
                  {group.label}
                </Table.Th>
              </Table.Tr>
            ) : null}
            {group.rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                {numbers(row.cells, row.total)}
              </Table.Tr>
            ))}
            {group.subtotal ? (
              <Table.Tr>
                <Table.Th scope="row">{subtotalLabel(group.label)}</Table.Th>
                {numbers(group.subtotal.cells, group.subtotal.total, true)}
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        ))}
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{totalLabel}</Table.Th>
            {numbers(tab.footer.cells, tab.footer.total, true)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
