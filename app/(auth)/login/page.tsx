import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { currentUser } from "@/lib/auth/session";
import { loginAction } from "../actions";

export default async function LoginPage() {
  if (await currentUser()) redirect("/");
  return <AuthForm mode="login" action={loginAction} />;
}
