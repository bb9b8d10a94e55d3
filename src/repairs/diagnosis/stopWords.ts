/**
 * Words that say nothing about which repair it is: grammar, greetings, politeness and the words every report shares
 * ("not", "fix", "please"). Dropping them keeps BM25 on the words that tell repairs apart. Direction words stay
 * ("hanging off", "blown down", "backing up", "locked out"), and so does "only" ("only toilet"). "No" goes: it is in
 * so many names ("No water supply", "No heating…") that it pulled "no water from the shower" away from the shower.
 * Both apostrophe forms are listed because terms reach this list before apostrophes are dropped.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about after again all also am an and any are as at be because been before being both but by can could did do
  does doing during each few for from further had has have having he her here hers him his how i i'm i've if in
  into is it it's its itself just me more most my myself nor not of on once or other our ours own same she
  should so some such than that the their them then there there's these they this those through to too until
  very was we were what when where which while who whom why will with would you your yours yourself can't won't
  don't doesn't isn't aren't wasn't didn't haven't hasn't couldn't wouldn't cant wont dont doesnt isnt didnt hi
  hello hiya morning afternoon evening please pls thanks thank cheers ta help asap urgent urgently need needs
  needed want would like someone somebody anyone come fix fixed fixing repair repaired repairs sort sorted look
  looked looking check send get got getting keep keeps kept still again now today yesterday week weeks days day
  ago since really very quite bit little lot lots think thought just also already problem issue issues report
  reporting happened happening going gone went started start starting big huge massive no`
    .split(/\s+/)
    .filter(Boolean),
);
