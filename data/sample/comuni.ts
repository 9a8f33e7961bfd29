/** The three fictional comuni of the sample, their accounts and how busy they are. Mirrors data/config. */
export type SamplePlatform = "x" | "facebook" | "instagram" | "youtube" | "tiktok" | "telegram";

export interface Campaign {
  hashtag: string;
  start: string;
  end: string;
}

export interface ComuneSpec {
  entity_id: string;
  /** "Borgoverde": used in texts, handles and hashtags. */
  town: string;
  name: string;
  population: number;
  region: string;
  province: string;
  website: string;
  phone: string;
  /** Mean own posts per day on each platform the comune uses. */
  postsPerDay: Partial<Record<SamplePlatform, number>>;
  /** Mean citizens' comments per post, per platform (0: the format carries none). */
  commentsPerPost: Partial<Record<SamplePlatform, number>>;
  /** Probability that the comune answers a question or a complaint. */
  answerRate: number;
  citizens: number;
  /** Periods (local dates, inclusive) with no posts at all: the piccolo comune's silences. */
  silences: Array<[string, string]>;
  campaign: Campaign;
  accounts: {
    x: {id: string; handle: string; createdAt: string; followers: number};
    facebook: {id: string; handle: string; followers: number};
    instagram?: {id: string | null; handle: string; followers: number};
    youtube?: {id: string; handle: string; followers: number};
    tiktok?: {handle: string; followers: number};
    telegram?: {id: string; handle: string; followers: number};
  };
}

export const bio = "Account fittizio: dati sintetici generati per la demo di ascolto, nessuna persona reale.";

export const comuni: ComuneSpec[] = [
  {
    entity_id: "borgoverde", town: "Borgoverde", name: "Comune di Borgoverde", population: 182_400,
    region: "Lombardia", province: "Borgoverde", website: "https://www.comune.borgoverde.example",
    phone: "0310 123456",
    postsPerDay: {facebook: 1.4, x: 1.1, instagram: 0.5, telegram: 0.6, youtube: 0.1, tiktok: 0.14},
    commentsPerPost: {facebook: 10, x: 3, instagram: 5, youtube: 7},
    answerRate: 0.55, citizens: 900, silences: [],
    campaign: {hashtag: "BorgoverdeDifferenzia", start: "2025-03-01", end: "2025-03-31"},
    accounts: {
      x: {id: "487116320", handle: "ComuneBorgoverde", createdAt: "2011-03-14T09:12:44.000Z", followers: 4200},
      facebook: {id: "100064123456789", handle: "comunediborgoverde", followers: 38_500},
      instagram: {id: "17841400123456789", handle: "comune_borgoverde", followers: 12_300},
      youtube: {id: "UCbVx3kq9Lr2Tm5Wz8Np1aQA", handle: "@ComuneBorgoverde", followers: 2100},
      tiktok: {handle: "comune.borgoverde", followers: 5230},
      telegram: {id: "1987654321", handle: "borgoverde_comune", followers: 6400}
    }
  },
  {
    entity_id: "valdoria", town: "Valdoria", name: "Comune di Valdoria", population: 14_050,
    region: "Toscana", province: "Arnaldi", website: "https://www.comune.valdoria.example", phone: "0578 654321",
    postsPerDay: {facebook: 0.9, x: 0.5, instagram: 0.3},
    commentsPerPost: {facebook: 5, x: 1.5},
    answerRate: 0.4, citizens: 160, silences: [],
    campaign: {hashtag: "ValdoriaLegge", start: "2025-04-01", end: "2025-04-30"},
    accounts: {
      x: {id: "2871049365", handle: "ComuneValdoria", createdAt: "2014-11-02T16:40:10.000Z", followers: 930},
      facebook: {id: "100069876543210", handle: "comunedivaldoria", followers: 6100},
      instagram: {id: null, handle: "comune.valdoria", followers: 240}
    }
  },
  {
    entity_id: "roccamonte", town: "Roccamonte", name: "Comune di Roccamonte", population: 2_310,
    region: "Abruzzo", province: "Monteferro", website: "https://www.comune.roccamonte.example", phone: "0861 987654",
    postsPerDay: {facebook: 0.45, x: 0.15},
    commentsPerPost: {facebook: 4},
    answerRate: 0.3, citizens: 45,
    silences: [["2025-02-03", "2025-02-19"], ["2025-06-10", "2025-06-26"]],
    campaign: {hashtag: "RoccamonteSentieri", start: "2025-04-05", end: "2025-04-27"},
    accounts: {
      x: {id: "1598765432101234567", handle: "ComuneRoccamonte", createdAt: "2022-12-01T10:00:00.000Z", followers: 310},
      facebook: {id: "100071234567890", handle: "comunediroccamonte", followers: 1450}
    }
  }
];

/** Par condicio: institutional communication limited to what is essential (local dates, inclusive). */
export const electoralPeriods = [
  {entity_id: "", start: "2025-05-01", end: "2025-06-09", label: "Referendum abrogativi 8-9 giugno 2025 (periodo di esempio)"}
];
