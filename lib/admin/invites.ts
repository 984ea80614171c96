import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { findGroupsByIds, setUserGroups } from "@/db/queries/group-admin";
import { consumeInvite, findOpenInvite, insertInvite } from "@/db/queries/invites";
import { findUserByEmail } from "@/db/queries/users";
import { insertUser } from "@/db/queries/user-admin";
import { hashPassword } from "../auth/password";
import { registrationSchema } from "../auth/register";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { audit } from "./audit";
import { existingGroupIds, roleSchema } from "./users";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const inviteSchema = z.object({
  email: registrationSchema.shape.email,
  role: roleSchema,
  groupIds: z.array(z.uuid()).max(200).default([]),
});

const acceptSchema = registrationSchema.pick({ name: true, password: true });

const expired = () => new AppError("not_found", "This invitation link is not valid: it was used already or has expired. Ask an administrator for a new one.");

/** Creates a single-use invitation; returns the secret token, which exists only in the link. */
export async function inviteUser(admin: CurrentUser, input: unknown): Promise<{ token: string; expiresAt: Date }> {
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Check the form and try again.");
  const { email, role, groupIds } = parsed.data;
  if (await findUserByEmail(db(), email)) throw new AppError("conflict", `An account for ${email} already exists.`);
  const groups = await existingGroupIds(groupIds);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + env().INVITE_TTL_HOURS * 3600_000);
  await db().transaction(async (tx) => {
    const invite = await insertInvite(tx, { tokenHash: hashToken(token), email, role, groupIds: groups, createdBy: admin.id, expiresAt });
    await audit(tx, admin, "user.invite", { type: "invite", id: invite.id }, { email, role, groupIds: groups, expiresAt: expiresAt.toISOString() });
  });
  return { token, expiresAt };
}

/** The invitation behind a link, if it can still be accepted. */
export async function openInvite(token: string) {
  const invite = await findOpenInvite(db(), hashToken(token));
  return invite ? { email: invite.email, role: invite.role, expiresAt: invite.expiresAt } : null;
}

/** The invitee chooses a name and password; the link works once. */
export async function acceptInvite(token: string, input: unknown) {
  const parsed = acceptSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Check the form and try again.");
  const invite = await findOpenInvite(db(), hashToken(token));
  if (!invite) throw expired();
  const passwordHash = await hashPassword(parsed.data.password);
  return db().transaction(async (tx) => {
    if (!(await consumeInvite(tx, invite.id))) throw expired();
    const user = await insertUser(tx, { email: invite.email, name: parsed.data.name, passwordHash, role: invite.role });
    if (!user) throw new AppError("conflict", `An account for ${invite.email} already exists. Sign in instead.`);
    // Groups deleted since the invitation was sent are simply skipped.
    const groups = await findGroupsByIds(tx, invite.groupIds);
    await setUserGroups(tx, user.id, groups.map((g) => g.id));
    await audit(tx, { id: user.id, email: user.email }, "user.invite_accept", { type: "user", id: user.id }, { inviteId: invite.id, role: invite.role });
    return user;
  });
}
