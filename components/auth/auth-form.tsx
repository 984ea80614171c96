"use client";

import Link from "next/link";
import { useActionState } from "react";

interface Props {
  mode: "login" | "register";
  action: (state: { error?: string; email?: string }, form: FormData) => Promise<{ error?: string; email?: string }>;
  /** Why registration is closed, shown instead of the form (the action refuses it too). */
  closed?: string;
  /** Who may register, when it is limited (e.g. to some e-mail domains). */
  hint?: string;
  /** A message carried over from a redirect (e.g. a refused single sign-on). */
  notice?: string;
  /** Good news carried over from a redirect (e.g. after registering). */
  info?: string;
  /** "Sign in with <name>" beside the password form, when single sign-on is configured. */
  sso?: { name: string; action: () => Promise<void> };
}

const input = "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900";

export function AuthForm({ mode, action, closed, hint, notice, info, sso }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const registering = mode === "register";
  if (registering && closed) {
    return (
      <div className="mx-auto mt-24 flex w-full max-w-sm flex-col gap-4 px-4">
        <h1 className="text-2xl font-semibold">Create your account</h1>
        <p role="alert" className="text-sm">{closed}</p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Already have an account? <Link className="underline" href="/login">Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="mx-auto mt-24 flex w-full max-w-sm flex-col gap-4 px-4">
      <h1 className="text-2xl font-semibold">{registering ? "Create your account" : "Sign in to Groundwork"}</h1>
      {((registering && hint) || info) && (
        <p role="status" className="rounded-md bg-blue-50 p-3 text-sm text-blue-900 dark:bg-blue-950 dark:text-blue-100">
          {registering ? hint : info}
        </p>
      )}
      {registering && (
        <label className="flex flex-col gap-1 text-sm">
          Name
          <input name="name" required autoComplete="name" className={input} />
        </label>
      )}
      <label className="flex flex-col gap-1 text-sm">
        Email
        <input name="email" type="email" required autoComplete="email" defaultValue={state.email} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password
        <input
          name="password"
          type="password"
          required
          minLength={registering ? 8 : undefined}
          autoComplete={registering ? "new-password" : "current-password"}
          className={input}
        />
      </label>
      {(state.error ?? notice) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error ?? notice}
        </p>
      )}
      <button disabled={pending} className="rounded-md bg-zinc-900 px-4 py-2 font-medium text-white disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900">
        {registering ? "Create account" : "Sign in"}
      </button>
      {sso && !registering && (
        <button
          type="submit"
          formAction={sso.action}
          formNoValidate
          className="rounded-md border border-zinc-300 px-4 py-2 font-medium dark:border-zinc-700"
        >
          Sign in with {sso.name}
        </button>
      )}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {registering ? (
          <>Already have an account? <Link className="underline" href="/login">Sign in</Link></>
        ) : (
          <>New here? <Link className="underline" href="/register">Create an account</Link></>
        )}
      </p>
    </form>
  );
}
