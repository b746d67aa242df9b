/**
 * The integrity ledger: confirmed entries with penalty points against buyers and merchants, the
 * versioned penalty policy that turns active points into restrictions and the merchant ladder, the
 * standing query ("what may this buyer do at this store now, and why"), and appeals. Entries only come
 * from a person's confirmation (a reviewed report, a judgment): nothing automatic imposes a restriction.
 */
package dev.candor.integrity;
