// Country names and flags for ISO 3166-1 alpha-2 codes, from the bundled world-countries data.
import countries from "world-countries";

export type TCountryDisplay = { code: string; name: string; flag: string };

const byCode = new Map<string, TCountryDisplay>(
  countries.map((country) => [country.cca2, { code: country.cca2, name: country.name.common, flag: country.flag }]),
);

export function isKnownCountryCode(code: string): boolean {
  return byCode.has(code);
}

/** Unknown codes still display (as the bare code) so a stray value never breaks a page. */
export function describeCountry(code: string): TCountryDisplay {
  return byCode.get(code) ?? { code, name: code, flag: "" };
}
