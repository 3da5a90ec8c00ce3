package org.peerreflect.report;

import static org.peerreflect.report.PdfBlocks.spaced;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The handout: at most two pages of the report for people who will not go online, in the
 * round's language. It is the meeting's first page (thanks, what we agree on most, where
 * to start talking, what we agreed and how it moved), the cards as the cover says them,
 * what we agreed to try, and where to find the rest. Every word and figure comes from the
 * report's model as it was kept; nothing is worked out here. No type under 14 pt, and no
 * table, so that it reads when photocopied and passed round.
 */
public final class Handout {

	/** The most pages a handout takes, so that it prints on one sheet, both sides. */
	public static final int MOST_PAGES = 2;

	/** Its smallest type, in points. */
	public static final float TYPE = 14;

	private static final Color MUTED = new Color(0x4a5563);

	/**
	 * What the handout holds besides the report: what we agreed to try, in the order it
	 * was written, and the results address when the round shares one (else null).
	 */
	public record Extra(List<String> agreements, String address) {

		public Extra {
			agreements = List.copyOf(agreements);
		}

	}

	/**
	 * How much is kept to stay within two pages: the lines under the statements of the
	 * first {@code detailed} parts of the meeting's page (those of the last part go
	 * first), and the first {@code agreements}; the page says when anything was left out.
	 */
	private record Fit(int detailed, int agreements, boolean whole) {
	}

	private final Report report;

	private final Extra extra;

	private final ReportText text;

	private final Font words;

	private final Font strong;

	private final Font soft;

	private final Font heading;

	private final Font title;

	private Handout(Report report, Extra extra) {
		this.report = report;
		this.extra = extra;
		this.text = new ReportText(report.language());
		BaseFont regular = ReportFonts.regular();
		BaseFont bold = ReportFonts.bold();
		this.words = new Font(regular, TYPE, Font.NORMAL, PdfBlocks.INK);
		this.strong = new Font(bold, TYPE, Font.NORMAL, PdfBlocks.INK);
		this.soft = new Font(regular, TYPE, Font.NORMAL, MUTED);
		this.heading = new Font(bold, 18, Font.NORMAL, PdfBlocks.INK);
		this.title = new Font(bold, 24, Font.NORMAL, PdfBlocks.INK);
	}

	/**
	 * Writes the handout, leaving out the least needed first until it fits on two pages.
	 */
	public static void write(Report report, Extra extra, OutputStream out) {
		Handout handout = new Handout(report, extra);
		byte[] pdf = null;
		for (Fit fit : handout.fits()) {
			pdf = handout.render(fit);
			if (pages(pdf) <= MOST_PAGES) {
				break;
			}
		}
		try {
			out.write(pdf);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * From everything to the least: the lines under statements part by part from the end,
	 * then the agreements one at a time from the end.
	 */
	private List<Fit> fits() {
		List<Fit> fits = new ArrayList<>();
		int all = extra.agreements().size();
		int parts = report.meeting() == null ? 0 : report.meeting().parts().size();
		fits.add(new Fit(parts, all, true));
		for (int detailed = parts - 1; detailed >= 0; detailed--) {
			fits.add(new Fit(detailed, all, false));
		}
		for (int agreements = all - 1; agreements >= 0; agreements--) {
			fits.add(new Fit(0, agreements, false));
		}
		return fits;
	}

	private static int pages(byte[] pdf) {
		try (PdfReader reader = new PdfReader(pdf)) {
			return reader.getNumberOfPages();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private byte[] render(Fit fit) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, PdfBlocks.MARGIN, PdfBlocks.MARGIN, PdfBlocks.TOP,
				PdfBlocks.BOTTOM);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(text.get("handout.title", report.title()));
			document.addCreator("Peer Reflect");
			PdfBlocks.describe(writer, report.language());
			document.open();
			lay(document, fit);
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the handout could not be laid out", e);
		}
		return out.toByteArray();
	}

	private void lay(Document document, Fit fit) {
		List<String> about = new ArrayList<>();
		about.add(text.get("results.kicker"));
		if (report.organization() != null) {
			about.add(report.organization());
		}
		if (report.period() != null) {
			about.add(report.period());
		}
		add(document, spaced(new Paragraph(String.join(" \u00b7 ", about), soft), 0, 2));
		add(document, spaced(new Paragraph(report.title(), title), 0, 6));
		Report.Meeting meeting = report.meeting();
		if (meeting != null) {
			add(document, spaced(new Paragraph(meeting.thanks(), words), 0, 4));
		}
		// The cover's facts on who took part and the cards, in the cover's own words.
		Set<String> shown = Set.of(text.get("report.cover.tookPart"), text.get("report.cover.codes"));
		for (Report.Fact fact : report.cover()) {
			if (shown.contains(fact.label())) {
				Paragraph line = new Paragraph(fact.label() + ": ", strong);
				line.add(new Chunk(String.join("; ", fact.values()), words));
				add(document, spaced(line, 0, 0));
			}
		}
		if (report.noResults() != null) {
			add(document, spaced(new Paragraph(report.noResults(), strong), 6, 0));
		}
		if (meeting != null) {
			int at = 0;
			for (Report.MeetingPart part : meeting.parts()) {
				boolean detailed = at++ < fit.detailed();
				add(document, spaced(new Paragraph(part.title(), heading), 10, 2));
				for (Report.MeetingLine line : part.lines()) {
					add(document, spaced(indented(new Paragraph("\u2022 " + line.text(), strong)), 2, 0));
					if (detailed) {
						for (String detail : line.details()) {
							Paragraph said = spaced(new Paragraph(detail, soft), 0, 0);
							said.setIndentationLeft(14);
							add(document, said);
						}
					}
				}
				if (part.note() != null) {
					add(document, spaced(new Paragraph(part.note(), words), 3, 0));
				}
			}
		}
		agreed(document, fit);
		add(document, spaced(new Paragraph(text.get("handout.more"), heading), 10, 2));
		if (!fit.whole()) {
			add(document, spaced(new Paragraph(text.get("handout.shorter"), words), 0, 2));
		}
		if (extra.address() != null) {
			add(document, spaced(new Paragraph(text.get("handout.address"), words), 0, 0));
			// The token on a line of its own, in letters of one width, so that even the
			// widest token fits and no line break falls inside it; each letter is easy
			// to tell apart when typed from paper.
			int cut = extra.address().lastIndexOf('/') + 1;
			Font typed = new Font(Font.COURIER, TYPE, Font.BOLD, PdfBlocks.INK);
			add(document, spaced(new Paragraph(extra.address().substring(0, cut), typed), 0, 0));
			add(document, spaced(new Paragraph(extra.address().substring(cut), typed), 0, 2));
		}
		add(document, spaced(new Paragraph(text.get("results.whole"), words), 0, 0));
	}

	private void agreed(Document document, Fit fit) {
		add(document, spaced(new Paragraph(report.agreed().title(), heading), 10, 2));
		List<String> agreements = extra.agreements();
		if (agreements.isEmpty()) {
			add(document,
					spaced(new Paragraph(
							text.get(extra.address() == null ? "handout.noAgreements" : "handout.noAgreementsThere"),
							words), 0, 0));
			return;
		}
		add(document, spaced(new Paragraph(report.agreed().lead(), words), 0, 2));
		int step = 1;
		for (String agreement : agreements.subList(0, fit.agreements())) {
			Paragraph item = spaced(new Paragraph(step++ + ".  " + agreement, words), 1, 0);
			item.setIndentationLeft(22);
			item.setFirstLineIndent(-22);
			add(document, item);
		}
		int left = agreements.size() - fit.agreements();
		if (left > 0) {
			add(document, spaced(new Paragraph(text.get("handout.moreAgreements", left), strong), 3, 0));
		}
	}

	private static Paragraph indented(Paragraph paragraph) {
		paragraph.setIndentationLeft(14);
		paragraph.setFirstLineIndent(-14);
		return paragraph;
	}

	private static void add(Document document, Paragraph paragraph) {
		PdfBlocks.add(document, paragraph);
	}

}
