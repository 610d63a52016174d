"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { changeRole, toggleDisabled } from "@/app/(app)/admin/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";
import { platformRoles, type PlatformRole } from "@/db/schema";

export function RoleForm({ user }: { user: { id: string; name: string; role: PlatformRole } }) {
  const t = useTranslations("admin");
  const tr = useTranslations("roles");
  const id = useId();
  const [state, action] = useActionState(changeRole, {} as FormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="name" value={user.name} />
      <label htmlFor={id} className="sr-only">
        {t("changeRoleFor", { name: user.name })}
      </label>
      <select id={id} name="role" defaultValue={user.role} className="rounded border border-slate-400 px-2 py-1">
        {platformRoles.map((r) => (
          <option key={r} value={r}>
            {tr(r)}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary">{t("saveRole")}</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function DisableForm({ user }: { user: { id: string; name: string; disabled: boolean } }) {
  const t = useTranslations("admin");
  const [state, action] = useActionState(toggleDisabled, {} as FormState);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="name" value={user.name} />
      <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
      <button
        type="submit"
        aria-label={user.disabled ? t("enableUser", { name: user.name }) : t("disableUser", { name: user.name })}
        className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
      >
        {user.disabled ? t("enable") : t("disable")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
