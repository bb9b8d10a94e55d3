/**
 * How tenants describe emergencies, beyond the catalogue's own triggers: variants, misspellings and SMS style.
 * Data, not code: add a phrasing by adding a line. The phrase language is described in `phrasePattern.ts`
 * (`a|b` one of, `stem*` any ending, `word?` optional, `..N` up to N words between, `$` end of clause). Text is
 * normalised first (`normaliseTenantText`), so write "through" not "thru", "can't" not "cant", "toilet" not "loo",
 * "electric" not "lecky".
 *
 * Each entry names one of the catalogue's emergency ids; entries for an id the catalogue lacks are ignored.
 * When unsure, flag: a tenant asked one question too many is better off than one whose flood is booked in 20 days.
 */

export interface EmergencyLexiconEntry {
  emergencyId: string;
  phrases: readonly string[];
  /**
   * Words (in the phrase language: `a|b|stem*`) of which one must appear somewhere in the message for these phrases
   * to count, in any clause: "loo's blocked, we only have the one" is about the only toilet, "we only have the one
   * key" is not.
   */
  whenAlso?: string;
}

// Word groups shared by several phrases below; plain strings in the same phrase language.
const GAS = 'gas|gass|gaz|gassy';
const SMELL = 'smel*|smeel*|whiff|stink*|stench|odour|odor|reek*|pong*';
const WATER = 'water|warer|watter|wter|watr|wtr|woter';
const WATER_OR_RAIN = `${WATER}|rain|rainwater`;
const FLOWING =
  'com*|came|drip*|leak*|pour*|poring|run*|gush*|flow*|seep*|pissing|trickl*|getting|spurt*|cascad*|through';
const CEILING = 'ceiling|ceilings|ceilin|celing|cieling|ceilling|seiling';
const LIGHT = 'light|lights|lightfitting|lampshade|lamp|spotlight|spotlights|downlight|downlights';
const PIPE = 'pipe|pipes|pipework|main|mains|tank|hose|cylinder|radiator|rad|valve';
const POWER = 'power|electric|electricity|electrics|electrical';
const SOCKET = 'socket|sockets|plug|plugs|switch|switches|fuse|fuses|fusebox|fuseboard';
const DOORISH = 'front|back|external|outside|main|patio|entrance|rear|balcony|french|garden|flat';
const WONT = "won't|can't|doesn't|isn't|not|never|unable|couldn't";
/** Doors and locks inside the home or outbuildings: broken ones are repairs, not an open home. */
const INDOORS =
  'bathroom|toilet|bedroom|internal|inside|cupboard|wardrobe|shed|airing|cellar|loft|lounge|en|ensuite|wc|cubicle|fire|room|unit';
const BOILER = 'boiler|boilers|combi';
const TOILET = 'toilet|toilets|wc|bog|lavatory|lav';

export const EMERGENCY_LEXICON: readonly EmergencyLexiconEntry[] = [
  {
    emergencyId: 'gas',
    phrases: [
      `${SMELL} ..3 ${GAS}`,
      `${GAS} ${SMELL}|leak*|leek*|escap*|hiss*|fumes`,
      `leaking|leakin|escaping ${GAS}`,
      `leak|leaks of ${GAS}`,
      'hiss* ..4 gas|gass',
      `gas|gass hob|cooker|fire|meter|pipe|supply|tap ..2 leak*|hiss*|${SMELL}`,
      'rotten egg|eggs|eggy ..1 smell*',
      `${SMELL}|smel*|smells|smelling ..2 like|of ..1 rotten? egg|eggs`,
      'eggy|rotten egg|eggs smell*|stink*|stench|pong',
      "think*|suspect*|reckon|worried|might|could|maybe|probably|possibly ..3 it's|its|is|be|of? gas|gass $",
      'carbon mon*|diox*|monixide',
      'monoxide|monoxcide|monoxid',
      'co|co2|carbon ..1 alarm*|detector*|monitor*|sensor*',
      'gas alarm*|detector*|monitor*|sensor*',
      `fumes ..3 ${BOILER}|fire|heater|cooker|flue|gas`,
      `${BOILER}|fire|heater|flue ..3 fumes`,
    ],
  },
  {
    emergencyId: 'flood',
    phrases: [
      `${WATER} ..2 pour*|poring|gush*|pissing|cascad*|spurt*|flooding|everywhere`,
      `pour*|gush*|pissing ..2 in|through|from|out|down|into ..3 ${CEILING}|${LIGHT}|wall*|roof|everywhere|upstairs|above|${PIPE}`,
      `${WATER_OR_RAIN} ..2 ${FLOWING} ..4 ${CEILING}|${LIGHT}`,
      `${CEILING} ..2 leak*|drip*|pour*|gush*|bulg*|sag*|bowing|bowed|collaps*|caved|fallen|fell|pissing|soaked|soaking|sodden`,
      `${CEILING} ..4 bulg*|sag*|bowing|bowed|collaps*|caved`,
      `${CEILING} ..2 coming|come|came|fell|falling|caved down|in|through`,
      `collaps*|caved ..2 ${CEILING}|roof`,
      'roof ..2 collaps*|caved ..1 in|down?',
      'leak*|drip*|water|pour* ..3 from|through ..3 upstairs|above|neighbour*',
      'leak*|water|pour* ..4 from|through ..3 next door',
      `${LIGHT} ..2 full|filling|filled|fills ..2 water`,
      `burst|bursted|bust|busted|exploded|exploding ..2 ${PIPE}`,
      `spray*|spurt*|squirt*|gush*|pour*|pissing ..4 ${PIPE}|joint|joints|wall|walls`,
      `${PIPE} ..4 burst*|bust|busted|exploded|split|snapped|blown`,
      `leak*|drip*|pour*|gush*|pissing|trickl*|seep*|spurt* ..4 through|from|into ..2 ${CEILING}|${LIGHT}`,
      `${CEILING} ..4 drip*|leak*|pour*|gush*|pissing`,
      'flood|floods|flooded|flooding|floodin|flodded|floded|flooed|fludded|flooing|flodding|fooded',
      'under water|underwater',
      'inch|inches|ankle|knee ..1 of|deep ..1 water',
      "can't|unable|couldn't ..2 stop ..2 water|leak|leaking|flow",
      "can't|unable|couldn't ..2 turn|switch|shut ..3 water|mains|supply|stopcock ..2 off",
      "can't|unable|couldn't ..2 turn|switch|shut off ..2 water|mains|supply",
      `tap|taps|water|leak|pipe ..3 ${WONT}|wont be? stop|stopping|stopped`,
      `tap|taps|water|leak|pipe ..3 ${WONT}|wont be? turn*|shut*|switch*|go|going ..1 off`,
      "leak|leaks|leaking|water ..3 can't|won't|unable|couldn't ..2 contain*|control*|stop*|catch*",
      'uncontrol*|uncontainable|uncontrolable|unstoppable ..2 leak*|water|flood*',
      'water all over the place|house|flat|home',
    ],
  },
  {
    emergencyId: 'electrical',
    phrases: [
      'spark|sparks|sparking|sparked|sparkin|sparkes',
      `${SOCKET} ..3 flash*|bang*|pop|popped|popping|crackl*|buzz*|smok*|melt*|burn*|scorch*|fizz*|arcing|arced`,
      'socket|sockets|plug|plugs ..2 hot|red|warm',
      `burning|burnt|burned|melting|melted|scorch*|smok* ..3 smell*|${SOCKET}|wire*|wiring|cable*|${LIGHT}|meter`,
      `${SMELL} ..2 of? burning|electrical|burnt|melting|plastic`,
      'exposed|bare|live|loose|hanging|dangling|frayed|naked ..2 wire*|wiring|cable*',
      'wire*|wiring|cable* ..3 exposed|hanging|sticking|dangling|showing|bare|frayed|burnt|melted|live',
      'electric|electrical shock*',
      'electrocut*',
      'got|get|gave|getting|had|give|gives|giving ..3 shock|shocks',
      'shock|shocks ..2 off|from|when',
      'shocked me|us|him|her|my',
      `${WATER} ..4 ${SOCKET}|electrics|consumer`,
      'electric|electrics|electrical|socket|sockets|plug|plugs ..2 wet|soaked|soaking|under water',
      `no|without|lost|lose|losing|zero all? the? ${POWER} $`,
      `no|without|lost|lose|losing|zero all? the? ${POWER} ..1 at all|anywhere|whatsoever|throughout|everywhere`,
      `no|without|lost|lose|losing|zero all? the? ${POWER} ..3 whole|entire|house|flat|home|property|bungalow|maisonette|place`,
      `no|without|lost ${POWER} ..1 since|for ..3 hour*|hrs|day*|morning|night|yesterday|today|last|ages|week*|2|3|4|5|6|two|three`,
      `${POWER}|lights|everything ..2 gone|go|went|off|out|died|cut|tripped|down|dead ..4 whole|entire|everywhere|house|flat|home|property|all|place`,
      `${POWER} ..1 gone|went|off|out|cut|dead|died $`,
      `all|whole|entire ..2 ${POWER}|lights ..2 gone|off|out|died|cut|tripped|dead|went`,
      `trip|trips|tripswitch|fuse|fuses|fusebox|rcd|breaker ..4 ${WONT}|wont|keeps ..1 reset|back|stay|staying|trip*`,
      `${POWER}|lights ..2 keeps|keep|keeps on ..1 tripping|tripping out|cutting|going|dropping ..1 out|off?`,
      `nothing|none ..4 has|have|got|getting ..1 any? ${POWER}`,
      `no ${POWER} anywhere`,
    ],
  },
  {
    emergencyId: 'insecure',
    phrases: [
      `${DOORISH} door|doors ..3 ${WONT}|wont ..2 lock*|secur*|close|closing|shut|shutting|latch*`,
      `door|doors ..3 ${WONT}|wont ..2 lock|locking|locked|secure|secured`,
      "can't|unable|couldn't ..2 get ..3 door|it ..1 to? lock|shut|close",
      "can't|unable|couldn't ..1 secure ..3 door|house|flat|home|property|place|window|it",
      "home|house|flat|property|door|doors|window ..2 not|isn't|aren't ..1 secure|secured",
      'insecure|unsecure|unsecured',
      `${DOORISH} door|doors ..2 lock|locks ..3 broken|bust|busted|snapped|jammed|smashed|broke|missing|hanging|fell|fallen`,
      `lock|locks ..2 on|of ..2 ${DOORISH}? door ..3 broken|bust|busted|snapped|jammed|smashed|broke|missing`,
      'broken|bust|busted|snapped|jammed|smashed lock|locks ..3 door',
      'lock|locks ..2 jammed|seized|broken|snapped|bust|busted|smashed',
      `key|keys ..2 ${WONT} ..1 turn*|work*|go|fit`,
      'key|keys ..2 snapped|broke|broken|stuck ..3 lock|door',
      'door|doors ..4 kicked|booted|forced|bashed|smashed|rammed|caved ..1 in|down|open|off|through?',
      'kicked|booted|forced|force|forcing|bashed|smashed|rammed|jemmied ..3 door|doors|lock|locks|window|windows',
      'kicked|booted|forced|bashed|jemmied|rammed ..1 in|open|entry',
      'broken|broke|break|breaking into',
      'been|got|was|were|we|they|someone|somebody|who|had|a|attempted ..1 broken|broke|break|breaking in',
      'breakin',
      'burgl*|burglar*|burgal*|robbed|robbery|intruder*|ransacked',
      'someone|somebody|intruder|intruders ..2 got|get|tried|trying|broke|break ..3 in|into',
      'window|windows|glass|pane|panes|windowpane|glazing ..2 smashed|shattered|caved|bricked|broken|broke|put ..1 in|through?',
      'smashed|shattered|broken|broke|bricked ..3 window|windows|glass|pane|panes|windowpane',
      'brick|bricks|stone|stones|rock|rocks|ball|something thrown? through ..2 window|windows|glass|pane|panes',
      `${DOORISH} door|doors ..3 hanging|come|came|fallen|falling off`,
      'door frame|doorframe ..2 smashed|split|broken|kicked|damaged|cracked|hanging',
      'doorframe|frame ..2 smashed|split|kicked',
    ],
  },
  {
    emergencyId: 'no-heating',
    phrases: [
      `no|without|lost|zero heating|heat|heatin|heater and|or|nor|plus ..1 no? hot ${WATER}`,
      `no heating|heat|heatin ,? no hot ${WATER}`,
      `no|without|lost hot ${WATER} and|or|nor|plus ..1 no? heating|heat|heatin`,
      `no hot ${WATER} ,? no heating|heat|heatin`,
      `heating|heat and|or|nor|, hot ${WATER} ..3 ${WONT}|gone|off|broken|down|dead|stopped|packed|failed|out`,
      `neither heating|heat nor hot ${WATER}`,
      `${BOILER} ..3 dead|died|kaput|packed|conked|broke|broken|bust|busted|failed|gone|stopped`,
      `${BOILER} ..3 not|isn't|won't|doesn't|never ..1 work*|fire|firing|start*|light*|ignit*|going`,
      `${BOILER} ..3 ${WONT} ..1 turn*|switch*|come|coming on`,
    ],
  },
  {
    emergencyId: 'toilet',
    phrases: [
      `only|sole ..2 ${TOILET}`,
      `only ..2 one|1 ${TOILET}`,
      `${TOILET} ..6 the? only one|1`,
      `no|not|don't|haven't other|another|second|spare ${TOILET}`,
      `don't|haven't|not ..1 have|got ..2 another|other|second|spare ${TOILET}`,
      `${TOILET}|pan ..2 overflowing|overflowed|overflows|overflowin|spilling|backing|backed|bubbling`,
      `${TOILET}|pan ..2 coming back up`,
      'sewage|sewerage|sewer|sewers|sewige|sewidge|sewarge|sewege',
      'poo|poop|faeces|feces|excrement|waste|muck|filth ..2 coming|come|came|backing|backed|bubbling|rising ..1 up|back|out|through',
      'poo|poop|faeces|feces|excrement ..2 everywhere|overflowing|all',
      'dirty|black|brown|smelly|foul water ..2 coming|backing|bubbling|rising ..1 up|back',
      `can't|unable|couldn't ..1 use ..2 ${TOILET}`,
      `${TOILET} ..2 unusable|unuseable|out of order|out of action`,
    ],
  },
  {
    emergencyId: 'toilet',
    whenAlso: `${TOILET}|pan|flush`,
    phrases: [
      'only ..1 have|got|has ..1 the|one one|1 $',
      'just ..1 the one $',
      'only one|1 ..1 in the? house|flat|home|property|place|bungalow|maisonette',
      'only one|1 $',
      "it's|its|that's|thats|is the only one",
      `no|not|don't|haven't|without ..2 other|another|second|spare one $`,
    ],
  },
];

/**
 * Routine repairs that read like emergencies. A match of the named emergency is dropped when one of these phrases
 * covers some of the same words — "tap won't turn off fully" is a dripping tap, "bathroom door won't lock" does not
 * leave the home open. Keep these narrow: each one can hide a real emergency phrased the same way.
 */
export const ROUTINE_LOOKALIKES: readonly EmergencyLexiconEntry[] = [
  {
    emergencyId: 'flood',
    phrases: [
      `tap|taps ..3 ${WONT}|wont be? turn*|shut*|switch*|stop*|go* ..1 off ..1 fully|properly|completely|all|right|tight|tightly`,
      `${WONT}|wont ..1 stop* drip*`,
      'flood light|lights|lite',
      'gutter*|guttering|downpipe*|drainpipe* ..4 pour*|gush*|overflow*',
      'spray*|splash*|squirt* ..2 water ..1 everywhere',
      'pour*|gush*|pissing ..4 gutter*|guttering|downpipe*|drainpipe*',
    ],
  },
  {
    emergencyId: 'electrical',
    phrases: [
      'smoke|heat|fire ..1 alarm*|detector*',
      'bulb|bulbs ..3 burnt|burned|blown|gone|out|popped|pop',
      'burnt|burned|blown|popped ..1 out? bulb|bulbs',
      'power|electric|electricity ..1 cut|cuts|outage|outages|off|out ..6 street|road|area|estate|village|town|neighbours|neighbour|everyone|everybody|next|block',
      `street|road|area|estate|village|neighbours|neighbour|everyone|everybody ..4 no|without|lost? ${POWER}`,
    ],
  },
  {
    emergencyId: 'insecure',
    phrases: [
      `${INDOORS} door|doors|lock|locks`,
      `${INDOORS} door|doors ..4 lock|locks|locking|locked|latch*|close|closing|shut|shutting|secure|secured|bolt`,
      'door|doors to ..1 the? bathroom|toilet|bedroom|loft|lounge|living|kitchen|cupboard|block|building|flats',
      'communal|block|building|stairwell|corridor|bin|store|lift ..3 door|doors',
      'window|windows ..1 handle*|hinge*|restrictor*|catch*|latch*|seal*|vent*|blind*|sill*|board*|cord*|stay*|mechanism|safety',
      'car|bike|shed|gate|bin|mailbox|letterbox|post ..1 lock|locks|window|windows',
      'key fob|fobs',
      'panel|panels|bath|cupboard|skirting|plasterboard|wall ..2 kicked|smashed|bashed ..1 in',
      `communal|building|block|flats ..4 ${WONT}|wont ..1 lock|locking|shut|close|closing|secure`,
      'in touch',
    ],
  },
  {
    emergencyId: 'no-heating',
    phrases: [
      `${BOILER} cupboard|pressure|door|timer|programmer|thermostat|flue|cover|casing|panel|service|servicing|check|display|screen|clock|dial|light|lights`,
    ],
  },
  {
    emergencyId: 'toilet',
    phrases: [
      'one|1 toilet|wc ..6 other|another|second|spare|upstairs|downstairs|en|ensuite',
      `only|sole ..2 ${TOILET} roll|rolls|seat|lid|paper|brush`,
      'cistern ..2 overflow*',
    ],
  },
];
