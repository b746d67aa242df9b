/**
 * Demo data for the embedded default run: principals with documented keys, two stores, buyers, orders
 * and cases in several states, pushed through Candor's own public API on first start exactly as an
 * order system and its users would, so the demo exercises the real validation, audit and events.
 */
package dev.candor.demo;
