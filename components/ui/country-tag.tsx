import Link from "next/link";
import { describeCountry } from "@/lib/countries-display";

/** The ISO code with the full name on hover; emoji flags are left out because many Linux systems lack a font for them. */
export function CountryTag({ code, link = false }: { code: string; link?: boolean }) {
  const country = describeCountry(code);
  const body = (
    <>
      <abbr title={country.name}>
        {country.code}
      </abbr>
      {link ? <span className="sr-only"> ({country.name})</span> : null}
    </>
  );
  return link ? (
    <Link href={`/countries/${country.code.toLowerCase()}`} className="country-tag">
      {body}
    </Link>
  ) : (
    <span className="country-tag">{body}</span>
  );
}
