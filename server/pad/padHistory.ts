import { join } from 'node:path';
import type { CoreLogger } from '../core/coreTypes.js';
import { DocWriteFailedError } from '../storage/docStore.js';
import { describeError, removeStaleTempFiles } from '../storage/updateLog.js';
import type { DocRegistry } from '../sync/docRegistry.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { PadTracker, type LiveSource } from './padTracker.js';
import { initialisePad } from './padTemplates.js';
import { RevisionLog } from './revisionLog.js';

/** The pad id of a document name, or undefined for other documents. */
function padIdOf(docName: string): string | undefined {
  return docName.startsWith('pad/') ? docName.slice('pad/'.length) : undefined;
}

/**
 * The core's side of pad history: every pad document the registry loads gets a {@link PadTracker}
 * (recording revisions into its revision file) and, if it is new and belongs to a planned session,
 * its template (server/pad/padTemplates.ts). Revisions are recorded at most every few seconds while
 * people type, when the last person leaves, and before the document is unloaded.
 *
 * A revision file that cannot be read only switches off the history of that one pad (logged); the
 * pad itself keeps working.
 */
export class PadHistory {
  private readonly trackers = new Map<string, PadTracker>();
  private readonly stop: () => void;

  constructor(
    private readonly registry: DocRegistry,
    private readonly dataDir: string,
    private readonly logger: CoreLogger,
    private readonly options: { intervalMs?: number; now?: () => Date } = {},
  ) {
    // Under the workspace lock no rewrite of a revision file can be running: these are left over.
    removeStaleTempFiles(join(dataDir, 'pads'), '.revisions');
    this.stop = registry.observe({
      opened: (shared) => this.opened(shared),
      released: (shared, users) => {
        const tracker = this.trackers.get(shared.name);
        if (users === 0) {
          tracker?.commitPending();
        }
        // What an HTTP route recorded is durable before it answers (the registry releases first).
        this.flushOne(shared.name, tracker);
      },
      closing: (shared) => this.closing(shared),
    });
  }

  private opened(shared: SharedDoc): void {
    const padId = padIdOf(shared.name);
    if (padId === undefined) {
      return;
    }
    let log: RevisionLog;
    try {
      log = RevisionLog.open(this.dataDir, padId, (message) => this.logger.warn(message), {
        beforeWrite: () => {
          if (shared.failure) {
            throw new DocWriteFailedError(shared.failure);
          }
        },
        onSyncError: (error) =>
          this.logger.error(
            `Writing the history of "${shared.name}" to disk failed: ${describeError(error)}`,
          ),
      });
    } catch (error) {
      this.logger.error(
        `${(error as Error).message}. The pad works; its history is switched off until the file is repaired.`,
      );
      return;
    }
    const live: LiveSource = {
      awareness: shared.awareness,
      connections: shared.connections as Map<unknown, Set<number>>,
    };
    const tracker = new PadTracker(shared.doc, log, {
      live,
      ...(this.options.intervalMs === undefined ? {} : { intervalMs: this.options.intervalMs }),
      onError: (error) =>
        this.logger.error(`Recording a revision of pad "${padId}" failed: ${String(error)}`),
    });
    this.trackers.set(shared.name, tracker);
    try {
      initialisePad(this.registry, padId, shared.doc, tracker, this.options.now?.() ?? new Date());
    } catch (error) {
      this.logger.error(
        `Filling in the template of pad "${padId}" failed: ${(error as Error).stack ?? String(error)}`,
      );
    }
  }

  private closing(shared: SharedDoc): void {
    const tracker = this.trackers.get(shared.name);
    if (tracker) {
      this.trackers.delete(shared.name);
      try {
        tracker.close();
      } catch (error) {
        this.logger.error(`Closing the history of "${shared.name}" failed: ${describeError(error)}`);
      }
    }
  }

  private flushOne(name: string, tracker: PadTracker | undefined): void {
    try {
      tracker?.log.flush();
    } catch (error) {
      this.logger.error(`Writing the history of "${name}" to disk failed: ${describeError(error)}`);
    }
  }

  /** The tracker of a loaded pad (undefined if it is not loaded or has no history). */
  tracker(docName: string): PadTracker | undefined {
    return this.trackers.get(docName);
  }

  /** Flushes every revision file. Never throws (a failure is logged). */
  flushAll(): void {
    for (const [name, tracker] of this.trackers) {
      this.flushOne(name, tracker);
    }
  }

  /** Stops observing the registry (call after the registry closed its documents). */
  close(): void {
    for (const [name, tracker] of this.trackers) {
      try {
        tracker.close();
      } catch (error) {
        this.logger.error(`Closing the history of "${name}" failed: ${describeError(error)}`);
      }
    }
    this.trackers.clear();
    this.stop();
  }
}
