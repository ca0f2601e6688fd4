import { useCallback, useRef } from "react";

/**
 * After an action (approve, save, decline…) the button that was pressed often disappears with
 * its row, and the browser puts focus back on the page's top. Call `focusAfter(target)` once the
 * result is on screen: it moves focus to `target` (the result's alert, or the next item), else to
 * the given fallback element, else to the page's main landmark — never to the top of the page.
 *
 *   const { resultRef, focusAfter } = useFocusAfterAction<HTMLDivElement>();
 *   onSuccess: () => focusAfter()            // the element holding resultRef (e.g. an Alert)
 *   onSuccess: () => focusAfter("#row-next") // a selector or an element
 */
export function useFocusAfterAction<T extends HTMLElement = HTMLElement>() {
  const resultRef = useRef<T | null>(null);
  const focusAfter = useCallback((target?: HTMLElement | string | null) => {
    // After React has drawn the result (the alert or the next row exists only then).
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const found = typeof target === "string" ? document.querySelector<HTMLElement>(target) : (target ?? null);
        const element = (found?.isConnected ? found : null) ?? resultRef.current ?? document.getElementById("main");
        if (!element) return;
        if (!element.matches("a[href], button, input, select, textarea, [tabindex]"))
          element.setAttribute("tabindex", "-1");
        element.focus({ preventScroll: true });
        element.scrollIntoView({ block: "nearest" });
      }),
    );
  }, []);
  return { resultRef, focusAfter };
}
