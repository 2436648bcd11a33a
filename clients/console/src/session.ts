// The signed-in session: one PersonaMediaClient for the whole app, its tokens, and what to do when
// the access token runs out (15 minutes by default): refresh it once, then try the call again.
//
// Where tokens live: sessionStorage, so a reload keeps the session and closing the tab ends it.
// Any script on the page can read it, as it could read memory; the page's Content-Security-Policy
// (only its own files run) is what keeps other scripts out.
import { PersonaMediaClient, PersonaMediaError, type User } from "@personamedia/sdk";

const storageKey = "personamedia.session";

interface Stored {
  accessToken: string;
  refreshToken: string;
}

export class Session {
  /** The API is the page's own origin (the service serves the console at /console/). */
  readonly client = new PersonaMediaClient({ baseUrl: window.location.origin });
  private refreshing: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor() {
    const stored = read();
    if (stored !== undefined) {
      this.client.setAccessToken(stored.accessToken);
      this.client.setRefreshToken(stored.refreshToken);
    }
  }

  get signedIn(): boolean {
    return this.client.getAccessToken() !== undefined;
  }

  /** Called when the session ends by itself (its refresh token was refused). */
  onEnded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async register(email: string, username: string, password: string, fullName: string | undefined): Promise<void> {
    await this.client.auth.register({ email, username, password, full_name: fullName ?? null });
    this.store();
  }

  async login(email: string, password: string): Promise<void> {
    await this.client.auth.login({ email, password });
    this.store();
  }

  async me(): Promise<User> {
    return this.call((client) => client.auth.me());
  }

  /** Ends the session on the service too (its refresh token stops working), then forgets it here. */
  async logout(): Promise<void> {
    sessionStorage.removeItem(storageKey);
    if (this.client.getRefreshToken() === undefined) {
      this.client.setAccessToken(undefined);
      return;
    }
    await this.client.auth.logout().catch(() => undefined);
    this.forget();
  }

  /**
   * Runs one call of the SDK; when it is refused with 401 (the access token expired or was revoked)
   * and a refresh token is held, gets a new pair once and runs the call again. Every call of the app
   * goes through here.
   */
  async call<T>(action: (client: PersonaMediaClient) => Promise<T>): Promise<T> {
    try {
      return await action(this.client);
    } catch (error) {
      if (!(error instanceof PersonaMediaError) || error.status !== 401 || this.client.getRefreshToken() === undefined) {
        throw error;
      }
      await this.refresh();
      return await action(this.client);
    }
  }

  /** One refresh at a time: calls that fail together wait for the same new token. */
  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      // The refused access token is not sent along: the refresh token is the credential here.
      this.client.setAccessToken(undefined);
      try {
        await this.client.auth.refresh();
        this.store();
      } catch (error) {
        this.forget();
        this.listeners.forEach((listener) => listener());
        throw error;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** The SDK keeps the pair it was given; a copy in sessionStorage lets a reload go on with it. */
  private store(): void {
    const accessToken = this.client.getAccessToken();
    const refreshToken = this.client.getRefreshToken();
    if (accessToken !== undefined && refreshToken !== undefined) {
      sessionStorage.setItem(storageKey, JSON.stringify({ accessToken, refreshToken } satisfies Stored));
    }
  }

  private forget(): void {
    this.client.setAccessToken(undefined);
    this.client.setRefreshToken(undefined);
    sessionStorage.removeItem(storageKey);
  }
}

function read(): Stored | undefined {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? "null");
    if (typeof value === "object" && value !== null && "accessToken" in value && "refreshToken" in value
      && typeof value.accessToken === "string" && typeof value.refreshToken === "string") {
      return { accessToken: value.accessToken, refreshToken: value.refreshToken };
    }
  } catch {
    // an unreadable entry is no session
  }
  return undefined;
}

/** What to show a person for an error: the service's `detail`, or what went wrong on the way. */
export function describe(error: unknown): string {
  if (error instanceof PersonaMediaError) return error.detail;
  if (error instanceof DOMException && error.name === "AbortError") return "Cancelled.";
  if (error instanceof Error) return error.message === "Failed to fetch" ? "The service could not be reached." : error.message;
  return String(error);
}

export const session = new Session();

