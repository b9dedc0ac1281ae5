"use client";

// The last line of defence for a data route: a plain explanation and a retry, no internals.
import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 rounded-lg border-2 border-red-700 bg-white p-6 dark:border-red-400 dark:bg-zinc-900">
      <h1 className="text-xl font-bold">Something went wrong loading this page</h1>
      <p className="text-zinc-800 dark:text-zinc-200">
        The data could not be loaded just now. This is usually temporary — the database may be restarting.
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-sky-800 px-3 py-2 text-sm font-semibold text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950"
        >
          Try again
        </button>
        <Link href="/" className="px-3 py-2 text-sm underline underline-offset-2">Back to the timeline</Link>
      </div>
    </div>
  );
}
