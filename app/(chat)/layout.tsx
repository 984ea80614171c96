import { redirect } from "next/navigation";
import { listConversations } from "@/db/queries/conversations";
import { Sidebar } from "@/components/chat/sidebar";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { logoutAction } from "../(auth)/actions";
import { deleteConversationAction, renameConversationAction, searchConversationsAction } from "./actions";

const conversationActions = { rename: renameConversationAction, remove: deleteConversationAction, search: searchConversationsAction };

export default async function ChatLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const conversations = await listConversations(db(), user.id);
  return (
    <div className="relative flex h-dvh flex-col md:flex-row">
      <Sidebar user={user} conversations={conversations} signOut={logoutAction} actions={conversationActions} />
      <main className="min-h-0 min-w-0 flex-1">{children}</main>
    </div>
  );
}
