/**
 * Starts `request` in a task of its own (a zero-delay timer) rather than in the caller's.
 *
 * TanStack Query starts a query's fetch where a component subscribes to it, in React's commit of
 * that component: a page that mounts several queries at once put all their fetch() calls (each
 * a few milliseconds on a cold page, more on a busy machine) into the one task that also inserts
 * the page, which then blocked the main thread for long (Total Blocking Time). Each in its own
 * task, the browser may paint and answer input between them; the request leaves a moment later.
 */
export function inOwnTask<T>(request: () => Promise<T>): Promise<T> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(request);
}
