package org.peerreflect.report;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel workbook: At a glance, About, Where our views differ, Principles (with native
 * Excel charts), Items, Perspectives, Written answers, Since last time. Never a sheet of
 * individual responses. Answer text always goes in text cells, never formulas. Each list
 * sheet is a table with a frozen heading row, filters, and its heading printed on every
 * page; its number columns hold numbers, whole percents as the PDF prints them, and "not
 * shown" where a figure is withheld (never a blank that could mean 0). Every sheet prints
 * landscape, one page wide, its columns narrow enough that the text stays at 8 pt or
 * more.
 */
final class WorkbookReport {

	private WorkbookReport() {
	}

	static void write(Report model, OutputStream out) throws IOException {
		WorkbookContext context = WorkbookContext.of(model);
		try (XSSFWorkbook workbook = context.workbook()) {
			new GlanceSheet(context).glance();
			new AboutSheet(context).about();
			new DifferSheet(context).differ();
			new PrinciplesSheet(context).principles();
			// Made with the full object model for its charts, and moved after "Since
			// last time" below.
			String series = new SeriesSheet(context).series();
			// Then a streaming view of the workbook for the list sheets, which can be
			// long.
			SXSSFWorkbook streaming = new SXSSFWorkbook(workbook, 200);
			new ItemsSheet(context).items(streaming);
			new PerspectivesSheet(context).perspectives(streaming);
			new WrittenSheet(context).written(streaming);
			new SinceSheet(context).sinceLastTime(streaming);
			if (series != null) {
				streaming.setSheetOrder(series, streaming.getNumberOfSheets() - 1);
			}
			printSetup(streaming, model, context.text());
			streaming.write(out);
			streaming.dispose();
		}
	}

	/** Size of the charts' data labels, in hundredths of a point. */
	static final int LABEL_SIZE = 1000;

	/** Left and right margins in inches: narrow, so the columns keep more room. */
	static final double SIDE_MARGIN = 0.4;

	/**
	 * The widest a sheet may be, in characters of the workbook's font (Calibri 11, 7
	 * pixels a character at 96 dpi), to print one page wide on A4 landscape between
	 * margins of {@link #SIDE_MARGIN} inches at 75 % or more: 11 pt text then prints at 8
	 * pt or more.
	 */
	static final int PAGE_CHARS = (int) ((297 / 25.4 - 2 * SIDE_MARGIN) * 96 / 0.75 / 7);

	/**
	 * Every sheet prints landscape on A4, one page wide and as many long as it needs,
	 * with the report's title and period at the top of each page and its number at the
	 * foot.
	 */
	private static void printSetup(Workbook sheets, Report report, ReportText text) {
		String title = headerText(report.title(), 120);
		String period = report.period() == null ? "" : headerText(report.period(), 60);
		String page = text.get("report.sheet.page", "&P", "&N");
		for (int i = 0; i < sheets.getNumberOfSheets(); i++) {
			Sheet sheet = sheets.getSheetAt(i);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.getPrintSetup().setLandscape(true);
			sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN);
			sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
			sheet.setMargin(PageMargin.TOP, 0.75);
			sheet.setMargin(PageMargin.BOTTOM, 0.75);
			sheet.setMargin(PageMargin.HEADER, 0.3);
			sheet.setMargin(PageMargin.FOOTER, 0.3);
			sheet.getHeader().setLeft(title);
			sheet.getHeader().setRight(period);
			sheet.getFooter().setCenter(page);
		}
	}

	/**
	 * Words for a page's header: an ampersand doubled, as Excel reads a single one as a
	 * code, and cut short, as a header holds at most 255 characters in all.
	 */
	private static String headerText(String words, int most) {
		String shortened = words.length() <= most ? words : words.substring(0, most - 1) + "\u2026";
		return shortened.replace("&", "&&");
	}

}
