/**
 * A `datetime-local` value read as wall-clock time in `timeZone` (the region's), as an ISO
 * instant: an employer in another zone still schedules in the region's time, which is what the
 * teacher's window and every invite use. Without a zone, the device's.
 */
export function zonedLocalToIso(value: string, timeZone: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!timeZone) return new Date(value).toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return new Date(value).toISOString();
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at the guess, then once more at the corrected instant (DST edges).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The zone's short name for people ("PT", "hora del Pacífico"…), else the IANA id. */
export function zoneName(timeZone: string | undefined, language: string): string {
  if (!timeZone) return "";
  try {
    const part = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: "long" })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
