/** The catalog's attribute keys (see DESIGN.md "zeta understand") as staff read them. */
const LABELS: Record<string, string> = {
  sofa: 'диваны',
  armchair: 'кресла',
  chair: 'стулья',
  dining_table: 'обеденные столы',
  coffee_table: 'журнальные столики',
  desk: 'письменные столы',
  bed: 'кровати',
  mattress: 'матрасы',
  wardrobe: 'шкафы',
  dresser: 'комоды',
  shelf: 'стеллажи',
  tv_stand: 'тумбы под ТВ',
  red: 'красный',
  blue: 'синий',
  white: 'белый',
  black: 'чёрный',
  grey: 'серый',
  brown: 'коричневый',
  green: 'зелёный',
  beige: 'бежевый',
  yellow: 'жёлтый',
  modern: 'современный',
  classic: 'классический',
  minimalism: 'минимализм',
  loft: 'лофт',
  scandinavian: 'скандинавский',
};

const LANGUAGE_NAMES: Record<string, string> = { ru: 'русский', kk: 'қазақша', en: 'English' };

export const preferenceLabel = (key: string): string => LABELS[key] ?? key;
export const languageName = (code: string): string => LANGUAGE_NAMES[code] ?? code;
