import { redirect } from "next/navigation";
import { listConversations } from "@/db/queries/conversations";
import { Sidebar } from "@/components/chat/sidebar";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { logoutAction } from "../(auth)/actions";

export default async function ChatLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const conversations = await listConversations(db(), user.id);
  return (
    <div className="flex h-screen">
      <Sidebar user={user} conversations={conversations} signOut={logoutAction} />
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
