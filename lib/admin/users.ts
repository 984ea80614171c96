import { z } from "zod";
import { findGroupsByIds, setUserGroups } from "@/db/queries/group-admin";
import { findUserById } from "@/db/queries/users";
import { countActiveAdmins, insertUser, lockAdminSet, updateUser, type Role } from "@/db/queries/user-admin";
import { endSessionsOf } from "@/db/queries/sessions";
import { hashPassword } from "../auth/password";
import { registrationSchema } from "../auth/register";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { audit } from "./audit";

export const roleSchema = z.enum(["admin", "employee"], { error: "Choose the role admin or employee." });
const groupIdsSchema = z.array(z.uuid({ error: "Choose groups from the list." })).max(200);

const newUserSchema = registrationSchema.extend({ role: roleSchema, groupIds: groupIdsSchema.default([]) });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Check the form and try again.");
  return parsed.data;
}

const noSuchUser = () => new AppError("not_found", "This user does not exist.");

/** Group ids that all exist; anything else is the admin's mistake, reported as such. */
export async function existingGroupIds(ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await findGroupsByIds(db(), unique);
  if (found.length !== unique.length) throw new AppError("bad_request", "One of the chosen groups no longer exists. Reload the page and try again.");
  return unique;
}

/** An admin creates an account with an initial password (to hand over out of band). */
export async function createUserAsAdmin(admin: CurrentUser, input: unknown) {
  const { name, email, password, role, groupIds } = parse(newUserSchema, input);
  const groups = await existingGroupIds(groupIds);
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    const user = await insertUser(tx, { name, email, passwordHash, role });
    if (!user) throw new AppError("conflict", `An account for ${email} already exists.`);
    await setUserGroups(tx, user.id, groups);
    await audit(tx, admin, "user.create", { type: "user", id: user.id }, { email, role, groupIds: groups });
    return user;
  });
}

/**
 * Deactivation ends every session of the user (their next request is refused).
 * Nobody can deactivate themselves, nor the last active administrator.
 */
export async function setUserActive(admin: CurrentUser, userId: string, active: boolean) {
  if (!active && userId === admin.id) throw new AppError("bad_request", "You cannot deactivate your own account.");
  await db().transaction(async (tx) => {
    await lockAdminSet(tx);
    const user = await findUserById(tx, userId);
    if (!user) throw noSuchUser();
    if (user.active === active) return;
    if (!active && user.role === "admin" && (await countActiveAdmins(tx)) <= 1) {
      throw new AppError("bad_request", "This is the last active administrator. Make someone else an administrator first.");
    }
    await updateUser(tx, userId, { active });
    // Reactivation must not revive the sessions that were open before.
    if (!active) await endSessionsOf(tx, userId);
    await audit(tx, admin, active ? "user.reactivate" : "user.deactivate", { type: "user", id: userId }, { email: user.email });
  });
}

export async function setUserRole(admin: CurrentUser, userId: string, rawRole: unknown) {
  const role: Role = parse(roleSchema, rawRole);
  await db().transaction(async (tx) => {
    await lockAdminSet(tx);
    const user = await findUserById(tx, userId);
    if (!user) throw noSuchUser();
    if (user.role === role) return;
    if (role !== "admin" && user.active && (await countActiveAdmins(tx)) <= 1) {
      throw new AppError("bad_request", "This is the last active administrator. Make someone else an administrator first.");
    }
    await updateUser(tx, userId, { role });
    await audit(tx, admin, "user.role_change", { type: "user", id: userId }, { email: user.email, from: user.role, to: role });
  });
}

/** Makes the user's groups exactly these; each membership added or removed is its own audit entry. */
export async function setGroupsOfUser(admin: CurrentUser, userId: string, rawGroupIds: unknown) {
  const groups = await existingGroupIds(parse(groupIdsSchema, rawGroupIds));
  await db().transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw noSuchUser();
    const { added, removed } = await setUserGroups(tx, userId, groups);
    for (const groupId of added) await audit(tx, admin, "group.member_add", { type: "group", id: groupId }, { userId, email: user.email });
    for (const groupId of removed) await audit(tx, admin, "group.member_remove", { type: "group", id: groupId }, { userId, email: user.email });
  });
}
