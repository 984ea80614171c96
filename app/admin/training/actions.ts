"use server";

import { z } from "zod";
import { addThumbsUpExamples, correctAnswer, generateExamples, normalizeTags, setExampleFlags, writeExample } from "@/lib/behaviour/examples";
import { AppError } from "@/lib/errors";
import { adminAction, field, type ActionState } from "../admin-action";

const tagsOf = (form: FormData) => normalizeTags(field(form, "tags").split(","));
const plural = (n: number) => `${n} example${n === 1 ? "" : "s"}`;

export async function addThumbsUpAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const messageId = field(form, "messageId") || undefined;
    const added = await addThumbsUpExamples(admin, messageId);
    return added.length ? `Added ${plural(added.length)} from thumbs-up answers.` : "No new thumbs-up answers to add.";
  });
}

export async function generateAction(): Promise<ActionState> {
  return adminAction(async (admin) => {
    const added = await generateExamples(admin);
    return added.length ? `Generated ${plural(added.length)} from the behaviour spec.` : "Nothing new: these examples exist already for this spec version.";
  });
}

export async function correctAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const example = await correctAnswer(admin, field(form, "messageId"), field(form, "answer"), tagsOf(form));
    return example.leaks.length ? "Correction saved, but flagged: it states facts its sources do not contain." : "Correction saved as a training example.";
  });
}

/** Pasted sources: blocks separated by a line of three dashes; a first line "Title: ..." names the block. */
function pastedSources(text: string) {
  return text
    .split(/^\s*---\s*$/m)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const title = block.match(/^title:\s*(.+)$/im);
      return { title: title?.[1]?.trim() ?? "", text: title ? block.replace(title[0], "").trim() : block };
    });
}

export async function writeAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const chunkIds = [...new Set([...form.getAll("chunkId").map(String), ...field(form, "chunkIds").split(/[\s,]+/).filter(Boolean)])];
    if (!chunkIds.every((id) => z.uuid().safeParse(id).success)) throw new AppError("bad_request", "Chunk ids are UUIDs, separated by commas.");
    const example = await writeExample(admin, { question: field(form, "question"), pasted: pastedSources(field(form, "sources")), chunkIds, idealAnswer: field(form, "answer"), tags: tagsOf(form) });
    return example.leaks.length ? "Example saved, but flagged: its answer states facts its sources do not contain." : "Example saved.";
  });
}

export async function flagAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const id = z.uuid().safeParse(field(form, "id"));
    if (!id.success) throw new AppError("not_found", "This example does not exist.");
    const flag = field(form, "flag");
    await setExampleFlags(admin, id.data, flag === "accept" ? { leakAccepted: true } : { archived: true });
    return flag === "accept" ? "Accepted: the example may go into datasets." : "Archived.";
  });
}
