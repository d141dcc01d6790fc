/**
 * The few extension APIs the content script uses, called directly: Firefox's `browser` and
 * Chrome's `chrome` both return promises from sendMessage in MV3, and both answer a message
 * through `sendResponse`. This keeps webextension-polyfill (10 KB) out of every page.
 */

interface MessageSender {
  readonly id?: string;
}

interface RuntimeApi {
  readonly id: string;
  sendMessage(message: unknown): Promise<unknown>;
  readonly onMessage: {
    addListener(listener: (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean | undefined): void;
  };
}

interface ExtensionApi {
  readonly runtime: RuntimeApi;
}

function api(): ExtensionApi {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const found = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  if (!found?.runtime) throw new Error('not running as an extension content script');
  return found;
}

export function sendMessage(message: unknown): Promise<unknown> {
  try {
    return Promise.resolve(api().runtime.sendMessage(message));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** `handler` returns a promise of the answer, or undefined for messages that are not ours. */
export function onMessage(handler: (message: unknown) => Promise<unknown> | undefined): void {
  const runtime = api().runtime;
  runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== runtime.id) return undefined;
    const answer = handler(message);
    if (!answer) return undefined;
    answer.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true; // the answer comes asynchronously
  });
}

/** Is the extension this script belongs to still there (not updated, disabled or removed since)? */
export function extensionAlive(): boolean {
  try {
    return Boolean(api().runtime.id);
  } catch {
    return false; // "Extension context invalidated", or no runtime at all
  }
}
