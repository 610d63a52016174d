import { useTranslations } from "next-intl";
import type { NetworkContact } from "@/db/schema";

/** Only ever given the public contact (publicContact in lib/networks/queries.ts). */
export function ContactList({ contact }: { contact: Omit<NetworkContact, "public"> }) {
  const t = useTranslations("directory.contactFields");
  const entries = (["organisation", "person", "email", "phone", "website"] as const).filter((k) => contact[k]);
  if (!entries.length) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {entries.map((key) => {
        const value = contact[key] ?? "";
        return (
          <div key={key} className="contents">
            <dt className="font-medium text-slate-700">{t(key)}</dt>
            <dd className="break-words">
              {key === "email" ? (
                <a className="text-teal-800 underline" href={`mailto:${value}`}>
                  {value}
                </a>
              ) : key === "phone" ? (
                <a className="text-teal-800 underline" href={`tel:${value.replace(/[^0-9+]/g, "")}`}>
                  {value}
                </a>
              ) : key === "website" ? (
                <a className="text-teal-800 underline" href={value} rel="noopener noreferrer">
                  {value}
                </a>
              ) : (
                value
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
