/**
 * Registered by the background, at document_start on every page, while the shadow-root or frame setting is on; and
 * injected into the tabs already open when one is turned on. A page whose own document fails the pre-check may hold
 * an article in a shadow tree or a frame, which the pre-check does not see: this tells the content script to read it
 * anyway. It is a flag, not a message, so that with both settings off a page still costs no extension-API call.
 */
import type { LensWorld } from '../shared/page-hooks.ts';

const world = globalThis as LensWorld;
world.russiaIranLensReadsBeyond = true;
// Already running (an open tab): it read the page's document and passed it over.
world.russiaIranLens?.readBeyond();
