import * as z from 'zod';

/** One of the store's showrooms, as data/showrooms.json describes it. */
export const showroomSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  /** Opening hours as the customer should read them, e.g. "Ежедневно 10:00–21:00". */
  hours: z.string().min(1),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export type Showroom = z.infer<typeof showroomSchema>;

export const showroomsSchema = z.array(showroomSchema).min(1);

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance: good to a few hundred metres across a city, which is all "nearest" needs. */
export function distanceKm(from: { latitude: number; longitude: number }, to: { latitude: number; longitude: number }): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

export interface ShowroomNearby {
  showroom: Showroom;
  distanceKm?: number;
}

/** The showrooms, nearest first when the point is known; in the configured order otherwise. */
export function showroomsNear(showrooms: readonly Showroom[], point: { latitude?: number; longitude?: number }): ShowroomNearby[] {
  const { latitude, longitude } = point;
  if (latitude === undefined || longitude === undefined) return showrooms.map((showroom) => ({ showroom }));
  return showrooms
    .map((showroom) => ({ showroom, distanceKm: distanceKm({ latitude, longitude }, showroom) }))
    .sort((a, b) => a.distanceKm - b.distanceKm);
}
