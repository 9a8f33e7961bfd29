/**
 * The phrase patterns of requests.ts, per language, on foldText's output (lower case, no accents). Stems end in \w*
 * because a bare stem before \b never matches ("spent\b" misses "spento").
 */

export interface RequestRules {
  /** A request for information that needs no question mark ("vorrei sapere", "a chi devo rivolgermi"). */
  asks: RegExp;
  /** An interrogative opening a sentence, when no "?" is there: only with a verb of asking after it ("dove si ritira"). */
  opening: RegExp;
  /** Questions that do not ask: rhetorical, sceptical, or opinion ("aspetto di vederlo per crederci", "chi se ne frega"). */
  notAsking: RegExp;
  /** Questions to other citizens, not to the administration ("qualcuno ha visto", "ti interessa?", "chi viene"). */
  toCitizens: RegExp;
  /** A problem or disservice named outright ("lampione spento", "nessuno risponde", "da giorni", "segnalo"). */
  complaint: RegExp;
  /** After a fix: the problem is back or still there. */
  stillThere: RegExp;
  /** Problems named by a noun ("buca"): a report, unless the text mocks how long a fix took ("solo tre mesi per una buca"). */
  problemNouns: RegExp;
  /** How long something took, in sarcasm about a fix already made. */
  tookTime: RegExp;
  /** A fix already made, thanked or noted ("grazie per aver sistemato", "finalmente hanno riparato"). */
  resolved: RegExp;
  /** Things the administration looks after: street furniture, lighting, waste, transport, offices, websites. */
  objects: RegExp;
  /** What is wrong with them ("pieno", "non si vedono più", "non potati", "mancano"): a report with an object. */
  states: RegExp;
  /** Something lasting or recurring: with negative sentiment and an object or topic, a complaint ("anche oggi", "sempre"). */
  persistence: RegExp;
}

export const REQUEST_RULES: Record<"it" | "en", RequestRules> = {
  it: {
    asks:
      /\b(qualcuno (sa|mi sa|sapete|mi sapete|puo dirmi|ha notizie|ha info)|sapete (se|come|quando|dove|dirmi|a che)|vorrei (sapere|chiedere|informazioni)|volevo (sapere|chiedere)|mi sapete dire|potete dirmi|potreste dirmi|chiedo (info|informazioni|gentilmente)|cerco informazioni|info su|informazioni su|a chi (devo|mi devo|posso|ci si deve|bisogna) (rivolger|chieder|segnalar|chiamar)\w*|a chi rivolgersi|come faccio|come si fa (a|per) |come (posso|devo|si puo|funziona)|si puo sapere|si puo (pagare|fare|avere|chiedere|richiedere|prenotare|portare|scaricare|parcheggiare)|e possibile (prenotare|pagare|avere|sapere|richiedere|fare|intervenire))\b/,
    // "quando" only with a verb of timetables: "quando c'è il mercato non si parcheggia" states
    opening:
      /(^|[.!\n]\s*|,\s*)((come|dove|perche|quale|quali|quanto|quanta|quanti|quante|a che ora|in che modo|che cosa|cosa)\s+(si|ci|mi|posso|devo|bisogna|serve|servono|occorre|apre|aprono|riapre|chiude|chiudono|passa|passano|arriva|inizia|iniziano|parte|finisce|scade|sono|e|c'e|vanno|va|trovo|ritiro|pago)|quando\s+(apre|aprono|riapre|riaprono|chiude|chiudono|passa|passano|arriva|arrivano|inizia|iniziano|parte|partono|finisce|finiscono|scade|scadono|esce|escono))\b/,
    notAsking:
      /\b(per crederci|ci credo quando|aspetto di veder\w*|chi se ne frega|e ci voleva tanto|ci voleva tanto|ma chi (li|lo|la|vi|ti) ha (votat|elett)\w*|davvero pensano|pensano davvero|siamo sicuri|chissa perche|ma ci fate o ci siete|scherziamo|ma vi sembra|vi sembra normale|ma secondo voi|come no|e i soldi chi)\b/,
    toCitizens:
      /\b(qualcuno (ha (visto|perso|trovato|smarrito|un|una)|conosce|mi presta|presta|vende|cerca|viene|vuole|ha voglia)|chi (viene|vien|gioca|ci va|ci sta|partecipa|c'era)\b|ti (interessa|va|ricordi|piace)|hai visto|ci andiamo|vieni anche|(^|\s)(ragazzi|raga|amici) chi)/,
    complaint:
      /\b(lampion\w* spent\w*|spent\w* da|non (e stat[oaie] |sono stat[ie] |l'hanno |li hanno |la hanno )?(raccolt|ritirat|svuotat)\w*|non (la|li|le|lo) ritirano|rifiuti abbandonat\w*|da (giorni|settimane|mesi|anni)|da (un|una) (mese|settimana|anno)|da (due|tre|quattro|cinque|sei|sette|otto|dieci|\d+) (giorni|settimane|mesi|anni)|ancora (niente|nulla|nessun\w*|senza|chius\w*|rott\w*|spent\w*|in ritardo|non)|nessuno (interviene|fa niente|risponde|ripara|pulisce|passa|ha ancora|lo sistema|li sistema|la sistema)|(non )?rispond\w* (mai )?nessuno|non rispond\w*|squilla a vuoto|nessuna risposta|(non ho|senza) (avuto|ricevuto)? ?(nessuna )?risposta|segnalo|ho segnalato|disservizi\w*|non funzion\w*|(alber\w*|ram[oi]|pal[oi]|cartell\w*|calcinacci|cornicion\w*|intonaco) (\S+ ){0,3}cadut\w*|cadut\w* (un|l'|il|la|dei|degli|delle) ?(alber|ram|pal|cartell|calcinacc|cornicion|intonac)\w*|non va (da|piu)|fuori servizio|non passa|non (e|sono) passat\w*|non e arrivat\w*|in ritardo|soppress\w*|guast\w*|rott[oaie]\b|allagat\w*|allagament\w*|si allaga|intasat\w*|otturat\w*|degrado|sporc(o|a|hi|he|izia)\b|perdita d'acqua|perde acqua|senza (acqua|luce|corrente|riscaldamento|illuminazione|segnaletica|strisce|manutenzione)|acqua (marron\w*|gialla|torbida|sporca)|(tari|imu|bolletta|avviso|sollecito)\b[^.?!]{0,30}\b(doppi[oa]|sbagliat\w*|errat\w*|gia pagat\w*)|nessun controllo|mai un controllo|pericolant\w*|inagibil\w*|impraticabil\w*|dissestat\w*|non (si )?(puo|possiamo) (piu )?(andare|vivere|continuare|passare|entrare)|(gia|l'ho gia|ho gia) (fatto|segnalat\w*|chiamat\w*|scritt\w*|mandat\w*|inviat\w*)( [\w']+){0,4} (giorni|settimane|mesi) fa|(chiamat|scritt|segnalat|telefonat|mandat)\w* (\S+ ){0,3}(tre|quattro|cinque|\d+|piu|mille) volte|e possibile intervenire|potete intervenire|qualcuno (puo|potrebbe) intervenire)/,
    resolved:
      /\b(grazie (per|di) (aver|avere|averci) (subito )?(sistemat|riparat|risolt|ripulit|pulit|tolt|rimess|sostituit|aggiustat|rifatt|asfaltat|potat)\w*|(finalmente|hanno|avete|e stat[oaie]|sono stat[ie]) (gia )?(sistemat|riparat|risolt|ripulit|tolt|rimess|sostituit|aggiustat|rifatt|asfaltat|potat|svuotat|riacces)\w*)/,
    stillThere: /\b(ma|pero|ancora|di nuovo|gia|dopo (un|due|tre|pochi) (giorn|settiman|mes)\w*)\b/,
    problemNouns: /\b(buc(a|he)|voragin\w*)\b/,
    tookTime: /\b(solo|soltanto|appena|ben|ci (sono voluti|hanno messo|e voluto)) (\w+ ){0,2}(giorni|settimane|mesi|anni) (per|a)\b/,
    objects:
      /\b(lampion\w*|lampadin\w*|luci|illuminazion\w*|cassonett\w*|bidon\w*|cestin\w*|campan[ae] del vetro|marciapied\w*|strisce|segnaletic\w*|cartell\w*|semafor\w*|fermat\w*|pensilin\w*|tombin\w*|caditoi\w*|fogn\w*|strad\w*|asfalt\w*|parco|parchi|giardin\w*|giochi|scivol\w*|altalen\w*|panchin\w*|fontan\w*|bagni|alber\w*|rami|sottopass\w*|ponte|ringhier\w*|transenn\w*|autobus|bus|tram|treno|navetta|scuolabus|mensa|ascensor\w*|parchegg\w*|sbarra|rubinett\w*|acqua|riscaldament\w*|wifi|sito|portale|app|numero verde|sportell\w*|ufficio|urp|raccolta|rifiuti|spazzatura|immondizia|sacchi|ciclabil\w*|cimitero|campetto|campo sportivo|palestra|piscina|biblioteca|scuola|nido|tabellon\w*|pali|verde pubblico|area cani|foglie|erba|appuntament\w*|prenotazion\w*)\b/,
    states:
      /\b(sempre pien\w*|pien[oaie] (di|da) (rifiuti|spazzatura|immondizia|sacchi|buche|erbacce|sporcizia|bottiglie|vetri|topi|zanzare|siringhe|escrementi|fango|foglie|cartacce|scritte|crepe)|stracolm\w*|trabocc\w*|non si ved\w*|non potat\w*|manca(no)?\b(?! (poco|solo|ancora|pochi|qualche|un giorno|una settimana|un mese))|bucat\w*|non c'e piu|non ha piu|non hanno piu|spent\w*|si accende e si spegne|buio|al buio|rott\w*|guast\w*|sfondat\w*|sconness\w*|staccat\w*|abbattut\w*|divelt\w*|stort\w*|arrugginit\w*|si muove|crepat\w*|si sta sgretol\w*|si e (gia )?riapert\w*|otturat\w*|sporc\w*|puzz\w*|alt[ao] un metro|erba alta|altissima|abbandonat\w*|chius\w* da (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|mesi|settimane|giorni|anni|un|una|tempo)|sempre chius\w*|sempre occupat\w*|occupat\w* da chi|non (va|vanno)\b(?! bene)|errore|si blocca|bloccat\w*|scivolos\w*|pericolos\w*|dat[oaie] alle fiamme|incendiat\w*|non (sono|vengono|e|viene) (raccolt|puli|potat|ridipint|tolt|sistemat|riparat)\w*|nessuno (lo|la|li|le)? ?(ha )?(ancora )?(tolt|rimess|sistemat|riparat|spalat)\w*|nessuno ha (ancora )?(tolto|rimesso|spalato|sistemato)|ovunque|dappertutto|escrementi|siringhe|topi|vetri|annullat\w*|saltat\w*|non (l'|le |li |lo |la )?(hanno|ha) ancora|sospes\w*|non (e |sono )?illuminat\w*|segna sempre|non arriva mai|squilla|a vuoto|solo impiegato|da (due|tre|\d+) ore)\b/,
    persistence:
      /\b(anche (oggi|stamattina|stasera|stavolta|ieri)|ancora|sempre|di nuovo|ennesim\w*|ogni (volta|giorno|notte|mattina|sera)|tutti i giorni|di fila|(seconda|terza|quarta|ennesima) volta|da (ieri|stamattina|maggio|gennaio|un mese|una settimana)|mai)\b/
  },
  en: {
    asks:
      /\b(does anyone know|anyone know|i'd like to know|i would like to know|wondering (if|whether|how|when)|can someone tell|please advise|who do i (contact|call|report))\b/,
    opening:
      /(^|[.!\n]\s*)(how|when|where|which|what time)\s+(do|does|can|is|are|will|should)\b/,
    notAsking:
      /\b(who cares|why does it take|how hard is it|are you kidding|are you serious|seriously\?|what'?s wrong with|what is wrong with|how many more)\b/,
    toCitizens:
      /\b((has |have )?(anyone|anybody) (seen|lost|found|know a|recommend)|you coming|are you coming|check this out|who'?s coming)\b/,
    complaint:
      /\b(broken|(hasn'?t|haven'?t|wasn'?t|weren'?t) [\w ]{0,25}(collected|picked up|fixed|repaired|replaced|cleaned)|not working|doesn'?t work|hasn'?t been|haven'?t been|for (days|weeks|months)|for (two|three|\d+) (days|weeks|months)|still (no|not|waiting|broken)|no one (answers|ever picks up|picks up|cares|came)|nobody (answers|came|fixed)|never (showed|came|replaced|fixed)|out for|is out|are out|reporting|report(ed)? (a|this|it)|flooded|floods|overflowing|delayed|cancell?ed|late again|\d+ minutes late|is down|clogged|filthy)\b/,
    objects:
      /\b(streetlights?|lights?|bins?|trash|garbage|recycling|sidewalks?|crosswalks?|signs?|traffic lights?|bus|stop|drains?|roads?|streets?|park|playground|swings?|slides?|benches|restrooms?|trees?|branches|underpass|website|office|hotline|line)\b/,
    states:
      /\b(overflowing|full|faded|gone|missing|cracked|broken|stuck|dangerous|covered in|everywhere|never replaced|out)\b/,
    persistence: /\b(again|still|always|every (day|time|morning)|never)\b/,
    resolved: /\b(thanks? (you )?for (fixing|repairing|cleaning|replacing|removing)|(finally|you|they) (fixed|repaired|cleaned|replaced|removed))\b/,
    stillThere: /\b(but|still|again|already)\b/,
    problemNouns: /\bpotholes?\b/,
    tookTime: /\b(only|just) (\w+ ){0,2}(days|weeks|months|years) to\b/
  }
};

/** Organisation handles ("@ComuneBorgoverde", "@CityOfBoston"): a text opening with one is addressed to the organisation. */
export const INSTITUTIONAL_HANDLE =
  /(comune|citta|municipio|regione|provincia|prefettura|urp|polizia|vigili|sindac|protezionecivile|asl|atac|atm|gtt|amt|tper|trenord|city|county|council|police|transit|gov)/i;
