import { audit } from "@/lib/admin/audit";
import { forgetCachedReads } from "@/db/cached-reads";
import { activateChatModel, findChatModel, previousActiveChatModel, registerChatModel, type ChatModelRow } from "@/db/queries/chat-models";
import { latestDoneRun, runResults } from "@/db/queries/eval-runs";
import { requireServerUrl } from "../ai/model-registration";
import { resolveActiveModel } from "../ai/registry";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { compareRuns, type Comparison } from "./eval/compare";
import { currentSpec } from "./spec-store";

export interface PromotionCheck {
  candidate: ChatModelRow;
  active: ChatModelRow;
  specVersion: number;
  /** Null until both models have a completed run on the current spec version. */
  comparison: Comparison | null;
  /** Why promotion is blocked; null when it may go ahead without an override. */
  blocked: string | null;
}

/** Candidate beside active, both measured on the spec in force: the gate and the admin page read the same. */
export async function checkPromotion(candidateId: string): Promise<PromotionCheck> {
  const candidate = await findChatModel(db(), candidateId);
  if (!candidate) throw new AppError("not_found", "This model is not in the registry.");
  const [active, { version }] = await Promise.all([resolveActiveModel(), currentSpec()]);
  const [candidateRun, activeRun] = await Promise.all([latestDoneRun(db(), candidate.id, version), latestDoneRun(db(), active.id, version)]);
  const missing = [candidateRun ? null : candidate.name, activeRun || active.id === candidate.id ? null : active.name].filter(Boolean);
  if (!candidateRun || (!activeRun && active.id !== candidate.id)) {
    return { candidate, active, specVersion: version, comparison: null, blocked: `Run the behaviour evaluation for ${missing.join(" and ")} on spec version ${version} first.` };
  }
  const comparison = compareRuns(await runResults(db(), candidateRun.id), activeRun ? await runResults(db(), activeRun.id) : []);
  const blocked = comparison.regressed.length
    ? `${candidate.name} regresses against ${active.name} on: ${comparison.regressed.join(", ")}. Promote it only with a written reason for the override.`
    : null;
  return { candidate, active, specVersion: version, comparison, blocked };
}

const MIN_REASON_CHARS = 10;

/** Makes the candidate the active model; an override of a blocked promotion needs a written reason, kept in the audit log. */
export async function promoteModel(admin: CurrentUser, candidateId: string, overrideReason?: string): Promise<ChatModelRow> {
  const check = await checkPromotion(candidateId);
  if (check.candidate.id === check.active.id) throw new AppError("conflict", `${check.candidate.name} is already the active model.`);
  // No override without evidence: an unevaluated model might not even answer.
  if (!check.comparison) throw new AppError("conflict", `Promotion blocked. ${check.blocked}`);
  const reason = overrideReason?.trim() ?? "";
  if (check.blocked && reason.length < MIN_REASON_CHARS) {
    throw new AppError("conflict", `Promotion blocked. ${check.blocked}${reason ? ` (The reason must be at least ${MIN_REASON_CHARS} characters.)` : ""}`);
  }
  await db().transaction(async (tx) => {
    await activateChatModel(tx, check.candidate.id);
    await audit(tx, admin, "model.promote", { type: "chat_model", id: check.candidate.id }, {
        model: check.candidate.name,
        previous: check.active.name,
        specVersion: check.specVersion,
        ...(check.blocked ? { override: true, overrideReason: reason, blocked: check.blocked, regressed: check.comparison?.regressed ?? [] } : { override: false }),
      });
  });
  forgetCachedReads(); // after the commit: an answer in between would have kept the old model
  return check.candidate;
}

/** One action: the previously active model becomes active again. */
export async function rollbackModel(admin: CurrentUser): Promise<ChatModelRow> {
  const restored = await db().transaction(async (tx) => {
    const [current, previous] = [await resolveActiveModel(tx), await previousActiveChatModel(tx)];
    if (!previous) throw new AppError("conflict", "There is no previously active model to roll back to.");
    await activateChatModel(tx, previous.id);
    await audit(tx, admin, "model.rollback", { type: "chat_model", id: previous.id }, { model: previous.name, previous: current.name });
    return previous;
  });
  forgetCachedReads();
  return restored;
}

export interface BaseModelInput {
  name: string;
  provider: "openai" | "openai-compatible";
  model: string;
  baseUrl?: string;
}

export async function registerBaseModel(admin: CurrentUser, input: BaseModelInput): Promise<ChatModelRow> {
  requireServerUrl(input.provider, input.baseUrl);
  return db().transaction(async (tx) => {
    const row = await registerChatModel(tx, { name: input.name, provider: input.provider, model: input.model, baseUrl: input.baseUrl || null, kind: "base" });
    if (!row) throw new AppError("conflict", `A model named "${input.name}" is already registered. Choose another name.`);
    await audit(tx, admin, "model.register", { type: "chat_model", id: row.id }, { name: row.name, provider: row.provider, model: row.model, baseUrl: row.baseUrl });
    return row;
  });
}
