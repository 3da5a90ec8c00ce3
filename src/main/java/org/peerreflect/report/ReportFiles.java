package org.peerreflect.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The two report files, the PDF and the Excel workbook, each laid out from the report's
 * one model.
 */
public final class ReportFiles {

	private ReportFiles() {
	}

	public static void pdf(ReportInput input, OutputStream out) {
		pdf(Report.of(input), out);
	}

	public static void pdf(Report report, OutputStream out) {
		PdfReport.write(report, out);
	}

	public static void workbook(ReportInput input, OutputStream out) throws IOException {
		workbook(Report.of(input), out);
	}

	/** The workbook of a report whose model is already made, so that it is made once. */
	public static void workbook(Report report, OutputStream out) throws IOException {
		WorkbookReport.write(report, out);
	}

}
