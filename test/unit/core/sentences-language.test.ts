import { describe, expect, it } from 'vitest';
import { detectLanguage, languageOfText } from '../../../src/core/text/language.ts';
import { sentenceSpans } from '../../../src/core/text/sentences.ts';

const sentences = (text: string, language: string) => sentenceSpans(text, language).map(([start, end]) => text.slice(start, end));

describe('sentenceSpans', () => {
  it('does not break after abbreviations, initials or ordinal days', () => {
    expect(sentences('The trip followed U.S. National Security Adviser Jake Sullivan’s warning. Mr. Putin met Dr. Raisi. J. Smith left.', 'en')).toEqual([
      'The trip followed U.S. National Security Adviser Jake Sullivan’s warning.',
      'Mr. Putin met Dr. Raisi.',
      'J. Smith left.',
    ]);
    expect(sentences('Am 19. Juli 2022 traf Putin ein. Dann ging er.', 'de')).toEqual(['Am 19. Juli 2022 traf Putin ein.', 'Dann ging er.']);
  });

  it('gives an opening quote to the sentence it opens, also when no space follows the full stop', () => {
    const text = 'Khamenei told Putin that NATO would have done it eventually.“War is a violent issue,” he said.';
    expect(sentenceSpans(text, 'en').map(([start, end]) => text.slice(start, end))).toEqual([
      'Khamenei told Putin that NATO would have done it eventually.',
      '“War is a violent issue,” he said.',
    ]);
  });

  it('splits Persian and Arabic sentences', () => {
    expect(sentences('پوتین به تهران رفت. او با رئیسی دیدار کرد.', 'fa')).toHaveLength(2);
  });
});

describe('language detection', () => {
  it.each([
    ['The president said that the deal was signed in Tehran and that it is final.', 'en'],
    ['Президент России прибыл в Тегеран, где провел переговоры с руководством Ирана.', 'ru'],
    ['رئیس جمهور روسیه برای دیدار با رهبر ایران به تهران سفر کرد و این سفر مهم است.', 'fa'],
    ['وصل الرئيس الروسي إلى طهران في زيارة هي الأولى له منذ بدء الحرب على أوكرانيا.', 'ar'],
    ['Der russische Präsident ist nicht nach Teheran gereist, sagte die Regierung auf der Konferenz.', 'de'],
    ['Il presidente russo è arrivato a Teheran per una visita che è la prima della guerra.', 'it'],
    ['Rusya Devlet Başkanı Putin, bu hafta İran ile bir anlaşma imzalamak için Tahran’a gitti.', 'tr'],
  ])('recognises %s', (text, language) => {
    expect(languageOfText(text)).toBe(language);
  });

  it('trusts <html lang> unless the text says otherwise', () => {
    expect(detectLanguage('en-US', 'The president said that the deal was signed in Tehran today.')).toBe('en');
    expect(detectLanguage('en', 'Президент России прибыл в Тегеран, где провел переговоры с руководством Ирана.')).toBe('ru');
    expect(detectLanguage(undefined, 'short')).toBe('und');
  });
});
