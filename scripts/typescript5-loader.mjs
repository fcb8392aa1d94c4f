/**
 * openapi-typescript builds its output with the TypeScript 5 compiler API, which TypeScript 7 (the
 * project's compiler, a native binary) no longer ships. This resolve hook hands openapi-typescript
 * the `typescript5` package (npm alias of typescript@5) when it imports `typescript`; nothing else
 * is redirected. Registered by scripts/api-types.ts before it loads openapi-typescript.
 */
export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/openapi-typescript/'))
    return next('typescript5', context);
  return next(specifier, context);
}
