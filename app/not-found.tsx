import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-zinc-800 dark:text-zinc-200">There is no article, speaker, country or story at this address. It may have been mistyped or removed.</p>
      <p><Link href="/" className="font-medium underline underline-offset-2">Back to the timeline</Link></p>
    </div>
  );
}
