"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { createNetworkAction, proposeNetworkAction } from "@/app/(app)/networks/new/actions";
import { saveNetwork } from "@/app/(app)/networks/[slug]/settings/actions";
import { FormMessage, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import type { NetworkContact } from "@/db/schema";
import type { FormState } from "@/lib/forms";
import { contactFields, type ContactField } from "@/lib/networks/schemas";

export type NetworkFormValues = {
  id?: string;
  name: string;
  focus: string;
  description: string;
  socialAreas: string[];
  hostName: string | null;
  contact: NetworkContact;
  listed: boolean;
};

const EMPTY: NetworkFormValues = { name: "", focus: "", description: "", socialAreas: [], hostName: null, contact: { public: [] }, listed: true };

const contactLabel: Record<ContactField, "contactOrganisation" | "contactPerson" | "contactEmail" | "contactPhone" | "contactWebsite"> = {
  organisation: "contactOrganisation",
  person: "contactPerson",
  email: "contactEmail",
  phone: "contactPhone",
  website: "contactWebsite",
};

const inputTypes: Record<ContactField, { type: string; autoComplete: string }> = {
  organisation: { type: "text", autoComplete: "organization" },
  person: { type: "text", autoComplete: "name" },
  email: { type: "email", autoComplete: "email" },
  phone: { type: "tel", autoComplete: "tel" },
  website: { type: "url", autoComplete: "url" },
};

function Checkbox({ name, value, label, hint, defaultChecked }: { name: string; value: string; label: string; hint?: string; defaultChecked: boolean }) {
  const id = useId();
  return (
    <div className="mb-4 flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 h-5 w-5 rounded border-slate-400 text-teal-800 focus:ring-2 focus:ring-teal-700"
      />
      <div>
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * One form for creating, proposing and editing a network. After a failed submission the typed
 * values come back in `state.values` (checkbox groups as "a, b"), so nothing typed is lost.
 */
export function NetworkForm({ mode, initial = EMPTY }: { mode: "create" | "propose" | "edit"; initial?: NetworkFormValues }) {
  const t = useTranslations("networkForm");
  const ts = useTranslations("networkSettings");
  const action = mode === "create" ? createNetworkAction : mode === "propose" ? proposeNetworkAction : saveNetwork;
  const [state, formAction] = useActionState(action, {} as FormState);
  const echoed = state.values;
  const publicFields = echoed ? (echoed.contactPublic ?? "").split(", ").filter(Boolean) : (initial.contact.public ?? []);
  const listed = echoed ? echoed.listed !== undefined : initial.listed;
  const titleId = useId();
  const contactId = useId();
  // Remount the checkboxes with the echoed state after a failed submission.
  const checkboxKey = echoed ? JSON.stringify([echoed.contactPublic, echoed.listed]) : "initial";

  return (
    <form action={formAction} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="mb-3 text-xl font-semibold">
        {mode === "edit" ? ts("editTitle") : t("basics")}
      </h2>
      {mode === "edit" ? <p className="mb-3 text-slate-700">{ts("editLead")}</p> : null}
      <FormMessage state={state} />
      {initial.id ? <input type="hidden" name="network" value={initial.id} /> : null}
      <TextField label={t("name")} name="name" required maxLength={120} defaultValue={initial.name} state={state} />
      <TextField label={t("focus")} name="focus" hint={t("focusHint")} maxLength={120} defaultValue={initial.focus} state={state} />
      <TextArea label={t("description")} name="description" rows={5} maxLength={4000} defaultValue={initial.description} state={state} />
      <TextField label={t("socialAreas")} name="socialAreas" hint={t("socialAreasHint")} defaultValue={initial.socialAreas.join(", ")} state={state} />
      <TextField label={t("hostName")} name="hostName" hint={t("hostNameHint")} maxLength={160} defaultValue={initial.hostName ?? ""} state={state} />
      <div key={`listed-${checkboxKey}`}>
        <Checkbox name="listed" value="true" label={t("listed")} hint={t("listedHint")} defaultChecked={listed} />
      </div>

      <fieldset className="mb-4 rounded-md border border-slate-300 p-4" aria-describedby={contactId}>
        <legend className="px-1 text-lg font-semibold">{t("contactTitle")}</legend>
        <p id={contactId} className="mb-3 text-sm text-slate-700">
          {t("contactLead")}
        </p>
        {contactFields.map((field) => (
          <div key={field} className="mb-2 border-b border-slate-200 pb-2 last:border-b-0">
            <TextField
              label={t(contactLabel[field])}
              name={contactLabel[field]}
              {...inputTypes[field]}
              defaultValue={initial.contact[field] ?? ""}
              state={state}
            />
            <div key={`public-${field}-${checkboxKey}`}>
              <Checkbox
                name="contactPublic"
                value={field}
                label={t("makePublic", { field: t(contactLabel[field]) })}
                defaultChecked={publicFields.includes(field)}
              />
            </div>
          </div>
        ))}
      </fieldset>

      {mode === "create" ? (
        <TextField label={t("coordinatorEmail")} name="coordinatorEmail" type="email" autoComplete="off" hint={t("coordinatorEmailHint")} state={state} />
      ) : null}
      <SubmitButton>{mode === "create" ? t("submitCreate") : mode === "propose" ? t("submitPropose") : ts("save")}</SubmitButton>
    </form>
  );
}
