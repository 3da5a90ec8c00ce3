package org.peerreflect.report;

import java.io.IOException;
import java.io.OutputStream;

/** The two report files made from the same group summaries: the PDF and the Excel workbook. */
public final class ReportFiles {

	private ReportFiles() {
	}

	public static void pdf(ReportInput input, OutputStream out) {
		PdfReport.write(input, out);
	}

	public static void workbook(ReportInput input, OutputStream out) throws IOException {
		WorkbookReport.write(input, out);
	}

}
