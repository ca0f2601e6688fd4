import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from "@mantine/core";

/** Deep teal-blue, picked so that shade 7 (buttons, links) keeps ≥ 4.5:1 contrast on white. */
const bridge: MantineColorsTuple = [
  "#e6f4f8",
  "#cfe6ee",
  "#9ccbdc",
  "#66aec9",
  "#3b95b8",
  "#2086ae",
  "#0b7ea9",
  "#006a90",
  "#005e81",
  "#004f6e",
];

/**
 * Mantine's "light" variant (alerts, light badges) writes mid-tone coloured text on a tint, which
 * falls below 4.5:1 for orange, yellow and green. Dark text on the tint keeps the colour cue and
 * passes WCAG AA for every colour.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant === "light")
    return { ...colors, color: "var(--mantine-color-black)", hoverColor: "var(--mantine-color-black)" };
  // A filled button's default hover of a shade-9 colour is the lighter shade 8 (teal: 3.9:1 with
  // white text). Hovering darkens instead, so white text keeps its contrast under the pointer.
  if (input.variant === "filled") return { ...colors, hover: `color-mix(in srgb, ${colors.background}, black 12%)` };
  return colors;
};

export const theme = createTheme({
  variantColorResolver,
  black: "#1a1b1e",
  primaryColor: "bridge",
  primaryShade: 7,
  colors: { bridge },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  focusRing: "auto",
  autoContrast: true,
});

/** Mantine's default "dimmed" grey is below WCAG AA on white; a darker grey keeps the same feel. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#495057",
    "--mantine-color-placeholder": "#6b7178",
    "--mantine-color-error": "#c92a2a",
    "--mantine-color-anchor": "var(--mantine-color-bridge-7)",
  },
  dark: {},
});
