// Merknad summaries in our own Norwegian words. `from`: 'reference' = the text was retrieved and is
// summarised in src/data/reference/merknader.json; 'seed' = the merknad text was not retrieved, but the
// Helfo seed describes its content (cited); null summary = not retrieved and not described anywhere.
// URLs come from merknader.json; scripts/build-tariff.mjs adds provenance.

export const MERKNADER = {
  A1: { summary: null },
  B1: {
    from: 'reference',
    summary:
      'En konsultasjon krever direkte kontakt mellom lege og pasient på egnet sted, med medisinsk vurdering eller samtale. Arbeid som hjelpepersonell gjør alene, kan aldri kreves som konsultasjon. Enkle prøver (Hb, SR, hematokrit, leukocytter, erytrocytter, enkel urinprøve og urinmikroskopi) og enkle behandlinger (blant annet intramuskulær injeksjon, fjerning av sting, rensing av små sår, resept, henvisning og rekvisisjon) er inkludert i konsultasjons- og sykebesøkstaksten.',
  },
  B2: { summary: null },
  B3: { summary: null },
  B5: {
    from: 'reference',
    summary:
      'Materielltakstene 10a–10d kan repeteres og kombineres når flere prosedyrer gjøres. Pasienten kan i tillegg betale kostpris for materiell og legemidler som ikke dekkes (gips, spiral, kateter, vaksiner, legemidler, ortoser). Sprøyter og annet vanlig engangsutstyr kan ikke faktureres. 10a–10d refunderes ikke av folketrygden, unntatt ved yrkesskade (folketrygdloven kapittel 13) og forskriftens § 3 nr. 4.',
  },
  B6: { summary: null },
  B9: {
    from: 'seed',
    section: 'Takst 2ae',
    summary:
      'Vilkår for e-konsultasjon slik Helfo-veiledningen beskriver dem: elektronisk kommunikasjon på sikkerhetsnivå 4 mellom pasienten og fastlegen eller vikaren, som har behandlingsansvaret; bare ved etablert sykdom; pasienten må ønske det; turnuslege kan ikke kreve taksten; resept og henvisning etter e-konsultasjonen er inkludert.',
  },
  C1: {
    from: 'seed',
    section: 'Takst 21 – reisetillegg',
    summary: 'Helfo-veiledningen viser til merknad C1: ved bomtur til sykebesøk (ingen pasient til stede) kan reisetillegg 21 kreves når avstanden er over 1 km hver vei.',
  },
  D1: {
    from: 'seed',
    section: 'Korrekt bruk av kveldstakstar',
    summary:
      'Kveldstakster (k) kan bare kreves ved kommunalt organisert legevakt eller ved øyeblikkelig hjelp som ikke kan vente, og bare mellom kl. 16 og 08, på søn- og helligdager (samt 1. og 17. mai), og fra legevakten starter på dager før søn- og helligdager til kl. 08 neste virkedag. Fastlegen kan likevel bruke 11ak (med 11e) ved planlagte sykebesøk etter kl. 16 til egne kronisk, alvorlig syke pasienter.',
  },
  E1: { summary: null },
  E2: {
    from: 'reference',
    summary:
      'Prosedyretakster er tillegg til konsultasjon eller sykebesøk når ikke annet står. Desinfeksjonsmidler og vanlig engangsutstyr er inkludert; legen kan i tillegg kreve materielltakstene 10a–10d, men ikke betaling for sprøyter og lignende.',
  },
  E8: { summary: null },
  E9: {
    from: 'reference',
    summary:
      'Lys- og badebehandling utenfor hudlegens eget kontor krever at hudlegen har full kontroll og ansvar, tilsyn av opplært personale og jevnlig inspeksjon. Takstene 254, 255 og 256 er bare for hudleger; spesialister utdannet før 1991 trenger særskilt godkjenning for 254 og 255.',
  },
  E10: { summary: null },
  F0: { from: 'reference', summary: 'Laboratorietakstene kan brukes av privatpraktiserende lege som tar prøven eller gjør analysen på egne pasienter.' },
  F1: {
    from: 'reference',
    summary:
      '701a og 701c dekker porto, rør og emballasje. 701c kan bare brukes sammen med 701a og repeteres ikke når flere prøver av samme materiale sendes samtidig til samme laboratorium. 701a kan kombineres med alle 700-takstene.',
  },
  F2: { from: 'reference', summary: 'Analysetaksten forutsetter at analysen gjøres på legekontoret, på legevakt eller under sykebesøk.' },
  G1: {
    from: 'reference',
    summary:
      'Røntgentakstene kan brukes av privatpraktiserende lege som undersøker egne pasienter, når bildet tas på legekontoret. I tillegg til 801–855 kan legen kreve egenandel etter takst 899.',
  },
  H1: {
    from: 'reference',
    summary: 'Takst H1 betales én gang per refusjonskode uansett hvor mange legemidler søknaden gjelder. Beløpet forhandles ikke med Legeforeningen, men fastsettes av departementet.',
  },
  V2: { summary: null },
  'LEGEND-REPETISJONER': {
    from: 'reference',
    summary:
      'Rep-kolonnen: 0 = kan ikke repeteres på samme regning; 50% = kan repeteres én gang til halv takst; rep = kan repeteres flere ganger; et tall = kan repeteres så mange ganger; rep 50% = kan repeteres flere ganger, hver gang til halv takst.',
  },
  'LEGEND-GRÅ': {
    from: 'reference',
    summary:
      'Gråmarkerte takster (stjernemerket i forskriften) er forbeholdt spesialister med driftsavtale med regionalt helseforetak, ikke spesialister i allmennmedisin eller samfunnsmedisin. Andre takster kan brukes av alle leger etter merknadene.',
  },
  'LEGEND-**-COV2': {
    from: 'reference',
    summary:
      '** markerer takster som kan kreves når legen har delegert arbeidet til hjelpepersonell under telefon- eller videokonsultasjon. COV2 markerte takster som kunne brukes ved telefon/video under koronautbruddet, til 1. juli 2021.',
  },
  'LEGEND-D/K': {
    from: 'reference',
    summary: 'd eller k i takstkoden betyr dagtakst eller kvelds-/natt-/helgetakst. Koder uten disse bokstavene skiller ikke på tid på døgnet.',
  },
  'E-SÆRSKILTE-KIRURGITAKSTER': {
    from: 'reference',
    summary:
      'De særskilte kirurgitakstene (K-kodene) gjelder bare leger med driftsavtale med regionalt helseforetak; vikar bare når hjemmelshaver selv kan operere og bruker dem. K01a høyst 500 per kalenderår (hjemmelshaver og vikar samlet), K02a én gang per pasient, K02a–K02g utelukker hverandre.',
  },
  'FORSKRIFT-§1-§2': {
    from: 'reference',
    summary:
      'Forskriften gir stønad ved sykdom eller mistanke om sykdom, skade, familieplanlegging, svangerskap og fødsel og livmorhalsscreening, men ikke ved kosmetiske inngrep. Stjernemerkede spesialisttakster krever driftsavtale med RHF. Stønad for fastlønnet lege (også turnuslege) går til kommunen; bedriftslege i arbeidstiden dekkes ikke.',
  },
  'AVTALE-DEL-IV': {
    from: 'reference',
    summary:
      'Leger med fastlegeavtale eller RHF-avtale kan ta honorar etter gjeldende forskrift. Egenandelene skal henge synlig i venterommet, og pasienten skal uoppfordret få spesifisert kvittering.',
  },
  FOREBYGGENDE: {
    from: 'reference',
    summary:
      'Forebyggende tjenester og takster: svangerskaps- og etterkontroll (217, full refusjon), førstegangs prevensjonsveiledning (110), innsetting/bytte av spiral (105), innsetting av p-stav (100) og fjerning/bytte (105), smitteoppsporing ved kjønnssykdom (full refusjon), tverrfaglig møte (14, 14d). Annet forebyggende arbeid betales ikke etter tariffen.',
  },
  'KUHR-470': {
    from: 'reference',
    summary:
      'Helfos automatiske kontroll avviser 1bd, 1be og 1bk når de står på en egen regning innen 60 minutter før eller etter en konsultasjonstakst på en annen regning, fordi de ikke kan kombineres med andre takster. En regning datert fram i tid avvises også.',
  },
};
