"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700 aria-[invalid=true]:border-red-700";

type FieldProps = { label: string; name: string; state?: FormState; hint?: string };

function useFieldIds(name: string, state: FormState | undefined, hint: string | undefined) {
  const id = useId();
  const t = useTranslations("fieldErrors");
  const errors = state?.fields?.[name] ?? [];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const messages = errors.map((key) => (t.has(key as never) ? t(key as never) : key));
  return { id, errorId, hintId, describedBy, messages };
}

function FieldShell(props: { id: string; label: string; hint?: string; hintId: string; errorId: string; messages: string[]; required?: boolean; children: ReactNode }) {
  const t = useTranslations("forms");
  return (
    <div className="mb-4">
      <label htmlFor={props.id} className="block font-medium text-slate-800">
        {props.label}
        {props.required ? <span className="ml-1 text-sm font-normal text-slate-600">({t("required")})</span> : null}
      </label>
      {props.children}
      {props.hint ? (
        <p id={props.hintId} className="mt-1 text-sm text-slate-600">
          {props.hint}
        </p>
      ) : null}
      {props.messages.length ? (
        <p id={props.errorId} className="mt-1 text-sm font-medium text-red-800" role="alert">
          <span aria-hidden="true">⚠ </span>
          {props.messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, name, state, hint, defaultValue, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(name, state, hint);
  const value = rest.type === "password" ? undefined : (state?.values?.[name] ?? defaultValue);
  return (
    <FieldShell {...ids} label={label} hint={hint} required={rest.required}>
      <input
        id={ids.id}
        name={name}
        className={inputClass}
        aria-invalid={ids.messages.length ? true : undefined}
        aria-describedby={ids.describedBy}
        defaultValue={value}
        // Remount with the echoed value after a failed submission, so nothing typed is lost.
        key={state?.values ? `v-${String(state.values[name] ?? "")}` : "initial"}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextArea({ label, name, state, hint, defaultValue, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(name, state, hint);
  const value = state?.values?.[name] ?? defaultValue;
  return (
    <FieldShell {...ids} label={label} hint={hint} required={rest.required}>
      <textarea
        id={ids.id}
        name={name}
        className={inputClass}
        aria-invalid={ids.messages.length ? true : undefined}
        aria-describedby={ids.describedBy}
        defaultValue={value}
        key={state?.values ? `v-${String(state.values[name] ?? "")}` : "initial"}
        {...rest}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  state,
  hint,
  defaultValue,
  options,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }> }) {
  const ids = useFieldIds(name, state, hint);
  const value = state?.values?.[name] ?? defaultValue;
  return (
    <FieldShell {...ids} label={label} hint={hint} required={rest.required}>
      <select
        id={ids.id}
        name={name}
        className={inputClass}
        aria-invalid={ids.messages.length ? true : undefined}
        aria-describedby={ids.describedBy}
        defaultValue={value}
        key={state?.values ? `v-${String(state.values[name] ?? "")}` : "initial"}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function SubmitButton({ children, variant = "primary" }: { children: ReactNode; variant?: "primary" | "danger" | "secondary" }) {
  const { pending } = useFormStatus();
  const t = useTranslations("forms");
  const colours = {
    primary: "bg-teal-800 text-white hover:bg-teal-900",
    danger: "bg-red-800 text-white hover:bg-red-900",
    secondary: "bg-white text-teal-900 border border-teal-800 hover:bg-teal-50",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 font-semibold focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2 disabled:opacity-70 ${colours}`}
    >
      {pending ? t("saving") : children}
    </button>
  );
}

/** Form-level outcome: errors are announced assertively, notices politely. */
export function FormMessage({ state, namespace = "errors" }: { state: FormState | undefined; namespace?: "errors" | "auth.errors" }) {
  const t = useTranslations(namespace);
  const tf = useTranslations("forms");
  if (!state) return null;
  if (state.error) {
    const text = state.error === "invalid_input" && state.fields ? tf("errorSummary") : t.has(state.error as never) ? t(state.error as never) : state.error;
    return (
      <div role="alert" className="mb-4 rounded-md border border-red-800 bg-red-50 p-3 text-red-900">
        <span aria-hidden="true">⚠ </span>
        {text}
      </div>
    );
  }
  if (state.notice) {
    return (
      <div role="status" className="mb-4 rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
        <span aria-hidden="true">✓ </span>
        {state.notice}
      </div>
    );
  }
  return null;
}
