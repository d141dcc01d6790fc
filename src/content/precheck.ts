/**
 * The cheap first look: most pages never mention both countries, and for them the content
 * script stops here, before the dataset is even parsed. The pattern is deliberately loose
 * (stems in our ten languages); the engine decides relevance properly afterwards.
 */
const RUSSIA = /russ|росси|русск|кремл|путин|москв|روسی|روس|روسيا|بوتين|پوتین|مسکو|موسكو|rusya|rusia|russie|russland|kreml|putin|moscow|moskau|moscou|mosc[uú]|mosca|moskova/i;
const IRAN = /iran|иран|тегеран|хамене|ایران|إيران|ايران|تهران|طهران|خامنه|teheran|tehran|t[ée]h[ée]ran|teher[aá]n|khamene/i;

/** Looks at most this much text: enough for any article, cheap on a 1.6 MB page. */
const SAMPLE_LIMIT = 400_000;

export function mayCoverRussiaIran(document: Document): boolean {
  const text = `${document.title} ${(document.body?.textContent ?? '').slice(0, SAMPLE_LIMIT)}`;
  return RUSSIA.test(text) && IRAN.test(text);
}
