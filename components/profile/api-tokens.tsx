"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { createToken, revokeToken, type TokenFormState } from "@/app/(app)/profile/token-actions";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

type Token = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const t = useTranslations("apiTokens");
  const format = useFormatter();
  const [state, action] = useActionState(createToken, {} as TokenFormState);
  return (
    <div>
      <h2 id="api-tokens-title" className="mb-2 text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-slate-700">
        {t("lead")}{" "}
        <a className="text-teal-800 underline" href="/api-docs">
          {t("docs")}
        </a>
      </p>
      {state.token ? (
        <div role="status" className="mb-4 rounded-md border border-teal-800 bg-teal-50 p-3">
          <p className="font-semibold">{t("created", { name: state.name ?? "" })}</p>
          <p className="mt-1 text-sm">{t("copyNow")}</p>
          <code className="mt-2 block break-all rounded bg-white p-2 text-sm" aria-label={t("tokenValue")}>
            {state.token}
          </code>
        </div>
      ) : null}
      <form action={action} noValidate>
        <FormMessage state={state} />
        <TextField label={t("name")} name="name" hint={t("nameHint")} required state={state.token ? undefined : state} key={state.token ?? "form"} />
        <SubmitButton variant="secondary">{t("create")}</SubmitButton>
      </form>
      {tokens.length ? (
        <ul className="mt-4 divide-y divide-slate-200" aria-labelledby="api-tokens-title">
          {tokens.map((token) => (
            <li key={token.id} className="flex items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium">{token.name}</p>
                <p className="text-sm text-slate-600">
                  {t("createdAt", { date: format.dateTime(token.createdAt, { dateStyle: "medium" }) })} ·{" "}
                  {token.lastUsedAt ? t("lastUsed", { date: format.dateTime(token.lastUsedAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("neverUsed")}
                </p>
              </div>
              <RevokeButton id={token.id} name={token.name} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-slate-600">{t("none")}</p>
      )}
    </div>
  );
}

function RevokeButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [state, action] = useActionState(revokeToken, {} as FormState);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={id} />
      <button type="submit" aria-label={t("revokeNamed", { name })} className="rounded border border-red-800 px-3 py-1 text-sm text-red-900 hover:bg-red-50">
        {t("revoke")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
