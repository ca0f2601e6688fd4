// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Screen readers choose their voice from <html lang>. The language's text arrives in a chunk of
 * its own, so the attribute must name the language before that chunk loads, not only after.
 * (i18next's instance is one per process: the DOM files share a process, so this test puts it
 * back into English when it ends.)
 */
describe("<html lang>", () => {
  afterEach(async () => {
    localStorage.clear();
    const { i18n } = await import("./i18n.ts");
    await i18n.changeLanguage("en");
  });

  it("names the reader's saved language as soon as the module runs, before its text has loaded", async () => {
    localStorage.setItem("bridgework.language", "es");
    document.documentElement.lang = "en";
    vi.resetModules();
    const loading = import("./i18n.ts");
    const { i18n, i18nReady } = await loading;
    // Nothing awaited the Spanish chunk yet: the attribute was set when the module ran.
    expect(document.documentElement.lang).toBe("es");
    await i18nReady;
    expect(i18n.language).toBe("es");
    expect(document.documentElement.lang).toBe("es");
  });
});
