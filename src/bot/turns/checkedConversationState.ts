import { randomUUID } from 'node:crypto';
import { ConversationState, type StoreItem, type TurnContext } from 'botbuilder';
import { reportsETags } from '../storage/eTagReportingStorage';
import { CREATE_ONLY_ETAG, StorageConflictError } from '../storage/storageConflictError';

/** Set on every write, so that a turn writing twice can tell its own write from another instance's. */
const WRITE_ID = 'writeId';

interface ReadRecord {
  /**
   * The state as read, as JSON: unchanged state is not written. Not kept after a write (the turn runner's saves are
   * forced, and the JSON would cost a turn a tenth of its storage time): a later unforced save then writes.
   */
  snapshot?: string;
  /** The eTag read at load; undefined when the conversation had no state yet. */
  eTag?: string;
  /** Set after this turn wrote: the write's id. */
  ownWrite?: string;
  /** The eTag of that write, when the store reports it (SQLite): the next write names it, with no read-back. */
  ownETag?: string;
}

/**
 * The state without its eTag, as JSON: what a change is judged by. Bot Framework's calculateChangeHash does the same
 * through a replacer and a SHA-256; plain JSON.stringify is several times cheaper.
 */
function snapshotOf(state: StoreItem): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * Conversation state written with the eTag it was read with, not '*' as BotState.saveChanges does, so that of two
 * turns that read the same state only the first saves and the other fails with StorageConflictError (and is run
 * again by the turn runner). A conversation's first state is written create-only for the same reason.
 *
 * Bot Framework's Storage.write does not return the new eTag, so after a write mid-turn (before a Connect call)
 * the next save reads the item back: if it still carries this turn's write id, its eTag is ours to write with;
 * if not, another instance wrote in between, which is a conflict too. A store that reports its eTags (SQLite,
 * eTagReportingStorage.ts) spares the read: the next write names the reported eTag and fails the same way if
 * another instance wrote in between.
 */
export class CheckedConversationState extends ConversationState {
  private readonly record = Symbol('checkedConversationState.read');

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const fresh = force || this.get(context) === undefined;
    const state = (await super.load(context, force)) as Record<string, unknown>;
    if (fresh) {
      const eTag = typeof state.eTag === 'string' ? state.eTag : undefined;
      context.turnState.set(this.record, { snapshot: snapshotOf(state), eTag } satisfies ReadRecord);
    }
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const record = context.turnState.get(this.record) as ReadRecord | undefined;
    let state = this.get(context) as StoreItem | undefined;
    if (!state) {
      if (!force) return;
      state = await this.load(context);
    }
    if (!force && record?.snapshot !== undefined && record.snapshot === snapshotOf(state)) return;

    const key = await this.storageKey(context);
    let eTag = record?.eTag;
    if (record?.ownWrite) {
      if (record.ownETag !== undefined) {
        eTag = record.ownETag;
      } else {
        const current = (await this.storage.read([key]))[key];
        if (current?.[WRITE_ID] !== record.ownWrite) throw new StorageConflictError(key);
        eTag = current.eTag;
      }
    }
    const writeId = randomUUID();
    state[WRITE_ID] = writeId;
    // No record means the state was never read this turn (cleared, or forced): only a create is safe then.
    const changes = { [key]: { ...state, eTag: record && eTag ? eTag : CREATE_ONLY_ETAG } };
    const ownETag = reportsETags(this.storage)
      ? (await this.storage.writeReportingETags(changes))[key]
      : void (await this.storage.write(changes));
    context.turnState.set(this.record, {
      snapshot: snapshotOf(state),
      ownWrite: writeId,
      ownETag,
    } satisfies ReadRecord);
  }

  /**
   * Changes the stored state only if this turn wrote it last: for a failed turn, which must not keep its lease
   * but whose state is otherwise left as its last save made it. Returns whether it changed anything.
   */
  async amendOwnWrite(context: TurnContext, change: (state: StoreItem) => void): Promise<boolean> {
    const record = context.turnState.get(this.record) as ReadRecord | undefined;
    if (!record?.ownWrite) return false;
    const key = await this.storageKey(context);
    const current = (await this.storage.read([key]))[key];
    if (current?.[WRITE_ID] !== record.ownWrite) return false;
    change(current);
    await this.storage.write({ [key]: { ...current, [WRITE_ID]: randomUUID() } });
    return true;
  }
}
