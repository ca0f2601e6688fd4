/** The Bridgework mark: an arch over a road, drawn inline so no external asset is needed. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-bridge-8)" />
      <path d="M5 22 Q16 6 27 22" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
      <path d="M5 22 H27" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
      <path d="M11 22 V15.5 M16 22 V12.5 M21 22 V15.5" stroke="#9ccbdc" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
