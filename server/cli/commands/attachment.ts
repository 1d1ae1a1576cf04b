import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { idSchema } from '../../../shared/docs/docName.js';
import { linkKindSchema } from '../../../shared/api/attachmentContract.js';
import {
  AttachmentError,
  addFileAttachment,
  addLinkAttachment,
  checkFileAttachment,
  listAttachments,
  removeAttachment,
  type Attachment,
} from '../../bundle/attachments.js';
import { findPadSession } from '../../pad/padTemplates.js';
import { withLockedDocs } from '../../storage/lockedDocs.js';
import {
  UsageError,
  commandGroup,
  dataDirFrom,
  requireWorkspace,
  type CliCommand,
  type CommandUsage,
} from './cliCommand.js';

const usages = {
  add: {
    usage: 'mitschrift attachment add SESSION FILE --title T --licence L --data DIR',
    summary: 'Attach slides (PDF) or a photo (JPEG, PNG) to a session.',
  },
  link: {
    usage:
      'mitschrift attachment link SESSION URL --title T --licence L [--kind video|stream|post|other] --data DIR',
    summary: 'Attach a link (video recording, live stream, social-media post) to a session.',
  },
  list: { usage: 'mitschrift attachment list SESSION --data DIR', summary: "List a session's attachments." },
  remove: { usage: 'mitschrift attachment remove SESSION ID --data DIR', summary: 'Remove an attachment.' },
} satisfies Record<string, CommandUsage>;

function line(a: Attachment): string {
  return a.kind === 'file'
    ? `${a.id}  ${a.type.toUpperCase()}  ${a.bytes} bytes  ${a.title} (${a.licence})`
    : `${a.id}  ${a.linkKind}  ${a.url}  ${a.title} (${a.licence})`;
}

/** Runs `work` under the workspace lock after checking the session exists in some event. */
function inSession<T>(
  dataDirArg: string | undefined,
  session: string | undefined,
  work: (dataDir: string, id: string) => T,
): T {
  if (!idSchema.safeParse(session).success) {
    throw new UsageError(`SESSION must be a session id, not "${session ?? ''}".`);
  }
  const id = session as string;
  const dataDir = dataDirFrom(dataDirArg);
  requireWorkspace(dataDir);
  return withLockedDocs(dataDir, (open) => {
    const found = findPadSession({ read: (name, read) => read(open(name, { gc: true })) }, id);
    if (!found) {
      throw new AttachmentError(`There is no session "${id}" in ${dataDir}.`, 404);
    }
    return work(dataDir, id);
  });
}

function meta(values: { title?: string; licence?: string }): { title: string; licence: string } {
  if (!values.title?.trim() || !values.licence?.trim()) {
    throw new UsageError('--title and --licence are required.');
  }
  return { title: values.title, licence: values.licence };
}

async function guarded(run: () => number | Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AttachmentError) {
      console.error(`mitschrift attachment: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

const options = {
  data: { type: 'string' },
  title: { type: 'string' },
  licence: { type: 'string' },
  kind: { type: 'string', default: 'other' },
} as const;

/** `mitschrift attachment add|link|list|remove`: a session's attachments (issue 12). */
export const attachmentCommand: CliCommand = commandGroup({
  add: {
    usage: usages.add,
    run: (args) => {
      const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
      const [session, file] = positionals;
      if (!file || positionals.length !== 2) {
        throw new UsageError('attachment add takes a SESSION id and one FILE.');
      }
      const m = meta(values);
      return guarded(async () => {
        if (!existsSync(file) || !statSync(file).isFile()) {
          throw new AttachmentError(`${file} is not a file.`, 400);
        }
        // Checked (and a photo scaled for the booklet, in a worker) before the workspace is locked.
        const checked = await checkFileAttachment(new Uint8Array(readFileSync(file)));
        const added = inSession(values.data, session, (dataDir, id) =>
          addFileAttachment(dataDir, id, checked, m, new Date()),
        );
        console.info(`Attached ${line(added)}`);
        return 0;
      });
    },
  },
  link: {
    usage: usages.link,
    run: (args) => {
      const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
      const [session, url] = positionals;
      if (!url || positionals.length !== 2) {
        throw new UsageError('attachment link takes a SESSION id and one URL.');
      }
      const kind = linkKindSchema.safeParse(values.kind);
      if (!kind.success) {
        throw new UsageError(`--kind must be video, stream, post or other, not "${values.kind}".`);
      }
      const m = meta(values);
      return guarded(() => {
        const added = inSession(values.data, session, (dataDir, id) =>
          addLinkAttachment(dataDir, id, { url, ...m, linkKind: kind.data }, new Date()),
        );
        console.info(`Attached ${line(added)}`);
        return 0;
      });
    },
  },
  list: {
    usage: usages.list,
    run: (args) => {
      const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
      return guarded(() => {
        const list = inSession(values.data, positionals[0], (dataDir, id) => listAttachments(dataDir, id));
        console.info(list.length ? list.map(line).join('\n') : 'No attachments.');
        return 0;
      });
    },
  },
  remove: {
    usage: usages.remove,
    run: (args) => {
      const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
      const [session, attachment] = positionals;
      return guarded(() => {
        const removed = inSession(values.data, session, (dataDir, id) =>
          removeAttachment(dataDir, id, attachment ?? ''),
        );
        if (!removed) {
          throw new AttachmentError(`Session "${session}" has no attachment "${attachment ?? ''}".`, 404);
        }
        console.info(`Removed ${attachment}.`);
        return 0;
      });
    },
  },
});
