import { useTranslations } from "next-intl";
import type { SectorMix } from "@/lib/networks/queries";

/** One line of text: "Stiftung: 1 · Schule / Bildung: 2" (the directory's compact form). */
export function SectorSummary({ sectors }: { sectors: SectorMix }) {
  const t = useTranslations("directory");
  const ts = useTranslations("sectors");
  if (!sectors.length) return <span>{t("noMembers")}</span>;
  return (
    <ul className="inline">
      {sectors.map((s, i) => (
        <li key={s.sector} className="inline">
          {i > 0 ? <span aria-hidden="true"> · </span> : null}
          {t("sectorCount", { sector: s.sector === "unspecified" ? t("sectorNames.unspecified") : ts(s.sector), count: s.count })}
        </li>
      ))}
    </ul>
  );
}

/**
 * The transsectoral mix as a bar chart that is a real table: every bar has its sector's name and
 * its number as text next to it, so neither the colour nor the length carries meaning alone.
 */
export function SectorMixChart({ sectors, total, captionId }: { sectors: SectorMix; total: number; captionId?: string }) {
  const t = useTranslations("network");
  const td = useTranslations("directory");
  const ts = useTranslations("sectors");
  if (!total) return <p>{t("noMembers")}</p>;
  const max = Math.max(...sectors.map((s) => s.count));
  return (
    <table className="w-full border-collapse text-left" aria-labelledby={captionId}>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="w-1/3 p-2">{t("sectorColumn")}</th>
          <th scope="col" className="w-20 p-2 text-right">{t("countColumn")}</th>
          <th scope="col" className="p-2">{t("shareColumn")}</th>
        </tr>
      </thead>
      <tbody>
        {sectors.map((s) => {
          const share = Math.round((s.count / total) * 100);
          return (
            <tr key={s.sector} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-medium">
                {s.sector === "unspecified" ? td("sectorNames.unspecified") : ts(s.sector)}
              </th>
              <td className="p-2 text-right tabular-nums">{s.count}</td>
              <td className="p-2">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="block h-4 rounded-sm bg-teal-700" style={{ width: `${Math.max(4, (s.count / max) * 100) * 0.8}%` }} />
                  <span className="tabular-nums text-sm text-slate-700">{share} %</span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
