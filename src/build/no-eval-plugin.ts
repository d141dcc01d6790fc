/**
 * Removes zod's references to the Function constructor from the shipped code. zod probes
 * `new Function("")` to decide whether it may JIT-compile parsers; extension pages forbid
 * eval by CSP, and we set `z.config({ jitless: true })`, so the probe and the compiler are
 * dead code. Left in, they make `web-ext lint` report DANGEROUS_EVAL. The replacement throws,
 * which zod already treats as "eval not allowed". test/build checks the warning stays gone.
 */
import type { Plugin } from 'vite';

const ZOD_FILES = /[\\/]zod[\\/]v4[\\/]core[\\/](util|doc|compile)\.js$/;
const FUNCTION_CONSTRUCTOR = /const F = Function;/g;

export function noEvalPlugin(): Plugin {
  return {
    name: 'lens:no-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!ZOD_FILES.test(id) || !FUNCTION_CONSTRUCTOR.test(code)) return null;
      return code.replace(FUNCTION_CONSTRUCTOR, 'const F = function () { throw new EvalError("eval is disabled in extension pages"); };');
    },
  };
}
