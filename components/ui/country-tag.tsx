import Link from "next/link";
import { describeCountry } from "@/lib/countries-display";

/** The ISO code with the full name on hover; emoji flags are left out because many Linux systems lack a font for them. */
export function CountryTag({ code, link = false }: { code: string; link?: boolean }) {
  const country = describeCountry(code);
  const body = (
    <>
      <abbr title={country.name} className="no-underline">
        {country.code}
      </abbr>
      {link ? <span className="sr-only"> ({country.name})</span> : null}
    </>
  );
  const className =
    "inline-flex items-center rounded border border-zinc-300 px-1 text-xs font-medium text-zinc-700 dark:border-zinc-600 dark:text-zinc-300";
  return link ? (
    <Link href={`/countries/${country.code.toLowerCase()}`} className={`${className} hover:bg-zinc-100 dark:hover:bg-zinc-800`}>
      {body}
    </Link>
  ) : (
    <span className={className}>{body}</span>
  );
}
