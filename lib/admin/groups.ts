import { z } from "zod";
import { addMember, deleteGroup, findGroup, insertGroup, removeMember, renameGroup } from "@/db/queries/group-admin";
import { findUserByEmail, findUserById } from "@/db/queries/users";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { audit } from "./audit";

export const groupNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a group name.")
  .max(100, "Use at most 100 characters for a group name.");

function name(input: unknown): string {
  const parsed = groupNameSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]!.message);
  return parsed.data;
}

const noSuchGroup = () => new AppError("not_found", "This group does not exist.");

export async function createGroup(admin: CurrentUser, rawName: unknown) {
  const groupName = name(rawName);
  return db().transaction(async (tx) => {
    const group = await insertGroup(tx, groupName);
    if (!group) throw new AppError("conflict", `A group named "${groupName}" already exists.`);
    await audit(tx, admin, "group.create", { type: "group", id: group.id }, { name: groupName });
    return group;
  });
}

export async function renameGroupAsAdmin(admin: CurrentUser, groupId: string, rawName: unknown) {
  const groupName = name(rawName);
  await db().transaction(async (tx) => {
    const group = await findGroup(tx, groupId);
    if (!group) throw noSuchGroup();
    if (group.name === groupName) return;
    if (!(await renameGroup(tx, groupId, groupName))) throw new AppError("conflict", `A group named "${groupName}" already exists.`);
    await audit(tx, admin, "group.rename", { type: "group", id: groupId }, { from: group.name, to: groupName });
  });
}

/** Documents readable only by this group become readable by administrators only, never by everyone. */
export async function deleteGroupAsAdmin(admin: CurrentUser, groupId: string) {
  await db().transaction(async (tx) => {
    const group = await findGroup(tx, groupId);
    if (!group || !(await deleteGroup(tx, groupId))) throw noSuchGroup();
    await audit(tx, admin, "group.delete", { type: "group", id: groupId }, { name: group.name });
  });
}

/** Adds a member by email address (what an admin knows) or id. */
export async function addGroupMember(admin: CurrentUser, groupId: string, who: { email: string } | { userId: string }) {
  await db().transaction(async (tx) => {
    if (!(await findGroup(tx, groupId))) throw noSuchGroup();
    const user = "email" in who ? await findUserByEmail(tx, who.email.trim().toLowerCase()) : await findUserById(tx, who.userId);
    if (!user) throw new AppError("not_found", "There is no account with this email. Create or invite the user first.");
    if (await addMember(tx, groupId, user.id)) {
      await audit(tx, admin, "group.member_add", { type: "group", id: groupId }, { userId: user.id, email: user.email });
    }
  });
}

export async function removeGroupMember(admin: CurrentUser, groupId: string, userId: string) {
  await db().transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (await removeMember(tx, groupId, userId)) {
      await audit(tx, admin, "group.member_remove", { type: "group", id: groupId }, { userId, email: user?.email });
    }
  });
}
