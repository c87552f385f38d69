// Date and time on the wall clock in Norway, for bills whose page shows no date or time.
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
