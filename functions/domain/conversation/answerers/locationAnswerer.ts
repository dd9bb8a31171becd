import { textReply } from '../../assistant/offlineAssistant';
import { botText } from '../../texts/botTexts';
import { showroomsNear, type Showroom } from '../../showrooms/showrooms';
import type { Answerer } from './answerer';

/**
 * A pin is "where are you?" or "deliver here": the answer lists the showrooms,
 * nearest first, and the location is kept on the profile for the manager.
 */
export function locationAnswerer(showrooms: readonly Showroom[]): Answerer<'location'> {
  return async (content, turn) => {
    const { language } = turn;
    const { latitude, longitude, name, address } = content;
    turn.keepLocation({
      ...(latitude === undefined ? {} : { latitude }),
      ...(longitude === undefined ? {} : { longitude }),
      ...(name ? { name } : {}),
      ...(address ? { address } : {}),
    });
    turn.remember(`[📍 ${[name, address].filter(Boolean).join(', ') || 'геолокация'}]`);
    const nearby = showroomsNear(showrooms, content);
    const rows = nearby.map(({ showroom, distanceKm }, index) =>
      botText(language, 'location.row', {
        index: index + 1,
        name: showroom.name,
        address: showroom.address,
        hours: showroom.hours,
        distance: distanceKm === undefined ? '' : botText(language, 'location.distance', { km: Math.max(1, Math.round(distanceKm)) }),
      }),
    );
    const intro = botText(language, nearby[0]?.distanceKm === undefined ? 'location.introUnsorted' : 'location.intro');
    const body = [intro, ...rows, '', botText(language, 'location.kept')].join('\n');
    return textReply(body, language, 'showrooms');
  };
}
