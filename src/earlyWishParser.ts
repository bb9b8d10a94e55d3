import { startWishParserInWorker } from './repairs/slots/wish/wishParserInWorker';

/**
 * The wish parser of `npm start`, its worker started the moment index.ts imports this, before the app's modules are
 * loaded: the date recogniser is loaded, built and warmed on the other core meanwhile (see wishParserInWorker.ts).
 */
export const earlyWishParser = startWishParserInWorker({
  onFallback: (error) =>
    process.emitWarning(`wish parser worker failed (${(error as Error)?.name}); parsing in the main thread`),
});
