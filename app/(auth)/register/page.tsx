import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { currentUser } from "@/lib/auth/session";
import { isFreshInstall } from "@/lib/setup";
import { registerAction } from "../actions";

export default async function RegisterPage() {
  if (await currentUser()) redirect("/");
  return <AuthForm mode="register" action={registerAction} firstUser={await isFreshInstall()} />;
}
