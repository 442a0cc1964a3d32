// The end of every script: exit 0 when its work is done, or print the error and exit 1.
// Runs under plain `node`: erasable TypeScript only.

/** Runs `main` and exits; `stack` prints the whole stack rather than the message alone. */
export function runScript(main: () => Promise<void>, { stack = false } = {}): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? ((stack ? error.stack : undefined) ?? error.message) : error);
      process.exit(1);
    },
  );
}
