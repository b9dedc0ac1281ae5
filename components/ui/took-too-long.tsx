// What a page shows in place of a part whose read ran past its time limit (lib/queries/bounded-read.ts).
export function TookTooLong({ what }: { what: string }) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="took-too-long">
      The {what} took too long to load and are left out; reload the page in a moment.
    </p>
  );
}
