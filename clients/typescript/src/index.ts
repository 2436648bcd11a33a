export {
  PersonaMediaClient,
  AuthApi,
  PersonasApi,
  MediaApi,
  type PersonaMediaClientOptions,
  type UploadOptions,
  type ListOptions,
  type Page,
  type DownloadOptions,
  type Download,
  type IfMatchOptions,
  type TokenResponse,
  type User,
  type RegisterRequest,
  type LoginRequest,
  type Persona,
  type PersonaRequest,
  type MediaFile,
  type MediaType,
  type MediaFileUrl,
  type UploadStats,
  type DetailResponse,
} from "./client.js";
export { type RetryOptions } from "./retry.js";
export { type UploadProgress } from "./upload.js";
export { PersonaMediaError, type ProblemDetails, type ValidationProblemDetails } from "./errors.js";
export type { paths, components, operations } from "./generated/api.js";
