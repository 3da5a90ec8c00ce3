package org.peerreflect.report;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Locale;
import java.io.OutputStream;

/**
 * The two report files, the PDF and the Excel workbook, each laid out from the report's
 * one model.
 */
public final class ReportFiles {

	private ReportFiles() {
	}

	/**
	 * Words as part of a file name: plain lowercase letters and digits joined by dashes,
	 * at most {@code longest} long ("Łódź Spring" becomes "lodz-spring"), for the command
	 * line's files and the downloads alike.
	 */
	public static String slug(String text, int longest) {
		// Letters that carry no separable accent are spelled out first.
		String spelled = text.replace("Ł", "L")
			.replace("ł", "l")
			.replace("Đ", "D")
			.replace("đ", "d")
			.replace("Ø", "O")
			.replace("ø", "o")
			.replace("ß", "ss")
			.replace("Æ", "Ae")
			.replace("æ", "ae");
		String plain = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-", "");
		// Cut first, then take off a dash left at the end, so that no name ends in one.
		return (slug.length() > longest ? slug.substring(0, longest) : slug).replaceAll("-$", "");
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
