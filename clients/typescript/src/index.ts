export {
  PersonaMediaClient,
  AuthApi,
  PersonasApi,
  MediaApi,
  HealthApi,
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
  type HealthResponse,
  type RefreshTokenRequest,
  type ChangePasswordRequest,
  type Head,
  type ThumbnailOptions,
  type ThumbnailSize,
  type ThumbnailImage,
  type Readiness,
} from "./client.js";
export { facadeFunctions, type FacadeFunction } from "./operations.js";
export { type RetryOptions } from "./retry.js";
export { type UploadProgress } from "./upload.js";
export { PersonaMediaError, type ProblemDetails, type ValidationProblemDetails } from "./errors.js";
export type { paths, components, operations } from "./generated/api.js";
