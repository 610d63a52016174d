import Link from "next/link";
import type { ReactNode } from "react";

/*
 * Filters of list pages are plain GET forms: every filtered view is a URL people can share and
 * bookmark, and filtering works without JavaScript.
 */

const selectClass = "mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:outline-none focus:ring-2 focus:ring-teal-700";

type FilterFormProps = {
  action: string;
  label: string;
  applyLabel: string;
  resetLabel: string;
  /** Shows the reset link (back to `action` without parameters) when any filter is set. */
  filtered: boolean;
  children: ReactNode;
};

export function FilterForm({ action, label, applyLabel, resetLabel, filtered, children }: FilterFormProps) {
  return (
    <form method="get" action={action} aria-label={label} className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
      {children}
      <button type="submit" className="rounded-md border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50 focus:outline-none focus:ring-2 focus:ring-teal-700">
        {applyLabel}
      </button>
      {filtered ? (
        <Link href={action} className="py-2 text-teal-800 underline">
          {resetLabel}
        </Link>
      ) : null}
    </form>
  );
}

type FilterSelectProps = {
  id: string;
  name: string;
  label: string;
  /** The first option, meaning "no filter". */
  allLabel: string;
  value: string | undefined | null;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export function FilterSelect({ id, name, label, allLabel, value, options }: FilterSelectProps) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
