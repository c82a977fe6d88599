/**
 * The portal's configuration: every environment variable declared once (variables.ts), parsed
 * with zod into typed values (config.ts), checked at every start (startup.ts). Server code only —
 * client components never read configuration.
 */
export { config, ConfigError, parseConfig, type Config } from "./config";
export { checkConfigAtStartup, PORTAL_PRODUCTION_REQUIREMENTS, type Requirements } from "./startup";
export { VARIABLES, type LogLevel, type VariableName } from "./variables";
