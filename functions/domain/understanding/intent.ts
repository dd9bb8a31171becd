import type { Attributes } from './attributes';
import type { Word } from './meaning';
import { findPhrase, hasPhrase, phrases } from './phrases';
import type { Intent } from './understanding';

// Cue phrases per intent (syntax in phrases.ts). Russian, Kazakh (folded, also
// matching Latin-typed Kazakh) and English side by side.

const FORGET_ME = phrases([
  'удал* … данн*',
  'удал* … информац*',
  'удал* … номер*',
  'удал* … переписк*',
  'удал* … истори*',
  'удал* меня',
  'сотр* … данн*',
  'сотр* … информац*',
  'сотр* … переписк*',
  'стер* … данн*',
  'стер* … информац*',
  'уничтож* … данн*',
  'забуд* меня',
  'забуд* … мои',
  'забуд* обо мне',
  'забыть меня',
  'delete my*',
  'delete … data',
  'delete … info*',
  'delete … number',
  'delete … details',
  'erase … data',
  'erase … info*',
  'erase my*',
  'remove my … data',
  'remove my … info*',
  'remove my … number',
  'wipe my*',
  'forget me',
  'forget about me',
  'forget my*',
  'деректер* … жой*',
  'деректер* … өшір*',
  'ақпарат* … жой*',
  'ақпарат* … өшір*',
  'мәлімет* … жой*',
  'мәлімет* … өшір*',
  'жой* … деректер*',
  'жой* … мәлімет*',
  'мені ұмыт*',
]);

const OPT_OUT = phrases([
  'отпис*',
  'отпиш*',
  'не присыла*',
  'не пиши*',
  'не пишит*',
  'больше не пиш*',
  'хватит … пис*',
  'хватит … присыла*',
  'прекрат* … рассылк*',
  'прекрат* … присыла*',
  'прекрат* … писа*',
  'не беспоко*',
  'уберите … рассылк*',
  'отключ* … рассылк*',
  'отключ* … уведомлен*',
  'не надо … писать',
  'не нужно … писать',
  'не хоч* … получать',
  'не хоч* … сообщени*',
  'не хоч* … рассылк*',
  'unsubscribe*',
  'opt out',
  'remove me from',
  'take me off',
  'stop sending*',
  'stop messag*',
  'stop texting',
  'stop writing',
  "don't message*",
  'do not message*',
  "don't text*",
  "don't contact*",
  'do not contact*',
  'no more messages',
  'leave me alone',
  'тоқтат*',
  'жазбаңыз',
  'жазба*',
  'жібермеңіз',
  'жіберме*',
  'жазылымнан шығ*',
]);
// Alone, «стоп» means stop writing; inside a question about products it does not.
const BARE_STOP = phrases(['стоп', 'хватит', 'отмена', 'stop', 'enough', 'cancel', 'тоқта']);
const BARE_STOP_MAX_WORDS = 3;

const WATCH_PRICE = phrases([
  'след* … цен*',
  'отслежива* … цен*',
  'отследит* … цен*',
  'watch … price',
  'track … price',
  'price alert*',
  'бағасын бақыла*',
  'баға* … бақыла*',
]);
const NOTIFY = phrases([
  'сообщ*',
  'напиш*',
  'уведом*',
  'оповест*',
  'дайте знать',
  'дай знать',
  'хочу знать',
  'хотел* … узнать',
  'узнать',
  'notify*',
  'let me know',
  'tell me',
  'alert me',
  'ping me',
  'message me',
  'text me',
  'email me',
  'inform me',
  'хабарла*',
  'айтыңыз',
  'жазыңыз',
]);
const WHEN = phrases(['когда', 'как только', 'when', 'once', 'as soon as', 'кезде']);
const PRICE_DROP = phrases([
  'подешев*',
  'дешевле',
  'дешевел*',
  'снизит*',
  'снижен*',
  'снизя*',
  'сниж*',
  'упад*',
  'упаде*',
  'скидк*',
  'распродаж*',
  'уценк*',
  'drop*',
  'goes down',
  'go down',
  'cheaper',
  'discount*',
  'on sale',
  'price cut',
  'reduced',
  'арзанда*',
  'арзанға',
  'бағасы түс*',
  'баға* … түс*',
  'түссе',
  'түскен*',
  'түсер*',
  'түседі',
  'жеңілдік*',
]);

const MANAGER = phrases([
  'менеджер*',
  'оператор*',
  'консультант*',
  'администратор*',
  'продавц*',
  'жив* человек*',
  'с человеком',
  'реальн* человек*',
  'позов* … человек*',
  'позвон* мне',
  'позвоните',
  'перезвон*',
  'свяжит* со мной',
  'свяжит* с',
  'свяжись со мной',
  'соедин* с',
  'manager',
  'human',
  'real person',
  'a person',
  'live person',
  'operator',
  'agent',
  'representative',
  'call me',
  'call back',
  'phone me',
  'ring me',
  'speak to someone',
  'talk to someone',
  'consultant',
  'адаммен',
  'адам … сөйлес*',
  'қоңырау шал*',
  'кеңесші*',
  'хабарласыңыз',
]);

const RECOMMEND = phrases([
  'посовет*',
  'совет*',
  'порекоменд*',
  'рекоменд*',
  'подбер*',
  'подобрать',
  'подобрат*',
  'подбор*',
  'помог* выбрать',
  'помог* с выбором',
  'помог* подобрать',
  'подойд*',
  'подходит к',
  'что … лучше',
  'что выбрать',
  'как* … лучше',
  'как* … выбрать',
  'сочета*',
  'идеи',
  'идею',
  'recommend*',
  'suggest*',
  'advice',
  'advise',
  'goes with',
  'go with',
  'match my',
  'matches my',
  'to match',
  'what would you',
  'which … better',
  'which … best',
  'what … best',
  'ideas',
  'help me choose',
  'help me pick',
  'ұсын*',
  'кеңес*',
  'таңда* … көмектес*',
  'көмектес* … таңда*',
  'сәйкес*',
  'сай кел*',
]);
// A vague wish with nothing specific asks for ideas, not for a search.
const VAGUE = phrases(['что нибудь', 'что то', 'что либо', 'something', 'anything', 'бірдеңе', 'не алу*']);

const HELP = phrases([
  'что … умеешь',
  'что … умеете',
  'что … можешь',
  'что … можете',
  'помощь',
  'помоги*',
  'как … пользова*',
  'как … работает',
  'как … работаешь',
  'инструкц*',
  'команды',
  'справк*',
  'кто ты',
  'ты бот',
  'что ты такое',
  'help',
  'what can you do',
  'what do you do',
  'how does this work',
  'how do i use',
  'how to use',
  'commands',
  'who are you',
  'are you a bot',
  'instructions',
  'көмек*',
  'не істей алас*',
  'кімсің',
]);

const SEARCH = phrases([
  'покаж*',
  'показать',
  'ищу',
  'ищем',
  'поиск*',
  'найд*',
  'найти',
  'в наличии',
  'наличи*',
  'каталог*',
  'ассортимент*',
  'купить',
  'куплю',
  'приобрест*',
  'закаж*',
  'заказать',
  'сколько стоит',
  'сколько стоят',
  'цен*',
  'стоимост*',
  'прайс*',
  'дешев*',
  'недорог*',
  'подешевле',
  'скидк*',
  'распродаж*',
  'акци*',
  'новинк*',
  'мебел*',
  // Furniture the catalogue has no category for is still shopping.
  'стенк*',
  'пуф*',
  'банкетк*',
  'вешалк*',
  'обувниц*',
  'прихож*',
  'гарнитур*',
  'столешниц*',
  'show*',
  'looking for',
  'look for',
  'search*',
  'find',
  'do you have',
  'do you sell',
  'buy',
  'purchase',
  'price*',
  'how much',
  'cost*',
  'cheap*',
  'sale',
  'discount*',
  'catalog*',
  'furniture',
  'in stock',
  'ottoman*',
  'pouf*',
  'bench*',
  'іздеймін',
  'іздеп',
  'ізде*',
  'көрсет*',
  'сатып ал*',
  'алғым кел*',
  'бар ма',
  'бар ме',
  'қанша',
  'баға*',
  'арзан*',
  'жиһаз*',
]);

const GREETING = phrases([
  'привет*',
  'здравств*',
  'здрасте',
  'здрасьте',
  'добр* день',
  'добр* утр*',
  'добр* вечер*',
  'доброго времени',
  'хай',
  'как дела',
  'hi',
  'hello',
  'hey',
  'hiya',
  'good morning',
  'good afternoon',
  'good evening',
  'greetings',
  'how are you',
  'сәлем*',
  'салам*',
  'сәлеметсіз*',
  'ассалау*',
  'армысыз',
  'қайырлы*',
  'қалайсыз',
  'қалың қалай',
]);

// «Спасибо за помощь» thanks for help rather than asks for it.
const THANKS = phrases(['спасибо', 'благодар*', 'thank*', 'thx', 'рахмет']);

export interface IntentEvidence {
  words: readonly Word[];
  attributes: Attributes;
  /** The message names an amount of money. */
  hasPrice: boolean;
}

/**
 * The intent, checked from the most binding to the least: a request about
 * the customer's data or messages overrides everything, a price alert
 * overrides a search for the same thing, a greeting counts only when nothing
 * else is asked.
 */
export function classifyIntent({ words, attributes, hasPrice }: IntentEvidence): Intent {
  const specific = attributes.category !== undefined || attributes.color !== undefined || attributes.style !== undefined;
  const product = specific || hasPrice;
  if (hasPhrase(words, FORGET_ME)) return 'forget_me';
  if (hasPhrase(words, OPT_OUT)) return 'opt_out';
  if (isPriceAlert(words)) return 'price_alert';
  if (hasPhrase(words, MANAGER)) return 'manager';
  if (hasPhrase(words, RECOMMEND)) return 'recommend';
  if (!product && hasPhrase(words, VAGUE)) return 'recommend';
  if (!product && hasPhrase(words, HELP) && !hasPhrase(words, THANKS)) return 'help';
  if (product || hasPhrase(words, SEARCH)) return 'search';
  if (isBareStop(words)) return 'opt_out';
  if (hasPhrase(words, GREETING)) return 'greeting';
  return 'other';
}

// A command comes first and stands alone: «стоп», «стоп рассылка», «stop it»; not «хочу стоп-кран».
function isBareStop(words: readonly Word[]): boolean {
  if (words.length > BARE_STOP_MAX_WORDS || findPhrase(words, BARE_STOP)?.first !== 0) return false;
  return words[1]?.hyphenated !== true;
}

function isPriceAlert(words: readonly Word[]): boolean {
  if (hasPhrase(words, WATCH_PRICE)) return true;
  return hasPhrase(words, PRICE_DROP) && (hasPhrase(words, NOTIFY) || hasPhrase(words, WHEN));
}
