// Runs once when a server process starts: follow the database's change feed so this process's
// cached pages expire when another process (worker, command line, another server) changes content.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { contentChangeFeed } = await import("@/lib/cache/content-change-feed");
  contentChangeFeed();
}
