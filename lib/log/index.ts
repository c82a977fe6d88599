export { log, getLogger, createLogger, type Logger } from "./logger";
export { runWithLogContext, runAsJob, currentLogContext, setLogUser, type LogContext } from "./context";
export { REQUEST_ID_HEADER, acceptRequestId } from "./request-id";
export { LOG_EVENTS, type LogEvent } from "./events";
