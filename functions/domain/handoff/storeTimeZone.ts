/** The store's clock: working hours, schedules and "today" are Almaty time. */
export const STORE_TIME_ZONE_NAME = 'Asia/Almaty';
