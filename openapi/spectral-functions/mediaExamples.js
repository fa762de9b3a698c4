// api-conventions.md "The contract": request and response bodies carry examples. An example counts on
// the media type (example/examples) or on its (resolved) schema, also inside an items envelope.
function hasExample(schema, depth) {
  if (!schema || typeof schema !== 'object' || depth > 3) return false;
  if (schema.example !== undefined || (Array.isArray(schema.examples) && schema.examples.length)) return true;
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(schema[key]) && schema[key].some((s) => hasExample(s, depth + 1))) return true;
  }
  if (schema.items && hasExample(schema.items, depth + 1)) return true;
  if (schema.properties && schema.properties.items && hasExample(schema.properties.items, depth + 1)) return true;
  return false;
}

module.exports = (media) => {
  if (!media || typeof media !== 'object') return [];
  if (media.example !== undefined || (media.examples && Object.keys(media.examples).length)) return [];
  if (hasExample(media.schema, 0)) return [];
  return [{ message: 'body has no example (on the media type or its schema)' }];
};
