// The app's frame: sign-in when there is no session, otherwise a header with the sections and the
// screen the address names (#/personas, #/personas/12, #/usage). Routes live in the hash, so the
// service serves one file for every screen and a reload stays where it was.
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { User } from "@personamedia/sdk";
import { describe, session } from "./session.js";
import { SignIn } from "./signin.js";
import { PersonasView, PersonaView } from "./personas.js";
import { StatsView } from "./stats.js";

type Route = { name: "personas" } | { name: "persona"; id: number } | { name: "usage" };

function route(hash: string): Route {
  const persona = /^#\/personas\/(\d+)$/.exec(hash);
  if (persona?.[1] !== undefined) return { name: "persona", id: Number(persona[1]) };
  if (hash === "#/usage") return { name: "usage" };
  return { name: "personas" };
}

export function App(): JSX.Element {
  const [user, setUser] = useState<User | undefined>(undefined);
  const [checking, setChecking] = useState(session.signedIn);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [current, setCurrent] = useState<Route>(() => route(window.location.hash));

  useEffect(() => {
    const changed = (): void => setCurrent(route(window.location.hash));
    window.addEventListener("hashchange", changed);
    const stop = session.onEnded(() => {
      setUser(undefined);
      setNotice("Your session has ended. Sign in again.");
    });
    return () => {
      window.removeEventListener("hashchange", changed);
      stop();
    };
  }, []);

  const loadUser = (): void => {
    setChecking(true);
    session.me().then(
      (me) => { setUser(me); setNotice(undefined); },
      (error: unknown) => { setUser(undefined); if (session.signedIn) setNotice(describe(error)); },
    ).finally(() => setChecking(false));
  };
  useEffect(() => { if (session.signedIn) loadUser(); }, []);

  // Each screen names itself in the tab's title.
  useEffect(() => {
    const titles = { personas: "Personas", persona: "Persona", usage: "Usage" };
    document.title = `${user === undefined ? "Sign in" : titles[current.name]} · PersonaMedia console`;
  }, [user, current]);

  if (checking) return <main id="main" tabIndex={-1}><p role="status">Loading…</p></main>;
  if (user === undefined) return <SignIn onSignedIn={loadUser} notice={notice} />;

  return (
    <>
      <a href="#main" class="skip" onClick={(event) => { event.preventDefault(); document.getElementById("main")?.focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">PersonaMedia</span>
        <nav aria-label="Sections">
          <a href="#/personas" aria-current={current.name !== "usage" ? "page" : undefined}>Personas</a>
          <a href="#/usage" aria-current={current.name === "usage" ? "page" : undefined}>Usage</a>
        </nav>
        <span class="who">
          <span class="muted">{user.full_name ?? user.username}</span>
          <button type="button" onClick={() => { void session.logout(); setUser(undefined); setNotice("You have signed out."); }}>Sign out</button>
        </span>
      </header>
      {current.name === "persona" ? <PersonaView id={current.id} key={current.id} /> : current.name === "usage" ? <StatsView /> : <PersonasView />}
    </>
  );
}
