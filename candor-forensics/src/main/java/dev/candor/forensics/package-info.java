/**
 * Candor's evidence-photo forensics: the only exported package. Start at {@link dev.candor.forensics.Forensics#scanner}; a scan returns a {@link dev.candor.forensics.ForensicReport} whose findings are graded by {@link dev.candor.forensics.Strength}, rendered by {@link dev.candor.forensics.ReportJson} and {@link dev.candor.forensics.ReportHtml}. Everything else in the module is implementation.
 */
package dev.candor.forensics;
