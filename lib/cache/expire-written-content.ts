// After a write made inside this server (a correction, an undo): expire what it changed before
// answering, so the page the editor goes back to shows it at once (read-your-writes). The tags
// are the ones the database triggers recorded in the write's own transaction; the poll expires
// them in our store, and each also goes through revalidateTag so Next drops what else it keeps for
// them (in a server action, the browser's router cache too).
import "server-only";
import { revalidateTag } from "next/cache";
import { contentChangeFeed } from "@/lib/cache/content-change-feed";

export async function expireWrittenContent(): Promise<void> {
  const tags = await contentChangeFeed().pollAfterWrite();
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      // A handler run outside a Next server (a script, an integration test calling the route
      // function) has no Next cache to drop; the poll above already expired ours.
      if (!isOutsideNextRequest(error)) throw error;
    }
  }
}

function isOutsideNextRequest(error: unknown): boolean {
  return error instanceof Error && /static generation store missing/i.test(error.message);
}
