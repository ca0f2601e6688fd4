// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Screen readers choose their voice from <html lang>. The language's text arrives in a chunk of
 * its own, so the attribute must name the language before that chunk loads, not only after.
 */
describe("<html lang>", () => {
  afterEach(() => {
    localStorage.clear();
    document.documentElement.lang = "en";
  });

  it("names the reader's saved language as soon as the module runs, before its text has loaded", async () => {
    localStorage.setItem("bridgework.language", "es");
    document.documentElement.lang = "en";
    vi.resetModules();
    const { i18n, i18nReady } = await import("./i18n.ts");
    // The Spanish chunk is still on its way: i18next has not switched yet.
    expect(i18n.language).toBeUndefined();
    expect(document.documentElement.lang).toBe("es");
    await i18nReady;
    expect(i18n.language).toBe("es");
    expect(document.documentElement.lang).toBe("es");
  });
});
