/**
 * A map whose string keys compare case-insensitively, as Connect's SQL Server lookups do (its default collation
 * ignores case): "ord-1" finds the order raised as "ORD-1". Values keep the casing they were stored with.
 */
export class CaseInsensitiveMap<V> {
  private readonly entries = new Map<string, V>();

  private static keyOf(key: string): string {
    return key.toLowerCase();
  }

  get(key: string | undefined | null): V | undefined {
    return key == null ? undefined : this.entries.get(CaseInsensitiveMap.keyOf(key));
  }

  has(key: string | undefined | null): boolean {
    return key != null && this.entries.has(CaseInsensitiveMap.keyOf(key));
  }

  set(key: string, value: V): this {
    this.entries.set(CaseInsensitiveMap.keyOf(key), value);
    return this;
  }

  delete(key: string): boolean {
    return this.entries.delete(CaseInsensitiveMap.keyOf(key));
  }

  clear(): void {
    this.entries.clear();
  }

  values(): V[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }
}
