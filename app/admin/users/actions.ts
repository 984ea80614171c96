"use server";

import { z } from "zod";
import type { ActionState } from "@/components/admin/action-form";
import { inviteUser } from "@/lib/admin/invites";
import { createUserAsAdmin, setGroupsOfUser, setUserActive, setUserRole } from "@/lib/admin/users";
import { endSessions } from "@/lib/auth/end-sessions";
import { AppError } from "@/lib/errors";
import { adminAction } from "../admin-action";

function userId(raw: unknown): string {
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "This user does not exist.");
  return parsed.data;
}

export async function createUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const user = await createUserAsAdmin(admin, {
      name: form.get("name"),
      email: form.get("email"),
      password: form.get("password"),
      role: form.get("role"),
      groupIds: form.getAll("groupId"),
    });
    return `Created ${user.email}. Give them their initial password.`;
  });
}

export async function inviteUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const { token, expiresAt } = await inviteUser(admin, { email: form.get("email"), role: form.get("role"), groupIds: form.getAll("groupId") });
    return { message: `Invitation created. Send this link; it works once, until ${expiresAt.toUTCString()}.`, link: `/invite/${token}` };
  });
}

export async function setActiveAction(id: string, active: boolean, _?: ActionState): Promise<ActionState> {
  return adminAction(async (admin) => {
    await setUserActive(admin, userId(id), active);
    return active ? "Reactivated." : "Deactivated: every session of theirs has ended.";
  });
}

export async function signOutEverywhereAction(id: string, _?: ActionState): Promise<ActionState> {
  return adminAction(async (admin) => {
    await endSessions(userId(id), admin, "sign_out_everywhere");
    return "Signed out everywhere: their next request asks them to sign in.";
  });
}

export async function setRoleAction(id: string, _: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    await setUserRole(admin, userId(id), form.get("role"));
    return "Role saved.";
  });
}

export async function setUserGroupsAction(id: string, _: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    await setGroupsOfUser(admin, userId(id), form.getAll("groupId"));
    return "Groups saved. They apply from the next question on.";
  });
}
