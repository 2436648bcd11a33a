// Sign in, or create an account (which signs in too). The service answers 401 with one message
// for an unknown email and a wrong password alike, and 409 for a taken email or username.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { session } from "./session.js";
import { ErrorMessage, Field, problemOf, type Problem } from "./ui.js";

export function SignIn({ onSignedIn, notice }: { onSignedIn: () => void; notice: string | undefined }): JSX.Element {
  const [mode, setMode] = useState<"login" | "register">("login");
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string): string => String(form.get(name) ?? "");
    setBusy(true);
    setProblem(undefined);
    try {
      if (mode === "register") {
        const fullName = text("full_name").trim();
        await session.register(text("email"), text("username"), text("password"), fullName === "" ? undefined : fullName);
      } else {
        await session.login(text("email"), text("password"));
      }
      onSignedIn();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const register = mode === "register";
  return (
    <main id="main" tabIndex={-1} class="signin">
      <h1>PersonaMedia console</h1>
      <section aria-labelledby="signin-title" class="card">
        <h2 id="signin-title">{register ? "Create an account" : "Sign in"}</h2>
        {notice !== undefined && <p class="notice" role="status">{notice}</p>}
        <form onSubmit={submit}>
          <Field label="Email" name="email" error={problem?.fields["email"]}>
            {(a) => <input {...a} type="email" autocomplete="email" required maxLength={254} />}
          </Field>
          {register && (
            <Field label="Username" name="username" error={problem?.fields["username"]}>
              {(a) => <input {...a} type="text" autocomplete="username" required maxLength={50} />}
            </Field>
          )}
          {register && (
            <Field label="Full name (optional)" name="full_name" error={problem?.fields["full_name"]}>
              {(a) => <input {...a} type="text" autocomplete="name" maxLength={100} />}
            </Field>
          )}
          <Field label="Password" name="password" error={problem?.fields["password"]} {...(register ? { hint: "8 to 128 characters." } : {})}>
            {(a) => <input {...a} type="password" autocomplete={register ? "new-password" : "current-password"} required minLength={register ? 8 : 1} maxLength={128} />}
          </Field>
          <ErrorMessage problem={problem} />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>{register ? "Create account" : "Sign in"}</button>
          </div>
        </form>
        <p>
          {register ? "Have an account already? " : "New here? "}
          <button type="button" class="link" onClick={() => { setMode(register ? "login" : "register"); setProblem(undefined); }}>
            {register ? "Sign in" : "Create an account"}
          </button>
        </p>
      </section>
    </main>
  );
}
