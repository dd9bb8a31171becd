/** "14:05", as under a WhatsApp bubble. */
export function clockTime(timestamp: number): string {
  return new Date(timestamp).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
}

/** The chip between days: «Сегодня», «Вчера», or the date. */
export function dayLabel(timestamp: number, now = Date.now()): string {
  const day = new Date(timestamp).toDateString();
  if (day === new Date(now).toDateString()) return 'Сегодня';
  if (day === new Date(now - 86_400_000).toDateString()) return 'Вчера';
  return new Date(timestamp).toLocaleDateString('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
