// Preloaded with `node --import` to move a process's clock a year ahead, so a test can show that a
// result does not depend on the day it runs.
const YEAR = 365 * 24 * 3_600_000;
const RealDate = Date;

class LaterDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + YEAR);
    else super(...args);
  }

  static now() {
    return RealDate.now() + YEAR;
  }

  // Dates made elsewhere (a worker thread's, copied over) are dates too, as with the real Date.
  static [Symbol.hasInstance](value) {
    return value instanceof RealDate;
  }
}

globalThis.Date = LaterDate;
