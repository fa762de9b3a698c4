// api-conventions.md "Collections": a collection answers {items, next}; it pages by keyset with `limit`
// and `cursor` (the change feed with `limit` and `after`), never by offset or page numbers.
// opts.require: the parameter names every paged collection must have, e.g. ["limit", "cursor"];
// opts.feedRequire: the same for change feeds (paths ending in /changes).
module.exports = (operation, opts, context) => {
  const ok = operation && operation.responses && operation.responses['200'];
  const media = ok && ok.content && ok.content['application/json'];
  const schema = media && media.schema;
  const props = schema && schema.properties;
  if (!props || !props.items || !('next' in props)) return [];
  const names = (operation.parameters || []).filter((p) => p && p.in === 'query').map((p) => p.name);
  const path = String(context.path[1] || '');
  const required = /\/changes$/.test(path) ? opts.feedRequire : opts.require;
  const missing = required.filter((n) => !names.includes(n));
  return missing.length
    ? [{ message: `paged collection lacks query parameter(s) ${missing.join(', ')}` }]
    : [];
};
