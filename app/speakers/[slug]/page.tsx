// Everything a speaker claimed and every response to them; who rebuts them most; what they answered.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZPathSlug } from "@/lib/queries/exists";
import { getCachedSpeaker } from "@/lib/cache/cached-queries";
import { CountryTag } from "@/components/ui/country-tag";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { PairGroupList } from "@/components/speaker/pair-group-list";
import { TookTooLong } from "@/components/ui/took-too-long";
import { formatCountUpTo } from "@/lib/count-cap";

type TParams = Promise<{ slug: string }>;

async function loadSpeaker(params: TParams) {
  const parsed = ZPathSlug.safeParse((await params).slug);
  return parsed.success ? getCachedSpeaker(parsed.data) : null;
}

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  const speaker = await loadSpeaker(params);
  if (!speaker) return { title: "Speaker not found" };
  const description = `What ${speaker.name} claimed in the news, and who answered.`;
  return {
    title: speaker.name,
    description,
    alternates: { canonical: `/speakers/${speaker.slug}` },
    openGraph: { title: speaker.name, description, type: "profile" },
  };
}

export default async function SpeakerPage({ params }: { params: TParams }) {
  const speaker = await loadSpeaker(params);
  if (!speaker) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{speaker.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-zinc-800 dark:text-zinc-200">
          {speaker.role ? <span>{speaker.role}</span> : null}
          {speaker.country ? <CountryTag code={speaker.country} link /> : null}
          {speaker.statementCount === null ? null : (
            <span className="text-sm text-zinc-700 dark:text-zinc-300">
              {formatCountUpTo(speaker.statementCount)} {speaker.statementCount === 1 ? "statement" : "statements"}
            </span>
          )}
        </p>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Link href={`/?speaker=${speaker.slug}`} className="font-medium underline underline-offset-2">Timeline filtered to {speaker.name}</Link>
          <a href={`/feed.xml?speaker=${speaker.slug}`} className="underline underline-offset-2">RSS</a>
          <CopyLinkButton />
        </div>
      </header>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="claims-heading" className="space-y-3">
            <h2 id="claims-heading" className="text-xl font-semibold">What {speaker.name} said, and the responses</h2>
            {speaker.cut.includes("claims") ? <TookTooLong what="statements" /> : (
              <PairGroupList groups={speaker.claims} empty="No statements recorded yet." speakerSlug={speaker.slug} list="claims" />
            )}
          </section>
          <section aria-labelledby="answers-heading" className="space-y-3">
            <h2 id="answers-heading" className="text-xl font-semibold">Claims {speaker.name} answered</h2>
            {speaker.cut.includes("answers") ? <TookTooLong what="answers" /> : (
              <PairGroupList groups={speaker.answers} empty={`${speaker.name} has not been recorded answering anyone.`} speakerSlug={speaker.slug} list="answers" />
            )}
            <WindowNote articles={speaker.windowArticles} />
          </section>
        </div>
        <aside aria-labelledby="rebutters-heading" className="space-y-2 lg:sticky lg:top-4 lg:self-start">
          <h2 id="rebutters-heading" className="text-lg font-semibold">Who rebuts {speaker.name} most</h2>
          {speaker.cut.includes("rebutters") ? <TookTooLong what="rebuttals" /> : speaker.rebutters.length ? (
            <ol className="space-y-1">
              {speaker.rebutters.map((r) => (
                <li key={r.slug} className="flex justify-between gap-2">
                  <Link href={`/speakers/${r.slug}`} className="underline underline-offset-2">{r.name}</Link>
                  <span className="tabular-nums text-zinc-700 dark:text-zinc-300">{r.count}<span className="sr-only"> rebuttals</span></span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">No rebuttals recorded.</p>
          )}
          <WindowNote articles={speaker.windowArticles} />
        </aside>
      </div>
    </div>
  );
}

/** Answers and rebuttals of a much-quoted speaker are looked for in the latest articles quoting them. */
function WindowNote({ articles }: { articles: number | null }) {
  if (articles === null) return null;
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="speaker-window">
      From the latest {articles.toLocaleString("en")} articles quoting them.
    </p>
  );
}
