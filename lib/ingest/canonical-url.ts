// Reduces an article URL to one dedup key, so the same page reached through a newsletter, a share
// button or "www." is recognised as one article. The key is for comparison, not for display.

export class CanonicalUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CanonicalUrlError";
  }
}

// Parameters that identify the click, not the page. Matched case-insensitively.
const TRACKING_PARAMS = new Set([
  "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
  "mc_cid", "mc_eid", "igshid", "igsh", "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp", "camp", "campaign_id",
  "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
  "ocid", "smid", "smtyp", "sr_share", "share", "spm", "s_cid", "s_kwcid", "ncid", "xtor", "wt.mc_id", "wt_mc", "wt_zmc", "icid",
  "int_source", "int_medium", "int_campaign", "ito", "intcmp", "fb_action_ids", "fb_action_types", "fb_ref",
  "fb_source", "action_object_map", "action_type_map", "action_ref_map", "__twitter_impression", "rss",
  "guccounter", "guce_referrer", "guce_referrer_sig", "outputtype", "trk", "trkcampaign",
]);
// Deliberately not "id", "cid", "source" or "src": some sites identify the article with them.
const TRACKING_PREFIXES = ["utm_", "pk_", "mtm_", "hmb_", "at_", "ns_", "stm_"];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Canonical form: http(s) only; lower-case scheme and host; no credentials, default port, trailing
 * dot, leading "www." (sites serve both names; the rare site where they differ is an acceptable
 * miss for dedup), fragment or tracking parameters; remaining parameters sorted; trailing slash
 * removed except for the root path.
 */
export function canonicalizeUrl(raw: string, base?: string): string {
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    throw new CanonicalUrlError(`Not a valid URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CanonicalUrlError(`Only http and https URLs are articles, not ${url.protocol}`);
  }
  url.username = "";
  url.password = "";
  url.hash = "";
  url.hostname = url.hostname.replace(/\.$/, "").replace(/^www\d*\./, "");
  // The URL parser already drops :80 for http and :443 for https.

  const kept = [...url.searchParams.entries()]
    .filter(([name]) => !isTrackingParam(name))
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  url.search = "";
  for (const [name, value] of kept) url.searchParams.append(name, value);

  let path = url.pathname.replace(/\/{2,}/g, "/");
  if (path.length > 1 && path.endsWith("/")) path = path.replace(/\/+$/, "");
  url.pathname = path || "/";
  return url.href;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Resolves a link and keeps it only if it is http(s); the absolute href, or null. */
export function toHttpUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Like canonicalizeUrl, but null for anything that is not a usable http(s) URL. */
export function tryCanonicalizeUrl(raw: string, base?: string): string | null {
  try {
    return canonicalizeUrl(raw, base);
  } catch {
    return null;
  }
}
