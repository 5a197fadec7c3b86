import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '@connector/config';
import { CliContext, type GlobalOptions } from './cli.context.js';
import { CliError, EXIT, type ExitCode } from './cli.error.js';
import type { CliIo } from './output.js';
import { configValidate } from './commands/config-validate.command.js';
import { configReload } from './commands/config-reload.command.js';
import { history } from './commands/history.command.js';
import { mailboxes } from './commands/mailboxes.command.js';
import { plan } from './commands/plan.command.js';
import { resync } from './commands/resync.command.js';
import { retry } from './commands/retry.command.js';
import { syncNow } from './commands/sync-now.command.js';

function positiveNumber(value: string): string {
  if (!(Number(value) > 0)) throw new InvalidArgumentError('must be a positive number');
  return value;
}

const waitOptions = (command: Command) =>
  command
    .option('--wait', 'wait until the queues drain, showing the jobs left')
    .addOption(new Option('--timeout <seconds>', 'give up waiting after this long (exit 1)').default('600').argParser(positiveNumber));

/** Builds the program; each action stores its exit code in `result`. */
function program(io: CliIo, run: (action: (ctx: CliContext) => Promise<ExitCode>, command: Command) => Promise<void>): Command {
  const root = new Command('connector')
    .description('Operate the CRM ⇄ Exchange connector: config, mailboxes, sync now, dry run, resync, retry, history')
    .option('--config <file>', 'config file (default: CONNECTOR_CONFIG, else config/connector.yaml, else config/connector.example.yaml)')
    .option('--json', 'machine-readable output only (one JSON document on stdout)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError();

  const config = root.command('config').description('the configuration file');
  config
    .command('validate')
    .description('check the config; exit 2 with every problem listed')
    .action((_o, cmd: Command) => run((ctx) => configValidate(ctx), cmd));
  config
    .command('reload')
    .description('validate the config and, when valid, make every running service apply it now')
    .action((_o, cmd: Command) => run((ctx) => configReload(ctx), cmd));

  root
    .command('mailboxes')
    .description('each mailbox: synced?, enabled/suspended, last cycle per type, open conflicts, quarantined items')
    .action((_o, cmd: Command) => run((ctx) => mailboxes(ctx), cmd));

  waitOptions(
    root
      .command('sync-now')
      .description('ask for polls now (one mailbox or all, one type or all)')
      .option('--mailbox <smtp>', 'only this mailbox')
      .option('--type <type>', 'only this object type (email, contact, appointment, task, absence)'),
  ).action((o, cmd: Command) => run((ctx) => syncNow(ctx, o), cmd));

  root
    .command('plan')
    .description('dry run: what the next cycle would create, update and delete on each side; writes nothing')
    .option('--mailbox <smtp>', 'only this mailbox')
    .option('--type <type>', 'only this object type')
    .option('--verbose', 'one line per item')
    .action((o, cmd: Command) => run((ctx) => plan(ctx, o), cmd));

  waitOptions(
    root
      .command('resync')
      .description("re-sync a mailbox from scratch: forget its cursors and poll now (items are re-matched to their links, never duplicated)")
      .requiredOption('--mailbox <smtp>', 'the mailbox'),
  ).action((o, cmd: Command) => run((ctx) => resync(ctx, o), cmd));

  root
    .command('retry')
    .description('requeue quarantined items (all, one mailbox, or one by id)')
    .option('--mailbox <smtp>', 'only this mailbox')
    .option('--id <id>', 'only this quarantine entry')
    .action((o, cmd: Command) => run((ctx) => retry(ctx, o), cmd));

  root
    .command('history')
    .description('every decision that touched an item')
    .argument('[link-id]', 'the link id of the item')
    .option('--exchange-id <id>', 'the Exchange item id (with --mailbox and --type)')
    .option('--crm-id <id>', 'the CRM record id (with --mailbox and --type)')
    .option('--mailbox <smtp>', 'the mailbox')
    .option('--type <type>', 'the object type')
    .addOption(new Option('--limit <n>', 'the latest n entries').default('200').argParser(positiveNumber))
    .action((linkId: string | undefined, o, cmd: Command) => run((ctx) => history(ctx, linkId, o), cmd));

  return root;
}

/**
 * Runs one command line (`argv` without node and script) and returns its exit code; never calls
 * `process.exit`, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  let json = argv.includes('--json');
  const run = async (action: (ctx: CliContext) => Promise<ExitCode>, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    json = globals.json ?? false;
    const ctx = new CliContext(io, globals);
    try {
      code = await action(ctx);
    } finally {
      await ctx.close();
    }
  };
  try {
    await program(io, run).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      if (error.exitCode === 0) return EXIT.ok;
      if (json) io.stdout.write(`${JSON.stringify({ error: 'CLI_USAGE', message: error.message })}\n`);
      return EXIT.usage;
    }
    const ctxOut = new CliContext(io, { json });
    if (error instanceof ConfigError) {
      ctxOut.out.error(error.code, error.message, { configPath: error.source, problems: error.problems });
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      ctxOut.out.error(error.code, error.message, error.details);
      return error.exitCode;
    }
    ctxOut.out.error('RUNTIME_FAILURE', error instanceof Error ? error.message : String(error));
    return EXIT.failure;
  }
}
