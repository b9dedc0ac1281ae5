// Feed subscriptions with their health: last success, last error, items seen/new, next poll.
import type { listFeedsWithHealth } from "@/lib/queries/feeds";

type TFeed = Awaited<ReturnType<typeof listFeedsWithHealth>>[number];
type TAction = (formData: FormData) => Promise<void>;

function when(date: Date | null): string {
  return date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never";
}

export function FeedTable({ feeds, pollAction, removeAction }: { feeds: TFeed[]; pollAction: TAction; removeAction: TAction }) {
  if (feeds.length === 0) return <p>No feeds yet. Subscribe to one above.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-300 dark:border-zinc-700">
            <th scope="col" className="py-2 pr-3">Feed</th>
            <th scope="col" className="py-2 pr-3">Health</th>
            <th scope="col" className="py-2 pr-3">Items seen / new</th>
            <th scope="col" className="py-2 pr-3">Next poll</th>
            <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {feeds.map((feed) => (
            <tr key={feed.id} className="border-b border-zinc-200 align-top dark:border-zinc-800">
              <td className="py-2 pr-3">
                <div className="font-medium">{feed.title ?? "(not fetched yet)"}</div>
                <div className="break-all text-zinc-700 dark:text-zinc-300">{feed.url}</div>
              </td>
              <td className="py-2 pr-3">
                <div>Last success: {when(feed.lastSuccessAt)}</div>
                {feed.lastError && (
                  <div className="text-red-800 dark:text-red-300">
                    {feed.consecutiveFailures > 0 ? `Failing (${feed.consecutiveFailures}×): ` : "Last problem: "}
                    {feed.lastError} ({when(feed.lastErrorAt)})
                  </div>
                )}
              </td>
              <td className="py-2 pr-3">{feed.itemsSeen} / {feed.itemsNew}</td>
              <td className="py-2 pr-3">{when(feed.nextPollAt)}</td>
              <td className="flex gap-2 py-2">
                <form action={pollAction}>
                  <input type="hidden" name="id" value={feed.id} />
                  <button type="submit" className="rounded border border-zinc-500 px-2 py-1">Poll now</button>
                </form>
                <form action={removeAction}>
                  <input type="hidden" name="id" value={feed.id} />
                  <button type="submit" className="rounded border border-red-700 px-2 py-1 text-red-800 dark:text-red-300">Remove</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
