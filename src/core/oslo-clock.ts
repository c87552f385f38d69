// Date and time on the wall clock in Norway (bills are written in local time): for pages that show no
// date or time, and for the CLI's default "now". Intl only, so it stays pure.
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function osloClock(instant: Date): { date: string; time: string } {
  const part: Record<string, string> = {};
  for (const p of formatter.formatToParts(instant)) part[p.type] = p.value;
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}
