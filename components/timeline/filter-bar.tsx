"use client";

// The filter form. Without JavaScript it is a plain GET form; with it, empty fields are dropped
// so the resulting URL (the shareable state) stays short.
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

export type TFilterOption = { value: string; label: string };
export type TFilterBarProps = {
  values: Partial<Record<"country" | "speaker" | "outlet" | "relation" | "from" | "to" | "q" | "review", string>>;
  countries: TFilterOption[];
  speakers: TFilterOption[];
  outlets: TFilterOption[];
};

const fieldClass =
  "mt-1 block w-full rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm text-zinc-900 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-100";
const labelClass = "block text-sm font-medium text-zinc-800 dark:text-zinc-200";

export function FilterBar({ values, countries, speakers, outlets }: TFilterBarProps) {
  const router = useRouter();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
    }
    const query = params.toString();
    router.push(query ? `/?${query}` : "/");
  }
  return (
    <form method="get" action="/" onSubmit={submit} role="search" aria-label="Filter the timeline" className="space-y-3">
      <div>
        <label htmlFor="filter-q" className={labelClass}>Search</label>
        <input id="filter-q" name="q" type="search" defaultValue={values.q ?? ""} placeholder="e.g. security treaty" className={fieldClass} />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-1">
        <Select id="filter-country" name="country" label="Country" value={values.country} options={countries} />
        <Select id="filter-speaker" name="speaker" label="Speaker" value={values.speaker} options={speakers} />
        <Select id="filter-outlet" name="outlet" label="Outlet" value={values.outlet} options={outlets} />
        <Select
          id="filter-relation"
          name="relation"
          label="Relation"
          value={values.relation}
          options={[
            { value: "rebuts", label: "Rebuts" },
            { value: "supports", label: "Supports" },
            { value: "responds", label: "Responds" },
          ]}
        />
        <Select id="filter-review" name="review" label="Review" value={values.review} options={[{ value: "reviewed", label: "Reviewed by editors" }]} />
        <div>
          <label htmlFor="filter-from" className={labelClass}>From</label>
          <input id="filter-from" name="from" type="date" defaultValue={values.from ?? ""} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="filter-to" className={labelClass}>To</label>
          <input id="filter-to" name="to" type="date" defaultValue={values.to ?? ""} className={fieldClass} />
        </div>
      </div>
      <button
        type="submit"
        className="w-full rounded-md bg-sky-800 px-3 py-2 text-sm font-semibold text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950 dark:hover:bg-sky-200"
      >
        Apply filters
      </button>
    </form>
  );
}

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value?: string; options: TFilterOption[] }) {
  // Keep a selected value that is not among the options (e.g. zero results) selectable.
  const all = value && !options.some((option) => option.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={fieldClass}>
        <option value="">Any</option>
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
