// Runs a command-line entry point: one clear line on failure, never a stack-trace wall, and an
// explicit exit (database pools would otherwise keep the process alive).
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}

export function runScript(main: () => Promise<void>): void {
  let finished = false;
  const fail = (error: unknown) => {
    finished = true;
    console.error(`error: ${firstLine(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  };
  // Something below us (PGlite's WASM runtime sets process.exitCode before it throws) can end the
  // process without `main` settling; the user still gets a line saying it did not finish.
  process.on("exit", (code) => {
    if (finished) return;
    console.error(`error: stopped before finishing (exit code ${code || 1})`);
    if (code === 0) process.exitCode = 1;
  });
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  main().then(() => {
    finished = true;
    process.exit(0);
  }, fail);
}
