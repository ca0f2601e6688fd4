import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { cssVariablesResolver, theme } from "../app/theme.ts";
import { i18nReady } from "../lib/i18n.ts";

// The app paints after its language is loaded (main.tsx); so do the components under test.
await i18nReady;

/** jsdom lacks the media-query, resize and font-loading APIs that Mantine reads (Textarea autosize listens for fonts). */
function polyfillBrowserApis() {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener() {},
        removeListener() {},
        addEventListener() {},
        removeEventListener() {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("fonts" in document)) {
    Object.defineProperty(document, "fonts", {
      configurable: true,
      value: { addEventListener() {}, removeEventListener() {} },
    });
  }
  if (!("ResizeObserver" in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}

/** Renders a component with the app's providers (theme, i18n in English, a fresh query cache). */
export function renderWithProviders(ui: ReactElement) {
  polyfillBrowserApis();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </MantineProvider>,
  );
}

/** A fetch Response carrying JSON (problem+json for error statuses). */
export function jsonResponse(status: number, body: unknown): Response {
  const type = status >= 400 ? "application/problem+json; charset=utf-8" : "application/json; charset=utf-8";
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
}
