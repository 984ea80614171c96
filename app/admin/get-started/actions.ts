"use server";

import { testConnection } from "@/lib/ai/connection-test";
import { readModelEndpoint } from "@/lib/ai/model-registration";
import { adminAction, type ActionState } from "../admin-action";

/** One short request to the model the admin describes; nothing is stored. */
export async function testConnectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async () => {
    const result = await testConnection(readModelEndpoint(form));
    return result.ok ? { message: `Connected in ${result.ms} ms. The model replied: “${result.reply}”` } : { error: `Not connected. ${result.error}` };
  });
}
