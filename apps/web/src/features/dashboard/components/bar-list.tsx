import { Box, Text } from "@mantine/core";

export interface BarItem {
  key: string;
  label: string;
  value: number;
  valueLabel: string;
}

/** Plain horizontal bars, each with its label and number (the table beside it is the full view). */
export function BarList({ label, bars }: { label: string; bars: BarItem[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: "none" }}>
      {bars.map((bar) => (
        <Box
          component="li"
          key={bar.key}
          mb={6}
          style={{
            display: "grid",
            gridTemplateColumns: "minmax(6rem, 13rem) minmax(0, 1fr) auto",
            gap: "0.5rem",
            alignItems: "center",
          }}
        >
          <Text size="sm" truncate title={bar.label}>
            {bar.label}
          </Text>
          <Box aria-hidden="true" style={{ height: "1.1rem" }}>
            <Box
              style={{
                height: "100%",
                width: `${Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * 100)}%`,
                background: "var(--mantine-color-teal-7)",
                borderRadius: 3,
              }}
            />
          </Box>
          <Text size="sm" fw={600} ta="right">
            {bar.valueLabel}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
