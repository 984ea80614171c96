"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/components/admin/action-form";
import { addGroupMember, createGroup, deleteGroupAsAdmin, removeGroupMember, renameGroupAsAdmin } from "@/lib/admin/groups";
import { AppError } from "@/lib/errors";
import { adminAction } from "../admin-action";

function uuid(raw: unknown, what: string): string {
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", `This ${what} does not exist.`);
  return parsed.data;
}

export async function createGroupAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const group = await createGroup(admin, form.get("name"));
    return `Created group "${group.name}".`;
  });
}

export async function renameGroupAction(groupId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    await renameGroupAsAdmin(admin, uuid(groupId, "group"), form.get("name"));
    return "Renamed.";
  });
}

export async function deleteGroupAction(groupId: string, _?: ActionState): Promise<ActionState> {
  const state = await adminAction(async (admin) => {
    await deleteGroupAsAdmin(admin, uuid(groupId, "group"));
    return "Deleted.";
  });
  if (state.error) return state;
  redirect("/admin/groups");
}

export async function addMemberAction(groupId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    await addGroupMember(admin, uuid(groupId, "group"), { email: String(form.get("email") ?? "") });
    return "Member added. Their next question can use this group's documents.";
  });
}

export async function removeMemberAction(groupId: string, userId: string, _?: ActionState): Promise<ActionState> {
  return adminAction(async (admin) => {
    await removeGroupMember(admin, uuid(groupId, "group"), uuid(userId, "user"));
    return "Removed. Their next request no longer sees this group's documents.";
  });
}
