import { COLORS, type Product } from '../functions/domain/catalog/product';
import { seededRandom } from '../scripts/seededRandom';

// Model lines a store adds to a successful design; they make names differ as a real assortment's do.
const LINES = ['Лайт', 'Плюс', 'Макс', 'Мини', 'Люкс', 'Комфорт', 'Стандарт', 'Про', 'Классик', 'Нова', 'Арт', 'Эко'];

/**
 * `size` products made from the embedded catalog: each copy of a product gets
 * its own id, a model line in its name, a price within ±25% (rounded as shops
 * round), now and then another colour, and its own stock. Seeded: the same
 * size gives the same catalog.
 */
export function syntheticCatalog(base: readonly Product[], size: number, seed = 20_261_125): Product[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, (_, index) => {
    const original = base[index % base.length]!;
    const copy = Math.floor(index / base.length);
    if (copy === 0) return original;
    const price = Math.max(990, Math.round((original.price * (0.75 + random() * 0.5)) / 1000) * 1000 - 10);
    return {
      ...original,
      id: `${original.id}-${copy}`,
      name: `${original.name} ${LINES[copy % LINES.length]}${copy >= LINES.length ? ` ${Math.floor(copy / LINES.length) + 1}` : ''}`,
      price,
      ...(original.oldPrice === undefined ? {} : { oldPrice: Math.round(price * 1.2) }),
      color: random() < 0.3 ? COLORS[Math.floor(random() * COLORS.length)]! : original.color,
      stock: random() < 0.1 ? 0 : Math.floor(random() * 30),
    };
  });
}
