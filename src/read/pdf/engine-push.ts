/**
 * pdfjs-dist's legacy build (the one that runs on Node 20) bundles core-js, which replaces
 * `Array.prototype.push` for the whole process with a JavaScript version (it works around a V8
 * corner case: push onto an array whose length is read-only). That version is several times
 * slower, and every push in the process pays for it: pdfjs's own operator lists and text items,
 * our geometry, the parser downstream. This module is imported before pdfjs, so it sees the
 * engine's own push; `restoreEnginePush` puts it back once pdfjs (and its worker code, loaded
 * with the first document) has replaced it. Nothing here relies on the corner case.
 */
const enginePush = Array.prototype.push;
/** False when pdfjs was loaded before this module (the push seen here is then already replaced). */
const captured = Function.prototype.toString.call(enginePush).includes('[native code]');

/** Puts the engine's `Array.prototype.push` back if pdfjs's polyfill replaced it. */
export function restoreEnginePush(): void {
  if (captured && Array.prototype.push !== enginePush) Array.prototype.push = enginePush;
}
