package org.peerreflect.report;

import java.io.IOException;
import java.io.OutputStream;

/** The two report files: the PDF, laid out from the report's one model, and the Excel workbook. */
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
		workbook(Report.of(input), input, out);
	}

	/** The workbook of a report whose model is already made, so that it is made once. */
	public static void workbook(Report report, ReportInput input, OutputStream out) throws IOException {
		WorkbookReport.write(report, input, out);
	}

}
