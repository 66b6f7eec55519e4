"use server";
// Sources and documents as server actions, so their forms also work when posted before the page
// has hydrated (the hydrated forms send the same values to /api/sources and /api/documents).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { editorFormAction } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { blankToNull, formValues } from "@/lib/forms/form-values";
import { createDocument, createSource } from "@/lib/sources/source-commands";

export const createSourceFormAction = editorFormAction(async (user, form) => {
  const v = formValues(form);
  const source = await createSource(db, { ...v, isParty: v.isParty === "on" } as never, user.id);
  revalidatePath("/sources");
  const t = await getTranslations("sources.forms");
  return { done: t("addedSource", { name: source.name }) };
});

export const createDocumentFormAction = editorFormAction(async (user, form) => {
  const v = formValues(form, ["relaysSourceIds"]);
  const document = await createDocument(
    db,
    { ...v, publishedOn: blankToNull(v.publishedOn), accessedOn: blankToNull(v.accessedOn) } as never,
    user.id,
  );
  revalidatePath("/sources");
  const t = await getTranslations("sources.forms");
  return { done: t("addedDocument", { title: document.title }) };
});
