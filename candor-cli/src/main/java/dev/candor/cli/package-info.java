/**
 * The {@code candor} command line: batch evidence checks on the forensics library ({@code candor scan}).
 */
package dev.candor.cli;
