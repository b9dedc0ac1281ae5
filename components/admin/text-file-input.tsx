"use client";
// The paste form's file picker (text, or a feed file, plain or gzip-compressed): a file over the
// upload limit is refused in the browser, with the limit in the message, before a large body travels.
import { formatMegabytes } from "@/lib/admin-upload-limits";

export function TextFileInput({ maxBytes, className }: { maxBytes: number; className: string }) {
  return (
    <input
      name="file"
      type="file"
      accept=".txt,.html,.htm,text/plain,text/html,.xml,.rss,.atom,.rdf,.json,.gz,application/xml,text/xml,application/rss+xml,application/atom+xml,application/feed+json,application/gzip"
      className={className}
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.setCustomValidity(file && file.size > maxBytes ? `This file is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(maxBytes)}.` : "");
        event.currentTarget.reportValidity();
      }}
    />
  );
}
