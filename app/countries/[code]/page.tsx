// A country: its speakers, and the timeline filtered to it (speakers from it or articles mentioning it).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ZCountryFilter } from "@/lib/filters";
import { describeCountry } from "@/lib/countries-display";
import { getCachedCountryOverview } from "@/lib/cache/cached-queries";
import { CachedTimelineResults } from "@/components/cached/cached-timeline";
import { TimelineSkeleton } from "@/components/timeline/timeline-skeleton";
import { TookTooLong } from "@/components/ui/took-too-long";
import { LIST_COUNT_CAP, formatCountUpTo } from "@/lib/count-cap";

type TParams = Promise<{ code: string }>;

async function parseCode(params: TParams): Promise<string | null> {
  const parsed = ZCountryFilter.safeParse((await params).code);
  return parsed.success ? parsed.data : null;
}

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  const code = await parseCode(params);
  if (!code) return { title: "Country not found" };
  const { name } = describeCountry(code);
  return { title: name, description: `Claims and responses from and about ${name}.`, alternates: { canonical: `/countries/${code.toLowerCase()}` } };
}

export default async function CountryPage({ params }: { params: TParams }) {
  const code = await parseCode(params);
  if (!code) notFound();
  const country = describeCountry(code);
  const overview = await getCachedCountryOverview(code);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
          {country.name} <span className="text-lg font-normal text-zinc-700 dark:text-zinc-300">({country.code})</span>
        </h1>
        <p className="text-zinc-800 dark:text-zinc-200">
          {overview.mentionedIn === null ? null : (
            <>Mentioned in {formatCountUpTo(overview.mentionedIn)} {overview.mentionedIn === 1 ? "article" : "articles"}; </>
          )}
          {overview.speakers === null ? null : (
            <>{overview.speakers.length} {overview.speakers.length === 1 ? "speaker" : "speakers"} from here.</>
          )}
        </p>
        <p className="flex flex-wrap gap-3 text-sm">
          <Link href={`/?country=${country.code}`} className="font-medium underline underline-offset-2">Filter the timeline to {country.name}</Link>
          <a href={`/feed.xml?country=${country.code}`} className="underline underline-offset-2">RSS</a>
        </p>
      </header>
      <div className="grid gap-8 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <section aria-labelledby="country-speakers" className="space-y-2">
          <h2 id="country-speakers" className="text-lg font-semibold">Speakers from {country.name}</h2>
          {overview.speakers === null ? <TookTooLong what="speakers" /> : overview.speakers.length ? (
            <ul className="space-y-1.5">
              {overview.speakers.map((s) => (
                <li key={s.slug}>
                  <Link href={`/speakers/${s.slug}`} className="font-medium underline underline-offset-2">{s.name}</Link>
                  {s.role ? <span className="text-sm text-zinc-700 dark:text-zinc-300"> — {s.role}</span> : null}
                  <span className="text-sm text-zinc-700 dark:text-zinc-300"> ({formatCountUpTo(s.statementCount, LIST_COUNT_CAP)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">No speakers from {country.name} yet.</p>
          )}
        </section>
        <section aria-labelledby="country-timeline" className="min-w-0 space-y-3">
          <h2 id="country-timeline" className="text-lg font-semibold">Latest stories</h2>
          <Suspense fallback={<TimelineSkeleton />}>
            <CachedTimelineResults filters={{ country: code }} />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
