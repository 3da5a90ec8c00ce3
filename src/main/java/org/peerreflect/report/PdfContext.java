package org.peerreflect.report;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfWriter;

/**
 * What every part of one PDF report shares: the report, its words, the document and its
 * writer, and the type.
 */
record PdfContext(Report report, ReportText text, Document document, PdfWriter writer, PdfFonts fonts) {
}
