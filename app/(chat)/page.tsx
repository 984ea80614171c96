import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { SampleOffer } from "@/components/admin/sample-offer";
import { Chat } from "@/components/chat/chat";
import { currentUser } from "@/lib/auth/session";
import { starterQuestions } from "@/lib/chat/starters";
import { hasDocuments } from "@/lib/setup";
import { env } from "@/lib/env";
import { loadSamplesAction } from "../admin/actions";

export default async function NewChatPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const id = randomUUID();
  const [offerSamples, starters] = await Promise.all([user.role === "admin" ? hasDocuments().then((has) => !has) : false, starterQuestions(user)]);
  return (
    <div className="flex h-full flex-col">
      {offerSamples && <SampleOffer action={loadSamplesAction} />}
      <div className="min-h-0 flex-1">
        <Chat key={id} id={id} initialMessages={[]} starters={starters} maxQuestionChars={env().QUESTION_MAX_CHARS} />
      </div>
    </div>
  );
}
