// The host a reader names a site by: "https://www.tmz.com/x" → "tmz.com".

/** The URL's host without "www.", or null when it is no URL. */
export function hostNameOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}
