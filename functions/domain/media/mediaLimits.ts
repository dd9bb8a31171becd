import type { Language } from '../language';

/** "2 мин", "1 мин 30 с": limits and durations as customers read them. */
export function formatDuration(seconds: number, language: Language): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const units = { ru: ['мин', 'с'], kk: ['мин', 'сек'], en: ['min', 's'] }[language];
  if (minutes === 0) return `${rest} ${units[1]}`;
  return rest === 0 ? `${minutes} ${units[0]}` : `${minutes} ${units[0]} ${rest} ${units[1]}`;
}

export function formatMegabytes(bytes: number, language: Language): string {
  const megabytes = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${String(megabytes).replace('.', language === 'en' ? '.' : ',')} ${language === 'en' ? 'MB' : 'МБ'}`;
}
