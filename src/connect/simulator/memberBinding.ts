/**
 * Json.NET binds members case-insensitively and treats `null` like a missing member, so `{"primaryOrderNumber":
 * "X", "OrderSource": null}` reaches Connect as PrimaryOrderNumber "X" with no OrderSource, and members the model
 * does not have are skipped. This rewrites a parsed body to the schema's member names, dropping nulls and unknown
 * members, before validation, so the simulator answers (and stores) what Connect would.
 */
export interface SchemaShape {
  properties?: Record<string, SchemaShape>;
  items?: SchemaShape;
  allOf?: SchemaShape[];
  oneOf?: SchemaShape[];
  anyOf?: SchemaShape[];
}

/** The declared members of a schema, following allOf (how the spec attaches descriptions to $refs). */
function membersOf(schema: SchemaShape | undefined): Record<string, SchemaShape> {
  if (!schema) return {};
  const members: Record<string, SchemaShape> = { ...(schema.properties ?? {}) };
  for (const part of schema.allOf ?? []) Object.assign(members, membersOf(part));
  return members;
}

function itemsOf(schema: SchemaShape | undefined): SchemaShape | undefined {
  if (!schema) return undefined;
  return schema.items ?? schema.allOf?.map(itemsOf).find((s) => s !== undefined);
}

export function bindMembers(value: unknown, schema: SchemaShape | undefined): unknown {
  if (Array.isArray(value)) {
    const items = itemsOf(schema);
    return value.map((item) => bindMembers(item, items));
  }
  if (value === null || typeof value !== 'object') return value;
  const members = membersOf(schema);
  const byLowerName = new Map(Object.keys(members).map((name) => [name.toLowerCase(), name]));
  const declaresMembers = byLowerName.size > 0;
  const bound: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    const declared = byLowerName.get(name.toLowerCase());
    if (member === null || (declared === undefined && declaresMembers)) continue; // Json.NET skips unknown members
    bound[declared ?? name] = bindMembers(member, declared === undefined ? undefined : members[declared]);
  }
  return bound;
}

/**
 * Query parameters by their declared names, whatever the casing the client used; parameters the operation does
 * not declare are ignored, as ASP.NET model binding ignores them.
 */
export function bindQuery(
  query: Record<string, string | string[]>,
  declaredNames: string[],
): Record<string, string | string[]> {
  const byLowerName = new Map(declaredNames.map((name) => [name.toLowerCase(), name]));
  const bound: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    const declared = byLowerName.get(name.toLowerCase());
    if (declared !== undefined) bound[declared] = value;
  }
  return bound;
}
