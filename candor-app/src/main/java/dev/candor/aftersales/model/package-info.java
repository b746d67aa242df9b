/**
 * The pure domain model of a case: the transition table, the category standards it runs under, and
 * the case aggregate that applies commands and returns refusals as values. No Spring, no SQL.
 */
package dev.candor.aftersales.model;
