"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";

/**
 * Outcome of a membership form. Field messages arrive already translated (see the members
 * actions); fields without an input of their own (a hidden id, a token) are shown here.
 */
export function StatusMessage({ state, inlineFields = [] }: { state: FormState | undefined; inlineFields?: string[] }) {
  const t = useTranslations("errors");
  const tf = useTranslations("forms");
  if (!state) return null;
  if (state.error) {
    const fields = state.fields ?? {};
    const inline = inlineFields.some((f) => fields[f]?.length);
    const detached = Object.entries(fields)
      .filter(([f]) => !inlineFields.includes(f))
      .flatMap(([, messages]) => messages);
    const text = detached.length ? detached.join(" ") : inline ? tf("errorSummary") : t.has(state.error as never) ? t(state.error as never) : state.error;
    return (
      <p role="alert" className="mt-2 rounded-md border border-red-800 bg-red-50 p-2 text-sm text-red-900">
        <span aria-hidden="true">⚠ </span>
        {text}
      </p>
    );
  }
  if (state.notice) {
    return (
      <p role="status" className="mt-2 rounded-md border border-teal-800 bg-teal-50 p-2 text-sm text-teal-900">
        <span aria-hidden="true">✓ </span>
        {state.notice}
      </p>
    );
  }
  return null;
}
