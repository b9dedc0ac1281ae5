// Read-your-writes for every write made inside this server (an admin form, a review action, an API
// call): the write runs, then what it changed is expired before the answer goes out, so the next
// page shows it. The caller names its door, because Next's rules differ by context:
// - a server action calls updateTag (Next 16: only there), which also tells the browser's router
//   that the action changed cached data, so the page it lands on is rendered fresh;
// - a route handler answers JSON to a client with no router cache; its next request reads this
//   process's "use cache" store, the only one (next.config.ts `cacheHandlers`), which the poll
//   below has already expired, so revalidateTag would have nothing left to drop;
// - the worker and the command line never come here: the ContentChange triggers record what they
//   change, and every server's change-feed poll expires it within a second.
import "server-only";
import { updateTag } from "next/cache";
import { contentChangeFeed } from "@/lib/cache/content-change-feed";

export type TWriteDoor = "server-action" | "route-handler";

export async function writeThenExpire<T>(door: TWriteDoor, write: () => Promise<T>): Promise<T> {
  const result = await write();
  // The tags the database triggers recorded for the write (and any other change since the last poll).
  const tags = await contentChangeFeed().pollAfterWrite();
  if (door === "server-action") for (const tag of tags) updateTag(tag);
  return result;
}
