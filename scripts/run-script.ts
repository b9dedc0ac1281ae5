// Runs a command-line entry point: one clear line on failure, never a stack-trace wall, and an
// explicit exit (database pools would otherwise keep the process alive).
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`error: ${message.split("\n")[0]}`);
      if (process.env.DEBUG) console.error(error);
      process.exit(1);
    },
  );
}
