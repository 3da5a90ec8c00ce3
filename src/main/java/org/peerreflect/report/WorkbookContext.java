package org.peerreflect.report;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What every sheet of one workbook shares: the report, its words, the workbook, its few
 * cell styles, and one quote-prefixed twin per style, made when first needed.
 */
record WorkbookContext(Report report, ReportText text, XSSFWorkbook workbook, CellStyle header, CellStyle wrap,
		CellStyle title, CellStyle percent, CellStyle signed, Map<CellStyle, CellStyle> quotePrefixed) {

	static WorkbookContext of(Report report) {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Font bold = workbook.createFont();
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		CellStyle header = workbook.createCellStyle();
		header.setFont(bold);
		header.setWrapText(true);
		header.setVerticalAlignment(VerticalAlignment.BOTTOM);
		header.setBorderBottom(BorderStyle.THIN);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		CellStyle wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		CellStyle title = workbook.createCellStyle();
		title.setFont(big);
		CellStyle percent = workbook.createCellStyle();
		percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
		CellStyle signed = workbook.createCellStyle();
		signed.setDataFormat(workbook.createDataFormat().getFormat("+0;-0;0"));
		return new WorkbookContext(report, new ReportText(report.language()), workbook, header, wrap, title, percent,
				signed, new HashMap<>());
	}

}
