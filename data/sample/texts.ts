/** Italian text templates: the comune's posts by topic, citizens' comments by intent, the comune's answers. */
export type Topic = "traffico" | "rifiuti" | "eventi" | "meteo" | "scuola" | "tributi" | "anagrafe" | "trasporti" | "campagna" | "elezioni";

export const streets = [
  "via Roma", "via Garibaldi", "corso Italia", "via Mazzini", "viale della Repubblica", "via dei Mille",
  "piazza Cavour", "via San Rocco", "via delle Querce", "largo Matteotti", "via Verdi", "via Dante",
  "viale Europa", "via Leopardi", "via del Lavoro", "via Fontana Vecchia"
];
export const districts = ["centro storico", "San Martino", "Borgo Nuovo", "Castelletto", "Pratolungo", "la Fornace", "Colle Alto", "Ponte Basso"];
export const venues = ["piazza del Municipio", "il Teatro Comunale", "la Biblioteca civica", "il Parco delle Rimembranze", "l'ex Mercato coperto", "la Sala consiliare", "il Palazzetto dello sport"];
const dayNames = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"];
const monthNames = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];

/** "lunedì 13 gennaio" for a Rome calendar day. */
export function dayLabel(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  return `${dayNames[(d.getUTCDay() + 6) % 7]} ${d.getUTCDate()} ${monthNames[d.getUTCMonth()]}`;
}

export const postTemplates: Record<Topic, string[]> = {
  traffico: [
    "🚧 Da {giorno} lavori di rifacimento dell'asfalto in {via}: senso unico alternato dalle 8 alle 18. Info: {url}/viabilita",
    "Chiusura temporanea di {via} per lavori alla rete idrica fino a {giorno}. Percorsi alternativi indicati sul posto.",
    "Ordinanza: divieto di sosta con rimozione in {via} {giorno} per pulizia strade. Controllate i cartelli!",
    "Conclusi i lavori in {via}: la strada è di nuovo aperta al traffico. Grazie a tutti per la pazienza.",
    "Nuova rotatoria all'incrocio tra {via} e {via2}: da {giorno} cambia la viabilità nel quartiere {quartiere}.",
    "Piano asfalti 2025: 42 strade interessate, si parte da {quartiere}. Il calendario completo è su {url}/lavori",
    "Attenzione: {giorno} chiusura notturna di {via} (22-6) per il rifacimento della segnaletica."
  ],
  rifiuti: [
    "♻️ Calendario della raccolta differenziata: {giorno} nel quartiere {quartiere} si raccoglie la plastica. Esporre i sacchi dopo le 20.",
    "Da {giorno} nuovo orario dell'isola ecologica di {via}: lunedì-sabato 8-13 e 14:30-18.",
    "Raccolta ingombranti gratuita su prenotazione: chiama il numero verde o prenota su {url}/rifiuti",
    "Per la festività di {giorno} la raccolta dell'organico è posticipata al giorno successivo.",
    "Distribuzione dei nuovi kit per la differenziata presso {luogo} {giorno}, dalle 9 alle 13. Portare la tessera sanitaria.",
    "Abbandono di rifiuti in {via}: la Polizia locale ha individuato e sanzionato i responsabili. Rispettiamo il nostro territorio."
  ],
  eventi: [
    "🎭 {giorno} alle 21 a {luogo} spettacolo gratuito per tutta la cittadinanza. Vi aspettiamo!",
    "Mercatino dell'artigianato {giorno} in {via}, dalle 9 al tramonto. Ingresso libero.",
    "Carnevale dei bambini {giorno} in {luogo}: sfilata, musica e frittelle 🎉",
    "Presentazione del libro «Le strade di {town}» {giorno} alle 18 presso {luogo}.",
    "Festa della Repubblica: {giorno} cerimonia in {luogo} con la banda cittadina 🇮🇹",
    "Concerto all'aperto {giorno} alle 21:30 a {luogo}. In caso di pioggia si terrà al Teatro Comunale.",
    "Camminata del 25 aprile: ritrovo {giorno} alle 9:30 davanti al Municipio."
  ],
  meteo: [
    "⚠️ ALLERTA METEO ARANCIONE per {giorno}: temporali forti e rischio idrogeologico. Evitate spostamenti non necessari e sottopassi.",
    "Allerta gialla per vento forte {giorno}. Chiusi parchi e giardini pubblici in via precauzionale.",
    "❄️ Neve prevista nella notte: i mezzi spargisale sono già in azione. Montate gomme invernali o catene.",
    "Ondata di calore: {giorno} bollino arancione. Aperti i centri climatizzati per anziani presso {luogo}.",
    "Rientrata l'allerta meteo. Segnalate eventuali danni al numero {phone}."
  ],
  scuola: [
    "📚 Iscrizioni alla scuola dell'infanzia comunale aperte fino a {giorno}. Domande online su {url}/scuola",
    "Servizio mensa: da {giorno} nuovo menù invernale. Le diete speciali vanno richieste all'ufficio scuola.",
    "Centri estivi 2025: pubblicato il bando. Domande entro {giorno} su {url}/centriestivi",
    "Scuole chiuse {giorno} per allerta meteo: ordinanza del Sindaco su {url}",
    "Trasporto scolastico: nuove fermate in {quartiere} da {giorno}. Orari su {url}/scuola"
  ],
  tributi: [
    "💶 TARI 2025: la prima rata scade {giorno}. Gli avvisi di pagamento arrivano via PEC o posta; consultabili anche su {url}/tari",
    "IMU: acconto entro il 16 giugno. Calcolo e stampa F24 online su {url}/imu",
    "Sportello tributi aperto anche {giorno} pomeriggio, 14:30-17, per assistenza su TARI e IMU.",
    "Agevolazioni TARI per famiglie con ISEE basso: domande entro {giorno}. Modulo su {url}/tari",
    "Avvisi TARI 2025 in consegna: se non lo ricevete entro {giorno} scaricatelo dal portale del contribuente."
  ],
  anagrafe: [
    "🪪 Carta d'identità elettronica: open day {giorno} dalle 9 alle 17, solo su prenotazione su {url}/cie",
    "L'anagrafe sarà chiusa {giorno} per aggiornamento dei sistemi informatici. I certificati si scaricano online con SPID o CIE.",
    "Nuovi orari dell'ufficio anagrafe: lunedì-venerdì 9-13, martedì e giovedì anche 15-17.",
    "Certificati anagrafici gratis e in pochi minuti da ANPR: https://www.anagrafenazionale.interno.it",
    "Aperture straordinarie dell'anagrafe il sabato mattina di giugno per il rilascio della CIE."
  ],
  trasporti: [
    "🚌 Sciopero del trasporto pubblico locale {giorno}: garantite le fasce 6-9 e 18-21.",
    "Dal {giorno} la linea 4 devia in {via} per lavori. Fermate provvisorie segnalate.",
    "Navetta gratuita per il mercato del sabato da {quartiere} al centro: orari su {url}/trasporti",
    "Nuovi abbonamenti agevolati per studenti under 26: richiesta online su {url}/trasporti",
    "Orario estivo degli autobus urbani da {giorno}. Tabelle aggiornate in biglietteria e online."
  ],
  campagna: [
    "♻️ Parte #{tag}! Per tutto il mese sfide, laboratori nelle scuole e premi ai quartieri più virtuosi. Tutte le info su {url}",
    "Quanto differenzia il quartiere {quartiere}? Classifica della settimana di #{tag} 📊",
    "Laboratorio #{tag} {giorno} presso {luogo}: portate i bambini!",
    "Grazie a chi ha partecipato a #{tag}: i risultati finali arrivano a breve 👏",
    "#{tag} continua: ecco i numeri del mese e le prossime iniziative."
  ],
  elezioni: [
    "🗳️ Referendum dell'8 e 9 giugno: tessere elettorali e duplicati all'ufficio elettorale, aperto anche {giorno} 9-18.",
    "Comunicazione istituzionale: durante il periodo elettorale pubblichiamo solo informazioni essenziali sui servizi.",
    "Voto domiciliare per elettori con gravi infermità: domande entro {giorno} all'ufficio elettorale.",
    "Seggi elettorali: l'elenco delle sezioni e i seggi accessibili sono su {url}/elezioni"
  ]
};

export type CommentIntent = "question" | "complaint" | "thanks" | "praise" | "irony" | "offtopic" | "emoji" | "tag";

export const commentTemplates: Record<CommentIntent, string[]> = {
  question: [
    "A che ora apre l'anagrafe sabato?", "Ma serve la prenotazione anche per il rinnovo?", "Scusate, e in {via} quando passano?",
    "Il modulo dove si trova? Sul sito non lo vedo", "Vale anche per chi abita in {quartiere}?", "Per la TARI si può pagare con PagoPA?",
    "Ci sono ancora posti disponibili?", "Quanto dura la chiusura?", "E se uno lavora fino alle 18 come fa?",
    "Info: il parcheggio di {via} resta libero?", "Qualcuno sa se c'è un numero da chiamare?", "Scusate ma l'ingresso è gratuito?"
  ],
  complaint: [
    "In {via} c'è una buca enorme da settimane, prima o poi qualcuno si fa male", "Lampioni spenti in {via} da 10 giorni, di sera è buio pesto",
    "Da noi in {quartiere} la plastica non l'hanno raccolta, i sacchi sono ancora lì", "Autobus 4 in ritardo di 40 minuti anche stamattina, vergogna",
    "Il cassonetto in {via} è sempre pieno e pieno di rifiuti intorno", "Marciapiede di {via} impraticabile con il passeggino",
    "Ho chiamato tre volte l'URP e non risponde nessuno", "Sito del comune non funziona, impossibile prenotare la CIE",
    "Le strisce pedonali in {via} non si vedono più", "Alberi non potati in {via}, i rami toccano i fili"
  ],
  thanks: ["Grazie per l'informazione", "Grazie mille!", "Grazie, utilissimo 🙏", "Grazie per l'avviso", "Finalmente, grazie!"],
  praise: [
    "Bravi, bella iniziativa 👏", "Ottimo lavoro, continuate così", "Che bello vedere il paese così vivo ❤️",
    "Complimenti agli operatori, velocissimi", "Servizio efficiente, ho fatto la CIE in 20 minuti"
  ],
  irony: [
    "Complimenti, solo tre mesi per una buca 👏👏", "Ah ecco, adesso si accorgono di {via} 😂", "Evviva, un'altra rotatoria, proprio quello che serviva...",
    "Bene, così il traffico raddoppia 🙃", "Lavori finiti? Aspetto di vederlo per crederci", "Ma dai, e io che pensavo di dover aspettare fino al 2030"
  ],
  offtopic: [
    "Qualcuno ha visto un gatto grigio in {quartiere}? Si chiama Pippo", "Vendo bici da bambino, scrivetemi in privato",
    "Ma la piscina comunale quando riapre?", "Buongiorno a tutti da {quartiere} ☀️", "Ci vorrebbe una pista ciclabile seria in questa città"
  ],
  emoji: ["👍", "👏👏👏", "❤️", "😡😡", "🙏", "😂😂", "🤔", "👍👍"],
  tag: ["@{friend} guarda qui", "@{friend} ti interessa?", "@{friend} te l'avevo detto 😅"]
};

export const ownReplyTemplates = {
  answer: [
    "Buongiorno, l'anagrafe il sabato è aperta dalle 9 alle 12, solo su appuntamento.", "Sì, vale per tutto il territorio comunale.",
    "Buongiorno, la prenotazione è obbligatoria: {url}/cie", "Sì, si può pagare con PagoPA anche dall'app IO.",
    "La chiusura durerà circa due settimane, salvo maltempo.", "L'ingresso è libero fino a esaurimento posti."
  ],
  acknowledge: [
    "Grazie della segnalazione, abbiamo inoltrato all'ufficio tecnico.", "Grazie, abbiamo girato la segnalazione alla ditta che gestisce la raccolta.",
    "Buongiorno, la squadra è stata allertata e interverrà appena possibile.", "Ci scusiamo per il disagio: abbiamo segnalato il problema all'azienda di trasporto."
  ],
  redirect: [
    "Buongiorno, per segnalazioni può scrivere all'URP: urp@{domain} o chiamare il {phone}.", "Trova tutte le informazioni su {url}. Per casi particolari contatti l'URP al {phone}.",
    "Per ricevere risposta sulla sua pratica scriva all'ufficio tributi tramite il modulo online su {url}/contatti", "Può usare il servizio di segnalazioni online: {url}/segnalazioni, così la pratica viene tracciata."
  ],
  thanks: ["Grazie a lei!", "Grazie 😊", "Grazie per le belle parole, le giriamo ai colleghi!"]
};

export const citizenReplyTemplates = [
  "Anche da noi stessa cosa", "È scritto sul sito, basta cercare", "Concordo in pieno", "Io ho chiamato e mi hanno risposto subito",
  "Ma dai, non esagerare", "Infatti, ogni anno la stessa storia", "Si, il sabato apre alle 9", "Grazie, non lo sapevo!"
];

export const firstNames = [
  "Marco", "Giulia", "Luca", "Francesca", "Andrea", "Chiara", "Matteo", "Sara", "Alessandro", "Valentina", "Davide", "Martina",
  "Simone", "Elena", "Federico", "Silvia", "Paolo", "Laura", "Giorgio", "Anna", "Stefano", "Roberta", "Nicola", "Ilaria",
  "Lorenzo", "Beatrice", "Antonio", "Rosa", "Giuseppe", "Maria", "Franco", "Teresa", "Riccardo", "Noemi", "Emanuele", "Gabriella"
];
export const lastNames = [
  "Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti",
  "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi",
  "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "D'Angelo", "Serra", "Vitale", "Coppola", "Fabbri", "Pellegrini"
];
