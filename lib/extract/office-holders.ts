// Heads of state and government (and US vice presidents and secretaries of state) since 2000, with
// their country: general knowledge, taken from the public lists of office holders of each country
// (e.g. Wikipedia's "List of heads of state and government" pages). News names them without saying
// where they are from ("Merkel said"). A name is matched on its first and last word only.
import { firstAndLast } from "./speakers";

const HOLDERS: Record<string, string> = {
  US: `George W. Bush|Dick Cheney|Barack Obama|Joe Biden|Donald Trump|Mike Pence|Kamala Harris|JD Vance|Bill Clinton|Al Gore
    |Colin Powell|Condoleezza Rice|Hillary Clinton|John Kerry|Rex Tillerson|Mike Pompeo|Antony Blinken`,
  GB: `Tony Blair|Gordon Brown|David Cameron|Theresa May|Boris Johnson|Liz Truss|Rishi Sunak|Keir Starmer`,
  DE: `Gerhard Schröder|Angela Merkel|Olaf Scholz|Friedrich Merz|Frank-Walter Steinmeier|Joachim Gauck`,
  FR: `Jacques Chirac|Nicolas Sarkozy|François Hollande|Francois Hollande|Emmanuel Macron`,
  IT: `Silvio Berlusconi|Romano Prodi|Matteo Renzi|Mario Draghi|Giorgia Meloni`,
  RU: `Vladimir Putin|Dmitry Medvedev`,
  CN: `Hu Jintao|Wen Jiabao|Xi Jinping|Li Keqiang|Li Qiang`,
  JP: `Junichiro Koizumi|Shinzo Abe|Yoshihiko Noda|Yoshihide Suga|Fumio Kishida|Shigeru Ishiba|Sanae Takaichi`,
  IN: `Manmohan Singh|Narendra Modi`,
  CA: `Stephen Harper|Justin Trudeau|Mark Carney`,
  MX: `Vicente Fox|Felipe Calderón|Felipe Calderon|Enrique Peña Nieto|Andrés Manuel López Obrador|Claudia Sheinbaum`,
  BR: `Luiz Inácio Lula da Silva|Dilma Rousseff|Michel Temer|Jair Bolsonaro`,
  AU: `John Howard|Kevin Rudd|Julia Gillard|Tony Abbott|Malcolm Turnbull|Scott Morrison|Anthony Albanese`,
  IL: `Ariel Sharon|Ehud Olmert|Benjamin Netanyahu|Naftali Bennett|Yair Lapid`,
  TR: `Recep Tayyip Erdogan|Recep Tayyip Erdoğan`,
  IR: `Mohammad Khatami|Mahmoud Ahmadinejad|Hassan Rouhani|Ebrahim Raisi|Masoud Pezeshkian|Ali Khamenei`,
  UA: `Viktor Yushchenko|Viktor Yanukovych|Petro Poroshenko|Volodymyr Zelensky|Volodymyr Zelenskyy`,
  KP: `Kim Jong Il|Kim Jong Un`,
  KR: `Roh Moo-hyun|Lee Myung-bak|Park Geun-hye|Moon Jae-in|Yoon Suk Yeol|Lee Jae-myung`,
  SY: `Bashar al-Assad`,
  EG: `Hosni Mubarak|Mohamed Morsi|Abdel Fattah el-Sisi`,
  PS: `Mahmoud Abbas`,
  VE: `Hugo Chávez|Hugo Chavez|Nicolás Maduro|Nicolas Maduro`,
  PH: `Rodrigo Duterte|Ferdinand Marcos Jr.`,
  HU: `Viktor Orbán|Viktor Orban`,
  PL: `Donald Tusk|Andrzej Duda`,
  SA: `Mohammed bin Salman`,
};

const byFirstAndLast = new Map<string, string>();
for (const [code, list] of Object.entries(HOLDERS)) {
  for (const name of list.split("|").map((n) => n.trim())) {
    const key = firstAndLast(name);
    if (key) byFirstAndLast.set(key, code);
  }
}

/** Surnames that name one office holder's country only ("Merkel"): a shared surname with two countries maps to none. */
const bySurname = new Map<string, string | null>();
for (const [key, code] of byFirstAndLast) {
  const surname = key.split(" ").pop() ?? "";
  const known = bySurname.get(surname);
  bySurname.set(surname, known === undefined || known === code ? code : null);
}

// Titles under which a bare surname is taken to be the office holder ("President Obama", "Chancellor Merkel").
const HIGH_OFFICE = /\b(?:President|Prime Minister|Chancellor|Premier|Secretary of State|Vice President)\b/i;

/**
 * The country of a head of state or government named in full ("Angela Merkel", "Barack H. Obama"),
 * or by surname under a high office's title ("President Obama"); otherwise null.
 */
export function officeHolderCountry(name: string, role: string | null = null): string | null {
  const key = firstAndLast(name);
  if (key) return byFirstAndLast.get(key) ?? null;
  return role && HIGH_OFFICE.test(role) ? (bySurname.get(name.toLowerCase()) ?? null) : null;
}
