/**
 * The cheap first look: most pages never mention both countries, and for them the content
 * script stops here, before any text leaves the page. The pattern is deliberately loose
 * (stems in our ten languages); the engine decides relevance properly afterwards.
 */
const RUSSIA = /russ|росси|русск|кремл|путин|москв|روسی|روس|روسيا|بوتين|پوتین|مسکو|موسكو|rusya|rusia|russie|russland|kreml|putin|moscow|moskau|moscou|mosc[uú]|mosca|moskova/i;
const IRAN = /iran|İran|tahran|иран|тегеран|хамене|ایران|إيران|ايران|تهران|طهران|خامنه|teheran|tehran|t[ée]h[ée]ran|teher[aá]n|khamene/i;

/** Does this text (the page's title and sample, see page-sample.ts) name both sides? */
export function mayCoverRussiaIran(text: string): boolean {
  return IRAN.test(text) && RUSSIA.test(text);
}
