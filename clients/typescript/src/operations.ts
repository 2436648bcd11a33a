import type { PersonaMediaClient } from "./client.js";
import type { operations } from "./generated/api.js";

type Group = "auth" | "personas" | "media" | "health";
type FunctionsOf<G extends Group> = {
  [K in keyof PersonaMediaClient[G]]: PersonaMediaClient[G][K] extends (...args: never[]) => unknown ? K & string : never;
}[keyof PersonaMediaClient[G]];

/** A function of the facade, as `group.name` (for example `media.uploadImage`). */
export type FacadeFunction = { [G in Group]: `${G}.${FunctionsOf<G>}` }[Group];

/**
 * Which function of `PersonaMediaClient` calls each operation of the contract, by its
 * `operationId`. Typed against the generated `operations`, so the package does not compile while
 * an operation of docs/openapi/v1.json has no function here, or a name here is no function.
 */
export const facadeFunctions = {
  getHealth: "health.get",
  getLiveness: "health.live",
  getReadiness: "health.ready",
  register: "auth.register",
  login: "auth.login",
  refreshToken: "auth.refresh",
  logout: "auth.logout",
  changePassword: "auth.changePassword",
  getCurrentUser: "auth.me",
  uploadImage: "media.uploadImage",
  uploadVideo: "media.uploadVideo",
  listPersonaFiles: "media.list",
  getFile: "media.get",
  updateFileDescription: "media.updateDescription",
  deleteFile: "media.delete",
  getFileUrl: "media.url",
  downloadFile: "media.download",
  headFile: "media.head",
  getThumbnail: "media.thumbnail",
  getUploadStats: "media.stats",
  createPersona: "personas.create",
  listPersonas: "personas.list",
  getPersona: "personas.get",
  updatePersona: "personas.update",
  deletePersona: "personas.delete",
  getSignedMedia: "media.signedDownload",
  headSignedMedia: "media.signedHead",
} as const satisfies { readonly [Id in keyof operations]: FacadeFunction };
