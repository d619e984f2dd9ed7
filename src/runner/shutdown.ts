/**
 * SIGINT/SIGTERM for long commands: the first signal asks for a graceful stop (the controller
 * aborts: finish or hand back running work), a second one ends the process at once.
 */

/** Exit status after a second interrupt (128 + SIGINT). */
export const FORCED_EXIT_STATUS = 130;

export function onStopSignals(
  controller: AbortController,
  note: (line: string) => void,
  what: string,
): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      note(`${signal} again: stopping now`);
      process.exit(FORCED_EXIT_STATUS);
    }
    note(`${signal}: ${what} (send it again to stop at once)`);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
