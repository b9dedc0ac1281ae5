// How much the admin page's forms accept, shared by the form, its server actions, the request
// guard in proxy.ts and Next's server-action body limit (next.config.ts). A leaf module: the proxy
// and the config load it, so it imports nothing.

/** Equals MAX_PASTE_CHARS in lib/ingest/pipeline.ts (a unit test keeps them equal). */
export const PASTE_CHARS_LIMIT = 2_000_000;

/** A pasted .txt file: its text must still fit the paste limit, even in 4-byte UTF-8 characters. */
export const MAX_UPLOAD_BYTES = PASTE_CHARS_LIMIT * 4;

/** A whole admin form post: the file, the typed text in 3-byte UTF-8 at worst, and the multipart framing. */
export const MAX_ACTION_BODY_BYTES = MAX_UPLOAD_BYTES + PASTE_CHARS_LIMIT * 3 + 64 * 1024;

export const formatMegabytes = (bytes: number) => `${Math.floor(bytes / 1_000_000)} MB`;
