// The pages' reads, cached: each result is kept in the "use cache" store with the tags of what it
// shows, so a change to any of those (lib/cache/content-change-feed.ts) expires it. Not found is
// cached under the timeline tag, which any new article expires: a 404 never outlives the arrival.
import "server-only";
import { cache } from "react";
import { TIMELINE_TAG, cacheContent, countryTag } from "@/lib/cache/content-tags";
import { getArticleBySlug } from "@/lib/queries/articles";
import { getCountryOverview } from "@/lib/queries/countries";
import { getSpeakerBySlug } from "@/lib/queries/speakers";
import { getStoryBySlug } from "@/lib/queries/stories";

async function readArticle(slug: string) {
  "use cache";
  const article = await getArticleBySlug(slug);
  cacheContent(article?.cacheTags ?? [TIMELINE_TAG]);
  return article;
}

async function readStory(slug: string) {
  "use cache";
  const story = await getStoryBySlug(slug);
  cacheContent(story?.cacheTags ?? [TIMELINE_TAG]);
  return story;
}

async function readSpeaker(slug: string) {
  "use cache";
  const speaker = await getSpeakerBySlug(slug);
  const cutShort = speaker !== null && (speaker.cut.length > 0 || speaker.statementCount === null);
  cacheContent(speaker?.cacheTags ?? [TIMELINE_TAG], { cutShort });
  return speaker;
}

/** Expired by any change to a mention of the country or to a statement or speaker from it. */
export async function getCachedCountryOverview(code: string) {
  "use cache";
  const overview = await getCountryOverview(code);
  cacheContent([countryTag(code)], { cutShort: overview.speakers === null || overview.mentionedIn === null });
  return overview;
}

// React's cache: metadata and page of one request share one read.
export const getCachedArticle = cache(readArticle);
export const getCachedStory = cache(readStory);
export const getCachedSpeaker = cache(readSpeaker);
