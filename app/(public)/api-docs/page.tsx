import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { apiEndpoints } from "@/lib/api/catalogue";

export async function generateMetadata() {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

function describe(schema: z.ZodType): string {
  return JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2);
}

/** The readable reference, generated from the same catalogue as /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const tags = [...new Set(apiEndpoints.map((e) => e.tag))];
  return (
    <div className="max-w-4xl">
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2">{t("lead")}</p>
      <p className="mb-6">
        <a className="text-teal-800 underline" href="/api/v1/openapi.json">
          {t("openapi")}
        </a>
      </p>
      <h2 className="mb-2 text-2xl font-semibold">{t("errorsTitle")}</h2>
      <p className="mb-8">{t("errorsLead")}</p>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="mb-10">
          <h2 id={`tag-${tag}`} className="mb-4 text-2xl font-semibold">
            {tag}
          </h2>
          {apiEndpoints
            .filter((e) => e.tag === tag)
            .map((e) => (
              <article key={`${e.method} ${e.path}`} className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-mono text-lg">
                  <span className="font-bold">{e.method.toUpperCase()}</span> /api/v1{e.path}
                </h3>
                <p className="mt-1">{e.summary}</p>
                <p className="text-sm text-slate-600">{t(`auth.${e.auth}`)}</p>
                {e.description ? <p className="mt-2">{e.description}</p> : null}
                {e.query ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer">{t("query")}</summary>
                    <pre className="overflow-x-auto text-xs">{describe(e.query)}</pre>
                  </details>
                ) : null}
                {e.body ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer">{t("body")}</summary>
                    <pre className="overflow-x-auto text-xs">{describe(e.body)}</pre>
                  </details>
                ) : null}
                <p className="mt-2 text-sm">
                  {t("success")}: {e.success.status} – {e.success.description}
                </p>
                {e.errors?.length ? (
                  <p className="text-sm">
                    {t("errors")}: {e.errors.join(", ")}
                  </p>
                ) : null}
              </article>
            ))}
        </section>
      ))}
    </div>
  );
}
