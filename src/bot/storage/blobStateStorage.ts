import { ContainerClient } from '@azure/storage-blob';
import { type Storage, type StoreItem, type StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { CREATE_ONLY_ETAG, isStorageConflict, StorageConflictError } from './storageConflictError';

const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | null)?.statusCode;

/**
 * Bot state in Azure Blob Storage, so that several instances of the bot behind a load balancer share every
 * conversation. Reads, writes and deletes go through Bot Framework's BlobsStorage (one JSON blob per key, eTag
 * checked with If-Match); this class adds what the other stores already do:
 * - conflicts come out as StorageConflictError, whatever BlobsStorage or Azure said;
 * - CREATE_ONLY_ETAG creates the blob only if there is none (If-None-Match: *), which BlobsStorage cannot ask;
 * - a write naming an eTag whose blob has since been deleted writes it afresh, as MemoryStorage and SqliteStorage
 *   do (Azure answers that with the same 412 as a changed blob, so a create-only write tells the two apart).
 * Unlike SQLite, a batch of several keys is not all or nothing: the bot writes one key at a time.
 */
export class BlobStateStorage implements Storage {
  private readonly blobs: BlobsStorage;
  private readonly container: ContainerClient;
  /** /health must answer in a moment: one try, short timeout, instead of the SDK's retries over many seconds. */
  private readonly healthContainer: ContainerClient;
  private containerReady?: Promise<unknown>;

  constructor(connectionString: string, containerName: string) {
    this.blobs = new BlobsStorage(connectionString, containerName);
    this.container = new ContainerClient(connectionString, containerName);
    this.healthContainer = new ContainerClient(connectionString, containerName, {
      retryOptions: { maxTries: 1, tryTimeoutInMs: 2_000 },
    });
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.blobs.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item as StoreItem)));
  }

  delete(keys: string[]): Promise<void> {
    return this.blobs.delete(keys);
  }

  /** For /health: the container answers and takes a write. */
  async isWritable(): Promise<boolean> {
    try {
      await this.healthContainer.createIfNotExists();
      const body = JSON.stringify({ checkedAt: new Date().toISOString() });
      await this.healthContainer.getBlockBlobClient('health-probe').upload(body, Buffer.byteLength(body));
      return true;
    } catch {
      return false;
    }
  }

  private async writeOne(key: string, item: StoreItem): Promise<void> {
    const { eTag, ...value } = item;
    if (eTag === CREATE_ONLY_ETAG) return this.create(key, value);
    try {
      await this.blobs.write({ [key]: item });
    } catch (error) {
      if (!isStorageConflict(error)) throw error;
      if (!eTag || eTag === '*') throw new StorageConflictError(key);
      await this.create(key, value);
    }
  }

  private async create(key: string, value: object): Promise<void> {
    this.containerReady ??= this.container.createIfNotExists();
    await this.containerReady;
    const body = JSON.stringify(value);
    try {
      await this.container.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      // 409 BlobAlreadyExists (Azure, Azurite) or 412 (some proxies): someone else's item is there.
      if (statusOf(error) === 409 || statusOf(error) === 412) throw new StorageConflictError(key);
      throw error;
    }
  }
}
