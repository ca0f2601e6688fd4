import { describe, expect, it } from "vitest";
import { guardFormula, unguardFormula } from "./csv-cell.ts";

// OWASP's CSV injection examples plus each start character on its own.
const HOSTILE = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(1+1)",
  "\t=1+1",
  "\r=1+1",
  '=HYPERLINK("http://x","y")',
  "-2+3+cmd|' /C calc'!A0",
  "+1 555 0100",
  "-3",
  "@",
  "=",
];

describe("the CSV formula guard", () => {
  it.each(HOSTILE)("prefixes %j with an apostrophe, and the import takes it off again", (value) => {
    expect(guardFormula(value)).toBe(`'${value}`);
    expect(unguardFormula(guardFormula(value))).toBe(value);
  });

  it.each(["Valley High", "O'Brien", "'quoted", "1+1", " =1+1", ""])("leaves %j as it is, both ways", (value) => {
    expect(guardFormula(value)).toBe(value);
    expect(unguardFormula(value)).toBe(value);
  });
});
