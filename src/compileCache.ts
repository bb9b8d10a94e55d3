import Module from 'node:module';

/**
 * V8's compile cache for `npm start`, from v8-compile-cache: the code of every module the bot loads is compiled
 * once and kept (in the OS temp folder, or V8_COMPILE_CACHE_CACHE_DIR), so a restart reads it back instead of
 * compiling again: about 150 ms of the start-up (bench/README.md). It must be the first thing index.ts loads. A
 * changed file is compiled anew (the cache is keyed on each file's contents); DISABLE_V8_COMPILE_CACHE=1 turns it
 * off.
 *
 * The library predates require() of ES modules: it would compile an `.mjs` file that a package requires as
 * CommonJS and fail on its `import`. Those files go to Node's own compiler, as without the cache.
 */
type Compile = (this: Module, content: string, filename: string) => unknown;
const modulePrototype = Module.prototype as unknown as { _compile: Compile };
const nodeCompile = modulePrototype._compile;
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('v8-compile-cache');
const cachingCompile = modulePrototype._compile;
modulePrototype._compile = function compile(this: Module, content: string, filename: string) {
  return (filename.endsWith('.mjs') ? nodeCompile : cachingCompile).call(this, content, filename);
};
