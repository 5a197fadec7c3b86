export { runCli } from './cli.js';
export { EXIT, CLI_ERRORS, CliError, type ExitCode, type CliErrorCode } from './cli.error.js';
export type { CliIo } from './output.js';
