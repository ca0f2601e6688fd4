/**
 * Stops the process on SIGTERM (orchestrators) and SIGINT (Ctrl-C) the graceful way: `stop()`
 * stops taking connections, lets the requests in flight finish, stops the jobs and the worker,
 * closes the pool and PostgreSQL; then the process exits 0. Whatever hangs (a request waiting
 * on a lock, an SMTP server that never answers) meets the deadline: one log line and exit 1, so
 * the orchestrator's SIGKILL never has to come and the failure is visible.
 */
export function stopOnSignals(stop: () => Promise<void>, options: { deadlineMs: number; say: (line: string) => void }) {
  const { deadlineMs, say } = options;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      say(`${signal}: already stopping (at most ${deadlineMs / 1000} s)…`);
      return;
    }
    stopping = true;
    const started = Date.now();
    say(`\n${signal}: finishing the requests in flight, then stopping (at most ${deadlineMs / 1000} s)…`);
    // Not unref'd: the deadline must fire even if something keeps the event loop busy.
    const deadline = setTimeout(() => {
      say(`Shutdown did not finish within ${deadlineMs / 1000} s (something is still running); exiting with code 1.`);
      process.exit(1);
    }, deadlineMs);
    stop().then(
      () => {
        clearTimeout(deadline);
        say(`Stopped in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        process.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        say(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
