// Word lists the rule engine matches against: reporting verbs, response cues, roles, outlets,
// organization words and the small concept table used to compare what two statements are about.

function forms(spec: string): string[] {
  // "say said says saying|add added adds adding" → flat list of every written form.
  return spec.split(/[|\s]+/).filter(Boolean);
}

/** "pointed out that …": a phrasal reporting verb, read as one cue. */
export const POINT_OUT = ["point out", "points out", "pointed out", "pointing out"];

/** Verbs that report content only with "that" or closing an inverted sentence: "reported that …", "…, the Journal reported." */
export const THAT_ONLY_VERBS = new Set(forms("report reported reports reporting"));

/** Verbs that introduce reported or quoted speech, in all the forms news prose uses. */
export const SPEECH_VERBS = new Set(
  forms(`say said says saying|add added adds adding|state stated states stating|tell told tells telling
  claim claimed claims claiming|argue argued argues arguing|insist insisted insists insisting
  deny denied denies denying|stress stressed stresses stressing|emphasize emphasized emphasizes emphasizing
  emphasise emphasised emphasises emphasising|reiterate reiterated reiterates reiterating
  suggest suggested suggests suggesting|propose proposed proposes proposing|press pressed presses pressing
  urge urged urges urging|warn warned warns warning|note noted notes noting|explain explained explains explaining
  assert asserted asserts asserting|maintain maintained maintains maintaining
  acknowledge acknowledged acknowledges acknowledging|admit admitted admits admitting
  counter countered counters countering|contend contended contends contending
  declare declared declares declaring|announce announced announces announcing
  predict predicted predicts predicting|vow vowed vows vowing|promise promised promises promising
  pledge pledged pledges pledging|accuse accused accuses accusing|reply replied replies replying
  respond responded responds responding|retort retorted retorts retorting|write wrote writes writing
  tweet tweeted tweets tweeting|concede conceded concedes conceding|remark remarked remarks remarking
  complain complained complains complaining|allege alleged alleges alleging|confirm confirmed confirms confirming
  repeat repeated repeats repeating|recall recalled recalls recalling|ask asked asks asking
  question questioned questions questioning|reject rejected rejects rejecting|dismiss dismissed dismisses dismissing
  dispute disputed disputes disputing|refute refuted refutes refuting|agree agreed agrees agreeing
  caution cautioned cautions cautioning|observe observed observes observing|joke joked jokes joking
  continue continued continues continuing|demand demanded demands demanding|estimate estimated estimates estimating
  conclude concluded concludes concluding|insinuate insinuated|signal signaled signalled signals|hint hinted hints hinting
  report reported reports reporting`).concat(POINT_OUT),
);

/** Verbs whose object is reported content even without "that" ("reiterated the importance of …"). */
export const OBJECT_CONTENT_VERBS = new Set(
  forms(`reiterate reiterated reiterates reiterating|stress stressed stresses stressing|emphasize emphasized emphasizing
  emphasise emphasised emphasising|suggest suggested suggests suggesting|propose proposed proposes proposing
  press pressed presses pressing|urge urged urges urging|deny denied denies denying|predict predicted predicting
  demand demanded demanding|pledge pledged pledging|promise promised promising|vow vowed vowing|warn warned warning
  confirm confirmed confirming|acknowledge acknowledged acknowledging|admit admitted admitting|announce announced announcing
  estimate estimated estimating|signal signaled signalled|hint hinted`),
);

/** Verbs that only ever attach to a quotation ("questioning, “…”", "“…,” he asked"). */
export const QUOTE_ONLY_VERBS = new Set(
  forms(`ask asked asks asking|question questioned questions questioning|joke joked jokes joking
  continue continued continues continuing|tweet tweeted tweets tweeting|write wrote writes writing|reply replied replies replying
  retort retorted retorting|remark remarked remarking|observe observed observing`),
);

/** Verbs of belief: what someone thinks is a claim too ("he believes the government is …"), never a quote's cue. */
export const BELIEF_VERBS = new Set(
  forms(`believe believed believes|think thinks thought|fear feared fears|doubt doubted doubts|worry worried worries|suspect suspected suspects
  contend contends|imply implied implies|assure assured assures|insinuate insinuated`),
);

/** Verbs whose content is a whole statement only when followed by "that" or a clause. */
export const CLAUSE_VERBS = new Set(
  forms(`believe believed believes|think thinks thought|fear feared fears|doubt doubted doubts|worry worried worries|suspect suspected suspects
  imply implied implies|assure assured assures|say said says saying|add added adds adding|state stated states stating|tell told tells telling
  claim claimed claims claiming|argue argued argues arguing|insist insisted insists insisting|note noted notes noting
  explain explained explains explaining|assert asserted asserts asserting|maintain maintained maintains maintaining
  contend contended contends contending|declare declared declares declaring|concede conceded concedes conceding
  complain complained complains complaining|allege alleged alleges alleging|repeat repeated repeating|recall recalled recalling
  agree agreed agrees agreeing|caution cautioned cautioning|conclude concluded concluding|counter countered counters countering
  respond responded responds responding|accuse accused accuses accusing|reject rejected rejecting|dismiss dismissed dismissing
  dispute disputed disputing|refute refuted refuting`).concat(POINT_OUT),
);

export const REBUT_VERBS = new Set(
  forms(`counter countered counters countering|reject rejected rejects rejecting|dismiss dismissed dismisses dismissing
  deny denied denies denying|dispute disputed disputes disputing|refute refuted refutes refuting
  rebut rebutted rebuts rebutting|contradict contradicted contradicts contradicting|challenge challenged challenges challenging`),
);
export const SUPPORT_VERBS = new Set(
  forms(`agree agreed agrees agreeing|back backed backs backing|echo echoed echoes echoing|endorse endorsed endorses endorsing
  support supported supports supporting|welcome welcomed welcomes welcoming|concur concurred concurs concurring`),
);

/** Verbs that judge someone for something they said or did: "accused him of lying", "praised Khan for …". */
export const JUDGE_VERBS = new Set(
  // Past, participle and third-person forms only: "attack", "praise" or "thanks" alone are nouns as often as verbs.
  forms(`accused accuses accusing|criticized criticizes criticizing|criticised criticises criticising|blamed blames blaming
  praised praises praising|faulted faulting|slammed slams slamming|chided chiding|rebuked rebuking|condemned condemns condemning
  denounced denounces denouncing|commended commending|lambasted lambasting|scolded scolding|berated berating|thanked thanking
  credited crediting|attacked attacking|mocked mocking|ridiculed ridiculing|knocked knocking|blasted blasting|decried decrying
  assailed assailing|excoriated excoriating|chastised chastising|castigated castigating|derided deriding|hailed hailing|lauded lauding`),
);

/** Verbs that report a characterization only with "as": "portrayed Trump as a nasty candidate", "defended his comments as sarcastic". */
export const LABEL_AS_VERBS = new Set(
  forms(`portrayed portrays portraying|cast casting|characterized characterizes characterizing|characterised characterising
  depicted depicts depicting|painted paints painting|defended defends defending`),
);

/**
 * Base forms of the judging and labelling verbs: nouns as often as verbs ("the blame", "an attack"), so
 * read as verbs only after "to", a modal or an adverb, or a plural subject ("continued to portray …",
 * "often blame China for …", "rivals deride it as …").
 */
export const JUDGE_BASE_VERBS = new Set(
  forms(`accuse blame criticize criticise deride derides slam mock condemn denounce ridicule lambaste fault chide rebuke
  portray characterize characterise depict`),
);
/** The base forms above that take their description with "as" only. */
export const LABEL_AS_BASE_VERBS = new Set(forms(`portray characterize characterise depict`));

/** Nouns naming someone else's words: "countered the claim", "rejected the remarks". */
export const CLAIM_NOUNS = /^(?:claims?|assertions?|remarks?|comments?|allegations?|accusations?|charges?|criticism|suggestions?|statements?|notion|idea|argument|characteri[sz]ation|report|reports|suggestion|account|version|position|stance|assessment|views?|narrative|description|portrayal|warnings?|threats?|proposals?|call|calls|demands?|findings|conclusions?)$/i;
/** The claim nouns and the attacks a response answers, as a group to build patterns from ("rejected Holt's criticisms that …"). */
export const ANSWERED_NOUN = String.raw`(?:${CLAIM_NOUNS.source.replace(/^\^|\$$/g, "")}|attacks?|criticisms)`;

/** Sentence-level phrases that mark a response to an earlier statement. */
export const RESPONSE_PHRASE = /\b(?:in response|responding to|in reply|reacting to|in a rebuttal|hit back|pushed back|shot back|fired back)\b/i;
export const REBUT_PHRASE = /\b(?:hit back|pushed back|shot back|fired back|in a rebuttal|took issue)\b/i;

/** Participles and prepositions that may follow a verb before its "that": "said Thursday in the Oval Office that". */
export const ADVERBIAL_WORD = /^(?:on|in|at|to|after|before|during|from|with|by|for|of|the|a|an|last|this|next|earlier|later|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|morning|afternoon|evening|night|reporters|journalists|parliament|congress|statement|interview|press|conference|news|briefing|speech|post|social|media|an|his|her|their|its|oval|office|house|white|meeting|summit|also|again|repeatedly|separately|publicly|privately|told|\p{Lu}[\p{L}.’'-]*)$/u;

/** Auxiliaries and adverbs allowed between a subject and its reporting verb. */
export const SUBJECT_GAP_WORD = /^(?:has|have|had|did|does|do|itself|himself|herself|themselves|long|since|always|still|here|also|previously|repeatedly|later|again|further|then|once|already|reportedly|publicly|privately|recently|separately|earlier|subsequently|immediately|quickly|firmly|flatly|angrily|simply|only|even|would|will|has\s+also|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|last|week|\w+ly)$/i;

export const PRONOUNS_PERSON = /^(?:he|she|He|She)$/;
export const PRONOUNS_GROUP = /^(?:they|They|we|We)$/;

/** Capitalized words that start sentences but never start a name. */
export const NON_NAME_WORDS = new Set(
  `The A An In On At But And Or While When After Before Despite Under Currently However Meanwhile Still Yet So If As For
  With Without This That These Those It He She They We I You His Her Their Our My Its Last Next Earlier Later Also Even
  Since Although Though Because During Over From To By Of According Asked Speaking Some Many Most Other Both Each Every
  All No Not Now Then Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
  March April May June July August September October November December Breaking News Update Sources Here There What Who
  Why How Where Which Do Does Did Is Are Was Were Be Has Have Had Will Would Can Could Should Must May Might Just Only
  Yes Oh Well Sure Thanks Please Talking Approximately About Around Nearly Almost More Less Such Another Any Several
  Meanwhile Instead Indeed Perhaps Maybe Once Until Unless Whether Among Between Against Through Across Into Onto Upon
  Like Unlike Including Following Amid Amidst Regarding Concerning Per Via Mr Mrs Ms Dr Mr. Mrs. Ms. Dr.
  Tens Hundreds Thousands Millions Dozens Scores One Two Three Four Five Six Seven Eight Nine Ten
  Eleven Twelve Fifteen Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Half Percent
  Back Likewise Similarly Additionally Moreover Furthermore Nevertheless Nonetheless Overall Ultimately Finally Separately
  Afterward Afterwards Again Already Initially Originally Eventually Recently Previously Notably Ironically Apparently
  Specifically Thus Therefore Otherwise Consequently Accordingly Regardless Anyway Besides Plus`.split(/\s+/),
);

export const HONORIFICS = new Set(["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady"]);

/** Title words: a head makes a role; modifiers only extend one ("Chief Cabinet Secretary"). */
export const ROLE_HEADS = new Set(
  `President Minister Secretary Chancellor Premier Senator Sen. Representative Rep. Congressman Congresswoman Governor
  Gov. Mayor Ambassador Spokesman Spokeswoman Spokesperson Chairman Chairwoman Chair CEO Director Commissioner General
  Gen. Admiral Adm. Colonel Col. Lieutenant Captain Judge Justice Speaker Leader King Queen Prince Princess Emperor Pope
  Secretary-General Envoy Lawmaker Chief Adviser Advisor Spokesperson Treasurer Attorney Prosecutor Mufti Ayatollah
  Sheikh Emir Sultan President-elect Councillor Councilor Deputy Minister-President Taoiseach Commander Executive Officer
  Delegate Negotiator Whip Advocate Lt. Capt. Sgt. Maj. Cmdr. Lt Capt Sgt Cmdr Senators Sens. Sens Representatives Reps.
  Governors Govs. Archbishop Bishop Cardinal Rabbi Imam Pastor Reverend`.split(/\s+/),
);
export const ROLE_MODIFIERS = new Set(
  `Vice Prime Deputy Chief Cabinet Foreign Defense Defence Finance Interior Home Trade Economy Economic Health Justice
  State Acting Former Senior Top Supreme Majority Minority Opposition Party Treasury Commerce Energy Education
  Environment Agriculture Transport Labor Labour Digital Press Security National Executive Executive Managing Assistant
  Under Associate First Grand Crown Military Army Navy Air Force Federal Regional Provincial Foreign Affairs Culture
  Industry Science Technology Immigration Climate Public Joint Staff Central Bank Governing Presidential
  Parliamentary Senate House Ruling Lord High Special Principal Permanent Safety Development Housing Veterans Social
  Welfare Tourism Sport Sports Youth Family Women Infrastructure Planning Local Communications Information Intelligence
  Homeland Emergency Natural Resources Fisheries Forestry Mining Petroleum Railways Aviation Maritime Budget Revenue
  Employment Pensions Relations International Cooperation Strategic Policy Housing Works Council`.split(/\s+/),
);

/** Lowercase role heads for appositives: "Name, the foreign minister, said". */
export const APPOSITIVE_ROLE = /^(?:(?:the|a|an)\s+)?((?:(?:[\p{L}’'-]+)\s+){0,4}?(?:president|prime minister|minister|secretary|chancellor|premier|senator|governor|mayor|ambassador|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chief executive|ceo|director|commissioner|general|admiral|judge|speaker|leader|envoy|lawmaker|adviser|advisor|secretary-general|king|queen|commander|chief|delegate|representative|negotiator))(?:\s+(?:of|for|at|to|with)\s+(?:the\s+)?([^,.;“”"]{1,60}?))?\s*(?=,|\.|$)/u;

export const KNOWN_OUTLETS = new Set(
  `AP|AP News|Associated Press|The Associated Press|Reuters|AFP|Agence France-Presse|BBC|BBC News|CNN|NHK|NHK World|Kyodo|Kyodo News|
  Bloomberg|The New York Times|New York Times|NYT|The Washington Post|Washington Post|The Guardian|Guardian|Al Jazeera|Fox News|
  NBC News|CBS News|ABC News|NPR|Politico|POLITICO|Axios|The Japan Times|Japan Times|Nikkei|Nikkei Asia|Financial Times|FT|
  The Wall Street Journal|Wall Street Journal|WSJ|The Economist|Sky News|Deutsche Welle|DW|France 24|Le Monde|Der Spiegel|
  Yonhap|Xinhua|TASS|RT|South China Morning Post|SCMP|The Hill|Newsweek|USA Today|Los Angeles Times|The Independent|
  The Telegraph|Daily Mail|Euronews|Anadolu|Times of India|Hindustan Times|The Times|CNBC|MSNBC|Vox|Asahi Shimbun|
  The Asahi Shimbun|Mainichi|Yomiuri|Yomiuri Shimbun|Japan Today|Korea Herald|The Korea Herald|Straits Times|
  The Straits Times|ABC|Sky|Haaretz|The Times of Israel|Times of Israel|Kyiv Independent|The Kyiv Independent|Le Figaro|
  El País|Der Standard|Süddeutsche Zeitung|Corriere della Sera|La Repubblica|CBC|CBC News|Global News|The Atlantic|
  Time|TIME|Forbes|Business Insider|Insider|HuffPost|Semafor|The Intercept|ProPublica|Breitbart|Newsmax|Daily Beast|
  The Daily Beast|Jiji|Jiji Press|Global Times|China Daily|People's Daily|Arab News|Gulf News|Dawn|The Hindu|NDTV`
    .split("|")
    .map((s) => s.trim()),
);

export const ORG_WORDS = /\b(?:Ministry|Department|Office|Party|Council|Commission|Agency|Committee|Government|Administration|Kremlin|White House|Pentagon|Parliament|Congress|Senate|Court|Bank|Fund|Union|Organization|Organisation|Association|Institute|University|Company|Corporation|Inc\.?|Corp\.?|Ltd\.?|Group|Forces|Army|Navy|Police|Embassy|Foundation|Alliance|Federation|League|Movement|Front|Authority|Board|Bureau|Service|Cabinet|Secretariat|Command|Coalition|Campaign|Center|Centre|Diet|Assembly|Chiefs|Reserve|Agency|Court|Tribunal|Network|Programme|Program|Ministries|Trust|Society|Institute)\b/;

/** Words that carry no topic when comparing two statements. */
export const STOPWORDS = new Set(
  `a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those
  there here they them their we us our you your he him his she her i me my not no so than then too very can could should
  would will just also about into over after before up down out off only more most some any all each both such what which
  who whom whose when where why how do does did done have has had having one ones just am said says say like get got way
  really mean know think going go come make made much many other others own same s t don wasn isn aren didn won doesn`.split(/\s+/),
);

/** Words that stand for the same idea when two people argue about it. */
export const CONCEPTS: Record<string, string> = {
  protect: "defend", protects: "defend", protected: "defend", protecting: "defend", protection: "defend",
  defend: "defend", defends: "defend", defended: "defend", defense: "defend", defence: "defend", security: "defend",
  guarantee: "defend", guarantees: "defend", bases: "defend", base: "defend", military: "defend",
  fortune: "benefit", benefit: "benefit", benefits: "benefit", benefiting: "benefit", benefitting: "benefit",
  profit: "benefit", profits: "benefit", gain: "benefit", gains: "benefit", advantage: "benefit", advantages: "benefit",
  economy: "economy", economic: "economy", economically: "economy", economies: "economy", trade: "economy",
  tariff: "tariff", tariffs: "tariff", duties: "tariff",
  war: "war", wars: "war", conflict: "war", invasion: "war", attack: "war", attacked: "war",
  help: "help", helped: "help", aid: "help", aids: "help", assist: "help", support: "help",
  lie: "false", lies: "false", lying: "false", false: "false", untrue: "false", wrong: "false",
  called: "call", call: "call", invoked: "call", invoke: "call",
};

/** Words that show a response takes the other side. */
export const CONTRAST_WORDS = /\b(?:not|no|never|nothing|neither|nor|isn’t|isn't|wasn’t|wasn't|don’t|don't|doesn’t|doesn't|didn’t|didn't|won’t|won't|can’t|can't|false|untrue|wrong|lies|lie|lying|nonsense|unlike|contrary|however|burden|imbalance|unilaterally|backstabs|misleading|baseless|unfounded|absurd|ridiculous|bullshit|shit|garbage|rubbish|nobody|made-up|fabricated|groundless|propaganda|warmongering|hypocritical|irresponsible|unacceptable|biased|smear|scaremongering|oppose|opposes|opposed|overstretch\w*|interfer\w*|politici[sz]\w*|slander\w*|bullying|protectionis\w*|coercion|paltry|joke|dead on arrival|non-?starter|reckless|disastrous|outrageous|shameful|disgrace\w*|insane|crazy)\b/i;

/** A commenter siding with what was quoted: "Heil is right though", "I agree". */
export const SUPPORT_WORDS = /\b(?:(?:is|are|was|were)\s+(?:right|correct|spot on)|i\s+agree|agreed|well said|exactly right|fair point)\b/i;
