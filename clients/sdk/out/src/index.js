export { PersonaMediaClient, AuthApi, PersonasApi, MediaApi, } from "./client.js";
export {} from "./retry.js";
export { PersonaMediaError } from "./errors.js";
//# sourceMappingURL=index.js.map