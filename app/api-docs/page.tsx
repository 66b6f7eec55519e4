// A readable page of the API, rendered on the server from the same OpenAPI document as
// /api/openapi.json (no remote scripts or styles). The page's own words follow the interface's
// language; the reference itself (the OpenAPI document's text) is English, marked lang="en".
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { openApiDocument, type Operation } from "@/lib/api-docs/openapi";
import { ExportMenu } from "@/components/export-menu";
import { propertiesOf, refName, typeText } from "./schema-text";
import "./api-docs.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;
/** The page's words inside the English reference carry the interface's language. */
type Chrome = { t: Translate; lang: string };

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;

function SchemaRef({ schema }: { schema: unknown }) {
  const name = refName((schema as { $ref?: unknown } | undefined)?.$ref);
  return name ? <a href={`#schema-${name}`}>{name}</a> : <code>{typeText(schema)}</code>;
}

function OperationSection({ method, path, op, chrome: { t, lang } }: { method: string; path: string; op: Operation; chrome: Chrome }) {
  return (
    <section className="api-operation" aria-labelledby={anchor(method, path)}>
      <h3 id={anchor(method, path)}>
        <span className={`api-method api-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p>
        <strong>{op.summary}.</strong> {op.description}
      </p>
      {op.security ? (
        <p className="meta" lang={lang}>
          {t("needsEditor")}
        </p>
      ) : null}
      {op.parameters?.length ? (
        <table className="figures api-table">
          <caption lang={lang}>{t("parameters")}</caption>
          <thead lang={lang}>
            <tr>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col">{t("columns.in")}</th>
              <th scope="col">{t("columns.type")}</th>
              <th scope="col">{t("columns.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={p.name}>
                <td>
                  <code>{p.name}</code>
                  {p.required ? (
                    <>
                      {" "}
                      <span lang={lang}>{t("required")}</span>
                    </>
                  ) : null}
                </td>
                <td>{p.in}</td>
                <td>{typeText(p.schema)}</td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {op.requestBody ? (
        <p>
          <span lang={lang}>{t("requestBody", { types: Object.keys(op.requestBody.content).join(" or ") })}</span>{" "}
          {op.requestBody.description}
        </p>
      ) : null}
      <dl className="api-responses">
        {Object.entries(op.responses).map(([status, response]) => (
          <Fragment key={status}>
            <dt>{status}</dt>
            <dd>
              {response.description}
              {Object.entries(response.content ?? {}).map(([type, content]) => (
                <span key={type}>
                  {" "}
                  <code>{type}</code>: <SchemaRef schema={content.schema} />
                </span>
              ))}
              {Object.values(response.content ?? {}).map((content, i) =>
                content["x-csv-columns"] ? (
                  <table key={i} className="figures api-table">
                    <caption lang={lang}>{t("csvColumns")}</caption>
                    <tbody>
                      {content["x-csv-columns"].map((c) => (
                        <tr key={c.name}>
                          <th scope="row">
                            <code>{c.name}</code>
                          </th>
                          <td>{c.description}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null,
              )}
              {response.headers ? (
                <ul className="api-headers">
                  {Object.entries(response.headers).map(([name, header]) => (
                    <li key={name}>
                      <code>{name}</code>: {header.description}
                    </li>
                  ))}
                </ul>
              ) : null}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

export default async function ApiDocsPage() {
  const [t, lang] = await Promise.all([getTranslations("apiDocs"), getLocale()]);
  const chrome: Chrome = { t, lang };
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })),
  );
  const tags = [...new Set(operations.flatMap((o) => o.op.tags))];
  return (
    <main className="api-docs">
      <h1 lang="en">{doc.info.title}</h1>
      <p className="lede">
        {t("version", { version: doc.info.version })} <span lang="en">{doc.info.description}</span>
      </p>
      <p>
        {t.rich("machineReadable", {
          openapi: (chunks) => <a href="/api/openapi.json">{chunks}</a>,
          tokens: (chunks) => <a href="/settings/tokens">{chunks}</a>,
        })}
      </p>
      <section aria-labelledby="download-heading">
        <h2 id="download-heading">{t("download")}</h2>
        <ExportMenu search="" />
      </section>
      {lang !== "en" ? <p className="meta">{t("englishOnly")}</p> : null}
      <div lang="en" className="api-reference">
        <nav aria-label={t("endpoints")} className="api-toc">
          {tags.map((tag) => (
            <div key={tag}>
              <h2>{tag}</h2>
              <ul>
                {operations
                  .filter((o) => o.op.tags.includes(tag))
                  .map((o) => (
                    <li key={`${o.method} ${o.path}`}>
                      <a href={`#${anchor(o.method, o.path)}`}>
                        {o.method.toUpperCase()} {o.path}
                      </a>{" "}
                      — {o.op.summary}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>
        {tags.map((tag) => (
          <section key={tag} aria-label={tag}>
            {operations
              .filter((o) => o.op.tags[0] === tag)
              .map((o) => (
                <OperationSection key={`${o.method} ${o.path}`} method={o.method} path={o.path} op={o.op} chrome={chrome} />
              ))}
          </section>
        ))}
        <section aria-labelledby="schemas-heading">
          <h2 id="schemas-heading" lang={lang}>
            {t("schemas")}
          </h2>
          {Object.entries(doc.components.schemas).map(([name, schema]) => (
            <section key={name} className="api-schema" aria-labelledby={`schema-${name}`}>
              <h3 id={`schema-${name}`}>{name}</h3>
              {typeof schema.description === "string" ? <p>{schema.description}</p> : null}
              <table className="figures api-table">
                <thead lang={lang}>
                  <tr>
                    <th scope="col">{t("columns.field")}</th>
                    <th scope="col">{t("columns.type")}</th>
                    <th scope="col">{t("columns.meaning")}</th>
                  </tr>
                </thead>
                <tbody>
                  {propertiesOf(schema).map((p) => (
                    <tr key={p.name}>
                      <td>
                        <code>{p.name}</code>
                        {p.required ? null : (
                          <>
                            {" "}
                            <span lang={lang}>{t("optional")}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <SchemaRef schema={p.schema} />
                      </td>
                      <td>{typeof p.schema.description === "string" ? p.schema.description : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </section>
      </div>
    </main>
  );
}
