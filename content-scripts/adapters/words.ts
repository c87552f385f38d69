// The words that associate host fields with a meaning. Norwegian EPJ labels, bokmål and nynorsk.

/** Takst fields: "Takst", "Takster", "Takstkode", "Konsultasjonstakster" (not our own name). */
export const TAKST_RE = /takst(?!vakt)/i;
/** Attributes that name a field (besides its labels and aria-labelledby); the boot script watches them too. */
export const NAME_ATTRS = ['aria-label', 'name', 'id', 'placeholder', 'title', 'data-label'] as const;
/** Count fields next to a code: "Antall", `antall_2cd`, "Ant.". */
export const COUNT_RE = /\bant(all|\.)|^antall|antal/i;
/** Search, filter and lookup fields hold a query, not a bill (bokmål, nynorsk, English). */
export const SEARCH_RE = /\bsøk|\bsok\b|search|\bfilt(?:er|re|rer|rering)|\bfinn\b|oppslag|lookup|look up/i;
/** Containers named like a bill: the billing region even without a form or context fields inside. */
export const BILL_RE = /regning|oppgj(?:ø|o|e)r|\btakster\b|\bbill(?:ing)?\b|invoice/i;
/** Column headers that make each row a bill of its own (a list of saved bills). */
export const OWN_BILL_RE = /dato|date|\bkl\b|klokkeslett|tidspunkt|\btid\b|time|pasient|patient|status/i;
/**
 * Fields we must never read: names and national ids (fødselsnummer, personnummer, D-nummer),
 * HPR-nummer (identifies the doctor) and free-text notes.
 */
export const PRIVATE_RE = /navn|name|f(ø|o)dselsnummer|f(ø|o)dselsnr|fnr|personnummer|personnr|pnr|d-nummer|ssn|hpr|adresse|telefonnummer|notat|journal/i;
/** Column headers and captions of tariff lookup tables, which are not bills. */
export const REFERENCE_RE = /ugyldig|krever|kombiner|kombinasjon|kan kun|merknad|takstoversikt|normaltariff|oppslag/i;

export const DATE_RE = /dato|date/i;
export const BIRTH_RE = /f(ø|o)dselsdato|f(ø|o)dd|birth/i;
export const TIME_RE = /klokkeslett|tidspunkt|\bkl\b|\btid\b|time/i;
export const DIAGNOSIS_RE = /diagnose|icpc|icd/i;
export const AGE_RE = /\balder\b|\bage\b/i;
export const CONTACT_RE = /kontakttype|kontaktform|type kontakt/i;
export const SPECIALIST_RE = /spesialist i allmennmedisin/i;
export const DURATION_RE = /varighet|tidsbruk|minutter/i;
/** A summary of chosen codes ("Valgte takster"), preferred over the picker list it summarises. */
export const SUMMARY_RE = /valgt|selected|oppsummering|sammendrag|summary/i;
