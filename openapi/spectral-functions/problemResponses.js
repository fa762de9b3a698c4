// api-conventions.md "Errors": every error an operation documents is application/problem+json with the
// Problem schema, and an operation documents its client errors (4xx), not only server failures.
// Runs on the unresolved document so it can see the $ref to components/schemas/Problem.
const PROBLEM = 'application/problem+json';

module.exports = (operation, opts, context) => {
  const results = [];
  const responses = (operation && operation.responses) || {};
  const codes = Object.keys(responses);
  for (const code of codes) {
    if (!/^[45]/.test(code)) continue;
    const response = responses[code] || {};
    if (response.$ref) continue; // a shared response component is checked where it is defined
    const content = response.content || {};
    const media = content[PROBLEM];
    if (!media) {
      results.push({ message: `${code} response is not ${PROBLEM}`, path: [...context.path, 'responses', code] });
      continue;
    }
    const others = Object.keys(content).filter((m) => m !== PROBLEM);
    if (others.length) {
      results.push({ message: `${code} response also offers ${others.join(', ')}; errors are ${PROBLEM} only`,
        path: [...context.path, 'responses', code, 'content'] });
    }
    const ref = media.schema && media.schema.$ref;
    if (!ref || !/\/Problem$/.test(ref)) {
      results.push({ message: `${code} response schema is not the Problem schema`,
        path: [...context.path, 'responses', code, 'content', PROBLEM] });
    }
  }
  if (!codes.some((c) => /^4/.test(c))) {
    results.push({ message: 'operation documents no 4xx problem response (server errors only)',
      path: [...context.path, 'responses'] });
  }
  return results;
};
