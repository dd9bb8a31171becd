import type { LabelledMessage } from './labelled';

/** Messages kept away from tuning: run only to check how the engine does on text it was not shaped on. */
export const HELD_OUT: readonly LabelledMessage[] = [
  {
    text: 'Добрый вечер! Ищу угловой диван серого цвета до 350 тысяч',
    expected: { intent: 'search', category: 'sofa', color: 'grey', budget_max: 350000, language: 'ru' },
  },
  { text: 'стульчики для кухни белые, 4 штуки', expected: { intent: 'search', category: 'chair', color: 'white', language: 'ru' } },
  { text: 'Шкафчик в прихожую', expected: { intent: 'search', category: 'wardrobe', language: 'ru' } },
  {
    text: 'Сколько стоит комод в скандинавском стиле?',
    expected: { intent: 'search', category: 'dresser', style: 'scandinavian', language: 'ru' },
  },
  {
    text: 'кресло от 50 до 90 тыс',
    expected: { intent: 'search', category: 'armchair', budget_min: 50000, budget_max: 90000, language: 'ru' },
  },
  { text: 'хочу диван в пределах полумиллиона', expected: { intent: 'search', category: 'sofa', budget_max: 500000, language: 'ru' } },
  {
    text: 'сообщите, когда кровать подешевеет до 180 000',
    expected: { intent: 'price_alert', category: 'bed', target_price: 180000, language: 'ru' },
  },
  { text: 'оператор', expected: { intent: 'manager', language: 'ru' } },
  { text: 'больше не пишите мне', expected: { intent: 'opt_out', language: 'ru' } },
  { text: 'Сотрите всю мою информацию', expected: { intent: 'forget_me', language: 'ru' } },
  { text: 'Посоветуйте что-нибудь к белому дивану', expected: { intent: 'recommend', language: 'ru' } },
  {
    text: 'письменный стол бежевый не дороже 120к',
    expected: { intent: 'search', category: 'desk', color: 'beige', budget_max: 120000, language: 'ru' },
  },
  { text: 'матрасы 140 на 200', expected: { intent: 'search', category: 'mattress', language: 'ru' } },
  { text: 'полочки для книг', expected: { intent: 'search', category: 'shelf', language: 'ru' } },
  { text: 'Как дела?', expected: { intent: 'greeting', language: 'ru' } },
  { text: 'диваны темно-зеленые', expected: { intent: 'search', category: 'sofa', color: 'green', language: 'ru' } },
  { text: 'Сәлеметсіз бе, сұр диван бар ма?', expected: { intent: 'search', category: 'sofa', color: 'grey', language: 'kk' } },
  { text: 'жұмыс үстелі 100 мыңға дейін', expected: { intent: 'search', category: 'desk', budget_max: 100000, language: 'kk' } },
  { text: 'қызыл кресло керек', expected: { intent: 'search', category: 'armchair', color: 'red', language: 'kk' } },
  { text: 'менеджер керек', expected: { intent: 'manager', language: 'kk' } },
  { text: 'кітап сөрелері', expected: { intent: 'search', category: 'shelf', language: 'kk' } },
  { text: 'арзандаса хабарлаңыз', expected: { intent: 'price_alert', language: 'kk' } },
  { text: "I'm looking for a white bed", expected: { intent: 'search', category: 'bed', color: 'white', language: 'en' } },
  { text: 'chest of drawers under 100k', expected: { intent: 'search', category: 'dresser', budget_max: 100000, language: 'en' } },
  { text: 'Can I speak to a manager?', expected: { intent: 'manager', language: 'en' } },
  { text: 'Please stop messaging me', expected: { intent: 'opt_out', language: 'en' } },
  {
    text: 'recommend a coffee table for a scandinavian living room',
    expected: { intent: 'recommend', category: 'coffee_table', style: 'scandinavian', language: 'en' },
  },
  {
    text: 'tell me when the black armchair is cheaper than 150k',
    expected: { intent: 'price_alert', category: 'armchair', color: 'black', target_price: 150000, language: 'en' },
  },
  { text: "what's the weather like", expected: { intent: 'other', language: 'en' } },
  { text: 'hey', expected: { intent: 'greeting', language: 'en' } },
];
