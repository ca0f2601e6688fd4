// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { saveCsv } from "./download-csv.ts";

afterEach(() => vi.restoreAllMocks());

/** The text of the file saveCsv hands to the browser. */
async function savedText(rows: (string | number | null)[][]): Promise<string> {
  let saved: Blob | undefined;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved = blob;
    return "blob:test";
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
  saveCsv(rows, "test.csv");
  // jsdom's Blob has no text(): read it as the browser would.
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(saved!);
  });
}

describe("a CSV built in the browser", () => {
  it("guards text a spreadsheet would run as a formula, as the API's exports do, and keeps numbers", async () => {
    const text = await savedText([
      ["level", "employers"],
      ['=HYPERLINK("http://x","y")', 3],
      ["-2+3+cmd|' /C calc'!A0", -1],
      ["@SUM(1+1)", null],
    ]);
    expect(text).toBe(
      `level,employers\r\n"'=HYPERLINK(""http://x"",""y"")",3\r\n'-2+3+cmd|' /C calc'!A0,-1\r\n'@SUM(1+1),\r\n`,
    );
  });
});
