import type { CoreLogger } from './coreTypes.js';

/** How `serve` writes its log: lines for people (default) or one JSON object per line. */
const LOG_FORMATS = ['text', 'json'] as const;
/** One log format. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Environment variable that chooses the log format when `--log-format` is not given. */
export const LOG_FORMAT_ENV = 'MITSCHRIFT_LOG_FORMAT';

/** The format from a flag over the environment; throws naming the source of a bad value. */
export function logFormatFrom(flag: string | undefined, env: NodeJS.ProcessEnv): LogFormat {
  const [value, source] = flag !== undefined ? [flag, '--log-format'] : [env[LOG_FORMAT_ENV], LOG_FORMAT_ENV];
  if (value === undefined || value === '') {
    return 'text';
  }
  if (!(LOG_FORMATS as readonly string[]).includes(value)) {
    throw new Error(`${source} must be ${LOG_FORMATS.join(' or ')}, not "${value}".`);
  }
  return value as LogFormat;
}

/** Where log lines go (stdout for info, stderr for warnings and errors, as the text format does). */
export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const consoleSink: LogSink = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/**
 * A logger for the format: `text` writes the message as it is; `json` writes one JSON object per
 * line (`time` ISO 8601, `level` info|warn|error, `msg`, and any `fields`), which log collectors
 * (journald, Loki, CloudWatch) read without parsing rules.
 */
export function loggerFor(
  format: LogFormat,
  sink: LogSink = consoleSink,
): CoreLogger & {
  event(level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>): void;
} {
  const write = (
    level: 'info' | 'warn' | 'error',
    msg: string,
    fields: Record<string, unknown> = {},
  ): void => {
    const line =
      format === 'json' ? JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) : msg;
    if (level === 'info') {
      sink.out(line);
    } else {
      sink.err(line);
    }
  };
  return {
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
    event: write,
  };
}
